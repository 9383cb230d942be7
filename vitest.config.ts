import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Three workers on two cores: many tests wait on child processes, servers and timers, and a third
    // file fills that idle time (the ten slowest files: 274 s with two workers, 258 s with three).
    maxWorkers: 3,
  },
});
