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
  },
});
