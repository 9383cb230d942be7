import type { Command } from 'commander';
import { loadConfig } from '../config.ts';
import { describeDatabase } from '../db/describe-database.ts';
import { describeOwner } from '../db/open-data-dir.ts';
import { readOwner } from '../db/owner-lock.ts';

/**
 * `earshot --verbose …` (any command): before the command runs, says on stderr which .env files were
 * read, where the database is and, on the embedded one, which process serves it.
 */
export function registerVerbose(program: Command, envFiles: readonly string[]): void {
  program.option('--verbose', 'print the .env files read and where the database is (to stderr)');
  program.hook('preAction', async () => {
    if (!program.opts().verbose) return;
    const lines = [`.env files read: ${envFiles.length ? envFiles.join(', ') : 'none'}`];
    try {
      const config = loadConfig();
      lines.push(`database: ${describeDatabase(config)}`);
      if (config.database.kind === 'pglite') {
        const owner = await readOwner(config.database.dataDir);
        lines.push(
          `database owner: ${owner ? describeOwner(owner) : 'none running (this command opens it)'}`,
        );
      }
    } catch {
      // A configuration error is reported by the command itself, with the fix.
    }
    process.stderr.write(lines.map((line) => `earshot: ${line}\n`).join(''));
  });
}
