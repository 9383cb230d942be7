import type { Command } from 'commander';
import { runCommand } from '../run-command.ts';

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
        const where =
          earshot.config.database.kind === 'postgres' ? 'PostgreSQL server' : earshot.config.database.dataDir;
        process.stdout.write(`Database is up to date (${rows.length} migrations applied) — ${where}\n`);
      }),
    );
}
