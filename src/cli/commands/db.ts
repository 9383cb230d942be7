import type { Command } from 'commander';
import { describeDatabase } from '../../db/describe-database.ts';
import { runCommand } from '../run-command.ts';
import { printDatabaseStatus } from './db-status.ts';

export function registerDb(program: Command) {
  const db = program.command('db').description('database maintenance');
  db.command('migrate')
    .description('apply pending migrations (Earshot also does this at every start)')
    .action(() =>
      runCommand(async (earshot) => {
        // createEarshot has already migrated; report where the database stands.
        const rows = await earshot.db.query<{ migration_name: string }>(
          'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL ORDER BY migration_name',
        );
        process.stdout.write(
          `Database is up to date (${rows.length} migrations applied) — ${describeDatabase(earshot.config)}\n`,
        );
      }),
    );
  db.command('status')
    .description('where the database is, whether a server owns it, its migrations and entries per workspace')
    .action(() =>
      runCommand((earshot) => printDatabaseStatus(earshot, (text) => process.stdout.write(text))),
    );
}
