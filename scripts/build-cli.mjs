// Bundles the Node programs into dist/: the command-line tool (the .xlsx adapter and the same
// actions) and, with --bench, the benchmark.
import { build } from 'esbuild';

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
};
await build({
  ...common,
  entryPoints: ['src/cli/bin.ts'],
  outfile: 'dist/cli.js',
  banner: { js: '#!/usr/bin/env node' },
});
if (process.argv.includes('--bench'))
  await build({ ...common, entryPoints: ['bench/bench.ts'], outfile: 'dist/bench.js' });
