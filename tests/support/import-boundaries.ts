import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, relative, sep } from 'node:path';

/** The three layers of the app; everything else (tests, scripts) may import anything. */
export type Layer = 'worker' | 'web' | 'db';

/** One import found in a source file. */
export interface ImportRef {
  specifier: string;
  /** True for `import type` / `export type`, which vanish at build time. */
  typeOnly: boolean;
}

/** One line crossed: which file, what it imported, and the rule it broke. */
export interface BoundaryViolation {
  file: string;
  specifier: string;
  rule: string;
}

// Static imports and re-exports (`import x from`, `import type { x } from`, `export * from`),
// side-effect imports and dynamic `import('…')`. Comments are stripped first, so an example in
// a comment is not an import.
const STATIC =
  /(?:^|[;\n])\s*(import|export)\s+(type\s+)?(?:[\w*{}\s,$]+?\s+from\s+)?['"]([^'"]+)['"]/g;
const DYNAMIC = /\bimport\(\s*['"]([^'"]+)['"]\s*\)/g;
const COMMENTS = /\/\*[\s\S]*?\*\/|(^|[^:'"\\])\/\/[^\n]*/g;

/** The imports of one file's source text. */
export function importsOf(source: string): ImportRef[] {
  const code = source.replace(COMMENTS, '$1');
  const refs: ImportRef[] = [];
  for (const m of code.matchAll(STATIC)) refs.push({ specifier: m[3]!, typeOnly: Boolean(m[2]) });
  for (const m of code.matchAll(DYNAMIC)) refs.push({ specifier: m[1]!, typeOnly: false });
  return refs;
}

const layerOf = (path: string): Layer | undefined => {
  const top = path.split(/[\\/]/)[0];
  return top === 'worker' || top === 'web' || top === 'db' ? top : undefined;
};

// Packages only the database layer may use: the rest of the app reaches data through db/.
const DATABASE_PACKAGES = /^(drizzle-orm|@libsql\/client|libsql)(\/|$)/;

/**
 * The rules of the one-way flow, for a file at `file` (relative to the project root):
 * worker may import web and db; web may import db types only; db imports neither.
 */
export function checkImports(file: string, refs: ImportRef[]): BoundaryViolation[] {
  const from = layerOf(file);
  if (!from) return [];
  const out: BoundaryViolation[] = [];
  for (const { specifier, typeOnly } of refs) {
    if (DATABASE_PACKAGES.test(specifier) && from !== 'db' && !typeOnly) {
      out.push({ file, specifier, rule: `${from}/ reaches the database only through db/` });
      continue;
    }
    if (!specifier.startsWith('.')) continue;
    const to = layerOf(normalize(join(dirname(file), specifier)));
    if (!to || to === from) continue;
    if (from === 'db') out.push({ file, specifier, rule: `db/ imports nothing of ${to}/` });
    else if (from === 'web' && to === 'worker')
      out.push({ file, specifier, rule: 'web/ imports nothing of worker/' });
    else if (from === 'web' && to === 'db' && !typeOnly)
      out.push({ file, specifier, rule: 'web/ imports only types from db/' });
  }
  return out;
}

const SOURCE = /\.(ts|tsx)$/;

/** Every source file of the three layers, relative to `root`. */
export function layerFiles(root: string): string[] {
  const walk = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
      const path = join(dir, entry.name);
      if (entry.isDirectory())
        return entry.name === 'generated' || entry.name === 'migrations' ? [] : walk(path);
      return SOURCE.test(entry.name) ? [relative(root, path).split(sep).join('/')] : [];
    });
  return (['worker', 'web', 'db'] as const).flatMap((layer) => walk(join(root, layer)));
}

/** Every line crossed in the tree at `root`. */
export function checkTree(root: string): BoundaryViolation[] {
  return layerFiles(root).flatMap((file) =>
    checkImports(file, importsOf(readFileSync(join(root, file), 'utf8'))),
  );
}
