// Lists import cycles between the files of src (type imports included): `node scripts/check-cycles.mjs`.
// Exits 1 when there is one, so that npm test keeps the layers a tree.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';

const files = [];
const walk = (d) => {
  for (const f of readdirSync(d)) {
    const p = join(d, f);
    if (statSync(p).isDirectory()) walk(p);
    else if (p.endsWith('.ts') && !p.endsWith('.test.ts')) files.push(resolve(p));
  }
};
walk('src');
const graph = new Map();
for (const f of files) {
  const text = readFileSync(f, 'utf8');
  const deps = [...text.matchAll(/from '(\.[^']+)'/g)]
    .map((m) => resolve(dirname(f), m[1]) + '.ts')
    .filter((p) => files.includes(p));
  graph.set(f, deps);
}
const cycles = [];
const state = new Map();
const stack = [];
const visit = (f) => {
  state.set(f, 'open');
  stack.push(f);
  for (const d of graph.get(f) ?? []) {
    if (state.get(d) === 'open') cycles.push([...stack.slice(stack.indexOf(d)), d].map((p) => relative('src', p)));
    else if (!state.has(d)) visit(d);
  }
  stack.pop();
  state.set(f, 'done');
};
for (const f of files) if (!state.has(f)) visit(f);
for (const c of cycles) console.log(`import cycle: ${c.join(' → ')}`);
process.exit(cycles.length ? 1 : 0);
