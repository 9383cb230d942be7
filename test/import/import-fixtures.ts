import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, expect } from 'vitest';
import { EarshotError } from '../../src/errors.ts';

/** Gives each test a fresh temp dir; `write` puts a fixture file in it and returns its path. */
export function useFixtureDir(): { write: (name: string, text: string) => Promise<string> } {
  let dir = '';
  beforeEach(async () => {
    dir = await mkdtemp(join(tmpdir(), 'earshot-import-'));
  });
  afterEach(async () => {
    await rm(dir, { recursive: true, force: true });
  });
  return {
    write: async (name, text) => {
      const path = join(dir, name);
      await writeFile(path, text);
      return path;
    },
  };
}

/** Awaits a parse that must fail and returns its import error, so tests can assert on the message. */
export async function importErrorOf(parsing: Promise<unknown>): Promise<EarshotError> {
  const error = await parsing.then(
    () => undefined,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(EarshotError);
  expect((error as EarshotError).code).toBe('import_invalid');
  return error as EarshotError;
}

export const jsonLines = (...records: object[]): string =>
  records.map((record) => JSON.stringify(record)).join('\n');
