import { defineConfig } from 'vitest/config';
import { WASM_TIERING_FLAG } from './bin/v8-flags.js';
import SlowFirstSequencer from './test/slow-first-sequencer.ts';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts'],
    globalSetup: ['test/global-setup.ts'],
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Three workers on two cores: many tests wait on child processes, servers and timers, and a third
    // file fills that idle time (the ten slowest files: 274 s with two workers, 258 s with three).
    maxWorkers: 3,
    sequence: { sequencer: SlowFirstSequencer },
    // A worker keeps the modules it loaded for its next file instead of loading them again for each
    // file: the suite took 558 s instead of 615 s. Each test opens its own servers and a database reset
    // to its migrated state (test/helpers/reusable-databases.ts), so a file finds nothing of the one before.
    isolate: false,
    // Each test opens PGlite several times for seconds: V8 optimising its start-up code is wasted work
    // (test/slack: 202 s of CPU without the flag, 164 s with it; see bin/v8-flags.js).
    execArgv: [WASM_TIERING_FLAG],
  },
});
