import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, normalize } from 'node:path';
import { describe, expect, it } from 'vitest';
import { importsOf, layerFiles } from '../../support/import-boundaries';
import * as onDemand from '../../../worker/on-demand';

const root = new URL('../../../', import.meta.url).pathname;
const sourceDir = 'worker/on-demand';
const sources = readdirSync(join(root, sourceDir))
  .filter((f) => f.endsWith('.ts'))
  .map((f) => f.slice(0, -3));

/** A package name, or a project file without its extension, as an import names it. */
const target = (file: string, specifier: string) =>
  specifier.startsWith('.')
    ? normalize(join(dirname(file), specifier)).replace(/\.tsx?$/, '')
    : specifier;

// What the on-demand modules carry: whatever their sources import.
const carried = new Set(
  sources.flatMap((name) => {
    const file = `${sourceDir}/${name}.ts`;
    return importsOf(readFileSync(join(root, file), 'utf8')).map((ref) =>
      target(file, ref.specifier),
    );
  }),
);

describe('the on-demand modules (worker/on-demand.ts)', () => {
  it('are each loaded by one function, which gives the exports of its source', async () => {
    const loaderText = readFileSync(join(root, 'worker/on-demand.ts'), 'utf8');
    for (const name of sources)
      expect(loaderText, name).toContain(`'./on-demand/built/${name}.mjs' as string`);
    const loaders = Object.values(onDemand);
    expect(loaders).toHaveLength(sources.length);
    const loaded = await Promise.all(loaders.map((load) => load()));
    const exported = await Promise.all(
      sources.map(async (name) =>
        Object.keys(await import(/* @vite-ignore */ join(root, sourceDir, `${name}.ts`))).sort(),
      ),
    );
    expect(loaded.map((module) => Object.keys(module).sort()).sort()).toEqual(exported.sort());
  });

  it('are never imported by value elsewhere, which would bundle them into the entry again', () => {
    const crossings = layerFiles(root)
      .filter((file) => !file.startsWith(`${sourceDir}/`))
      .flatMap((file) =>
        importsOf(readFileSync(join(root, file), 'utf8'))
          .filter((ref) => !ref.typeOnly && carried.has(target(file, ref.specifier)))
          .map((ref) => `${file} imports ${ref.specifier}`),
      );
    expect(crossings).toEqual([]);
  });
});
