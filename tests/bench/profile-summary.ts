/**
 * Reads a V8 CPU profile (`.cpuprofile`, from `node --cpu-prof` or `BENCH_PROFILE` of
 * bench:pages) and prints where the time went: self time (the function itself) and total time
 * (it and everything it called, each sample counted once however deep the recursion), by
 * function and by file, as shares of the whole. Files of node_modules are named by package.
 *
 *   tsx tests/bench/profile-summary.ts <file.cpuprofile> [rows, default 25] [function]
 *
 * With a function's name (as printed, or its start), also where its self time was called from:
 * the chain of callers, three deep.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, rowsArg, focus] = process.argv.slice(2);
if (!file) throw new Error('usage: profile-summary.ts <file.cpuprofile> [rows]');
const rows = Number(rowsArg ?? 25);
const profile = JSON.parse(readFileSync(file, 'utf8')) as Profile;

/** A file as a short name: the package for node_modules, else the path inside the project. */
const fileName = (url: string): string => {
  if (!url) return '(native)';
  const inModules = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/);
  if (inModules) return inModules[1]!;
  return url.replace(/^file:\/\//, '').replace(/^.*?\/(worker|web|db|tests)\//, '$1/');
};
const functionName = (node: ProfileNode) =>
  `${node.callFrame.functionName || '(anonymous)'} ${fileName(node.callFrame.url)}:${node.callFrame.lineNumber + 1}`;

const byId = new Map(profile.nodes.map((node) => [node.id, node]));
const parent = new Map<number, number>();
for (const node of profile.nodes)
  for (const child of node.children ?? []) parent.set(child, node.id);

const selfByFunction = new Map<string, number>();
const totalByFunction = new Map<string, number>();
const selfByFile = new Map<string, number>();
const focusCallers = new Map<string, number>();
const totalByFile = new Map<string, number>();
const add = (map: Map<string, number>, key: string, value: number) =>
  map.set(key, (map.get(key) ?? 0) + value);

let whole = 0;
profile.samples.forEach((id, i) => {
  const time = profile.timeDeltas[i + 1] ?? 0;
  const leaf = byId.get(id)!;
  if (leaf.callFrame.functionName === '(idle)') return;
  whole += time;
  add(selfByFunction, functionName(leaf), time);
  add(selfByFile, fileName(leaf.callFrame.url), time);
  if (focus && functionName(leaf).startsWith(focus)) {
    const callers: string[] = [];
    let node = byId.get(parent.get(leaf.id)!);
    for (; node && callers.length < 3; node = byId.get(parent.get(node.id)!)) {
      callers.push(functionName(node));
    }
    add(focusCallers, callers.join(' < '), time);
  }
  const functions = new Set<string>();
  const files = new Set<string>();
  for (let node: ProfileNode | undefined = leaf; node; node = byId.get(parent.get(node.id)!)) {
    functions.add(functionName(node));
    files.add(fileName(node.callFrame.url));
  }
  for (const name of functions) add(totalByFunction, name, time);
  for (const name of files) add(totalByFile, name, time);
});

const table = (title: string, map: Map<string, number>) => {
  console.log(`\n${title}`);
  for (const [name, time] of [...map].sort((a, b) => b[1] - a[1]).slice(0, rows)) {
    console.log(`${((100 * time) / whole).toFixed(1).padStart(6)} %  ${name}`);
  }
};
console.log(`${file}: ${(whole / 1000).toFixed(0)} ms sampled (idle left out)`);
table('self, by function', selfByFunction);
table('total, by function', totalByFunction);
table('self, by file', selfByFile);
table('total, by file', totalByFile);
if (focus) table(`${focus}: self time by callers`, focusCallers);
