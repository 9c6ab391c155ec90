import { defineConfig } from 'vitest/config';

// The kernel conformance suite (tests/kernel): real network namespaces, so one file at a time
// in a forked process (teardown handlers own their process), with time for namespace setup.
export default defineConfig({
  test: {
    include: ['tests/kernel/**/*.test.ts'],
    pool: 'forks',
    fileParallelism: false,
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
