import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['**/*.test.ts'],
    exclude: ['**/node_modules/**', '**/dist/**', '**/.nexxo/**', '.cache/**'],
    globalSetup: ['test-utils/global-setup.ts'],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Server and browser tests each start processes; two cores do not gain from more workers.
    maxWorkers: 2,
    // CI runs on a shared 2-core machine where a dev server, a prod server and Chromium compete;
    // a test that fails there gets one more try (a real failure fails twice).
    retry: process.env.CI ? 1 : 0,
  },
});
