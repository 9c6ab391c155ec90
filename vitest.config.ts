import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Unit and property tests only; Playwright owns tests/e2e, the kernel suite has its own config.
// Time is not what a unit test checks (speed targets live in bench/), so the timeout only
// catches a hang: vitest's 5 s default failed property tests on a loaded 2-core machine.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  test: { include: ['tests/unit/**/*.test.ts'], setupFiles: ['tests/unit/setup/fast-check.ts'], testTimeout: 30_000 },
});
