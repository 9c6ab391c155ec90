/**
 * The command-line tracer: `npm run -s trace -- [options]` (see --help and the README).
 * This file is only the process glue; the work is in main.ts.
 */
import { main } from './main';
import { readBounded } from './readInput';

let interrupted = false;
process.on('SIGINT', () => {
  // A second Ctrl-C leaves at once; the first asks the run to stop with its counts so far.
  if (interrupted) process.exit(130);
  interrupted = true;
});

main(process.argv.slice(2), {
  read: (path) => readBounded(path),
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  now: () => performance.now(),
  ...(process.stderr.isTTY ? { status: (text: string) => process.stderr.write(text) } : {}),
  interrupted: () => interrupted,
}).then(
  (code) => {
    process.exitCode = code;
  },
  (e: unknown) => {
    // Bad input never gets here (main reports it with status 2): this is a bug in the tracer.
    const message = e instanceof Error ? e.message : String(e);
    // eslint-disable-next-line no-control-regex -- matching control characters is the point: they are blanked
    const shown = message.replace(/[\u0000-\u001f\u007f-\u009f]/g, ' ').slice(0, 500);
    process.stderr.write(
      `trace: internal error (a bug in the tracer, not in your input: please report it to the project's issue tracker with the command line and input files): ${shown}\n`,
    );
    process.exitCode = 1;
  },
);
