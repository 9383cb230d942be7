import { readFileSync } from 'node:fs';
import { BaseSequencer, type TestSpecification } from 'vitest/node';

/** A test file that starts Earshot as child processes: each of them takes seconds. */
const STARTS_PROCESSES = /\b(runCli|startServeProcess)\(/;

/**
 * Runs the files that start child processes first, then the rest in vitest's own order (slowest first
 * once it has timed a run, largest first before). A fresh clone has no timings, and by size those files
 * came mid-run, where their children competed with the heaviest in-process tests: CI's test run took
 * 1,060 s on a machine where the timed order took 836 s.
 */
export default class SlowFirstSequencer extends BaseSequencer {
  override async sort(files: TestSpecification[]): Promise<TestSpecification[]> {
    const first: TestSpecification[] = [];
    const rest: TestSpecification[] = [];
    for (const file of await super.sort(files)) {
      (STARTS_PROCESSES.test(readFileSync(file.moduleId, 'utf8')) ? first : rest).push(file);
    }
    return [...first, ...rest];
  }
}
