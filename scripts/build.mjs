// Bundles src/main.ts into build/Code.js for Apps Script and copies appsscript.json beside it.
// Apps Script finds only top-level function declarations, so the IIFE's exports are re-declared
// as one-line functions that delegate into it.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, readFileSync, statSync } from 'node:fs';

const GLOBAL = 'PlanApp';
// The global functions are the functions src/main.ts exports: their names are written there only.
const FUNCTIONS = [...readFileSync('src/main.ts', 'utf8').matchAll(/^export function (\w+)\(/gm)].map((m) => m[1]);
if (!FUNCTIONS.includes('onOpen')) throw new Error('src/main.ts exports no onOpen: the menu would never appear.');

mkdirSync('build', { recursive: true });
await build({
  entryPoints: ['src/main.ts'],
  bundle: true,
  format: 'iife',
  globalName: GLOBAL,
  target: 'es2020',
  outfile: 'build/Code.js',
  legalComments: 'none',
  // Smaller to parse on every click: Japanese written as itself (not \uXXXX escapes) and names
  // inside the bundle shortened; the global functions keep theirs (the footer declares them).
  charset: 'utf8',
  minify: true,
  logLevel: 'warning',
  footer: {
    // Every argument passed on: the panel's server functions take several (panelSelect(sheet, row, col)).
    js: FUNCTIONS.map((f) => `function ${f}() { return ${GLOBAL}.${f}.apply(null, arguments); }`).join('\n'),
  },
});
const code = readFileSync('build/Code.js', 'utf8');
if (/^\s*(import|export)\s/m.test(code))
  throw new Error('build/Code.js still holds import/export: Apps Script would reject it.');
copyFileSync('appsscript.json', 'build/appsscript.json');
// The two files someone pastes into the spreadsheet's Apps Script editor (README: 貼り付けて入れる).
const kb = (file) => `${(statSync(file).size / 1024).toFixed(1)} KB`;
console.log(`${process.cwd()}/build/Code.js ${kb('build/Code.js')} (${FUNCTIONS.length} global functions)`);
console.log(`${process.cwd()}/build/appsscript.json ${kb('build/appsscript.json')} (the manifest)`);

// The command line as one self-contained file (exceljs and zod inside) for offices without
// access to the npm registry: copy it and run it with plain `node`, no node_modules needed.
await build({
  entryPoints: ['src/cli/bin.ts'],
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  outfile: 'dist/danjo-plan.mjs',
  legalComments: 'none',
  minify: true,
  logLevel: 'error',
  // The chart's renderers (a native binary among them) stay out: the file then writes the
  // summary without its picture, and says so.
  external: ['@resvg/resvg-js', 'vega', 'vega-lite'],
  // exceljs is CommonJS and asks for Node's modules with require().
  banner: {
    js: "#!/usr/bin/env node\nimport { createRequire as __createRequire } from 'node:module'; const require = __createRequire(import.meta.url);",
  },
});
console.log(
  `dist/danjo-plan.mjs ${(statSync('dist/danjo-plan.mjs').size / 1024 / 1024).toFixed(1)} MB (the command line, self-contained)`,
);
