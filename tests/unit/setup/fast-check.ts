import fc from 'fast-check';

/**
 * Property tests explore fresh random cases on every developer run, but CI replays one fixed
 * seed so a landing is reproducible: a red CI run then always means the code, never the draw.
 * FC_SEED=<n> replays any run (fast-check prints the seed of a failure).
 */
const fromEnv = process.env['FC_SEED'];
const seed =
  fromEnv !== undefined && /^-?\d+$/.test(fromEnv) ? Number(fromEnv) : process.env['CI'] ? 20261126 : undefined;
if (seed !== undefined) fc.configureGlobal({ seed });
