import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // PGlite is single-threaded WebAssembly; two workers keep both cores busy without thrashing.
    maxWorkers: 2,
  },
});
