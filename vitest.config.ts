import { fileURLToPath } from 'node:url';
import { defineConfig } from 'vitest/config';

// Unit and property tests only; Playwright owns tests/e2e, the kernel suite has its own config.
export default defineConfig({
  resolve: { alias: { '@': fileURLToPath(new URL('./src', import.meta.url)) } },
  test: { include: ['tests/unit/**/*.test.ts'], setupFiles: ['tests/unit/setup/fast-check.ts'] },
});
