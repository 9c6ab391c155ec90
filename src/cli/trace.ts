/**
 * The command-line tracer: `npm run -s trace -- [options]` (see --help and the README).
 * This file is only the process glue; the work is in main.ts.
 */
import { readFileSync } from 'node:fs';
import { main } from './main';

try {
  process.exitCode = main(process.argv.slice(2), {
    read: (path) => readFileSync(path === '-' ? 0 : path, 'utf8'),
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
  });
} catch (e) {
  // Bad input never gets here (main reports it with status 2); this is a bug in the tracer.
  process.stderr.write(`trace: internal error: ${e instanceof Error ? e.message : String(e)}\n`);
  process.exitCode = 1;
}
