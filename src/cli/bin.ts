import { fileURLToPath } from 'node:url';
import { main } from './main';
import * as M from './cliMessages';

// Built to dist/cli.js; the example data stands beside dist/ in the project.
const examplesDir = fileURLToPath(new URL('../examples/', import.meta.url));

main(process.argv.slice(2), { out: (l) => console.log(l), err: (l) => console.error(l), examplesDir }).then(
  (code) => process.exit(code),
  (e: unknown) => {
    // Every failure a user can cause has its own message; this is a fault of the tool.
    const detail = process.env.DEBUG ? `\n${e instanceof Error ? e.stack : String(e)}` : M.debugHint();
    console.error(M.unexpected(detail));
    process.exit(5);
  },
);
