import { describeAccess, describeDatabase } from '../../db/describe-database.ts';
import type { Earshot } from '../../main.ts';

interface WorkspaceCounts {
  workspace_id: string;
  published: number;
  pending: number;
  other: number;
  total: number;
}

/** The database's kind and place, who serves it, its migrations and its entries per workspace. */
export async function printDatabaseStatus(earshot: Earshot, write: (text: string) => void): Promise<void> {
  const { db, config } = earshot;
  const migrations = await db.query<{ migration_name: string }>(
    'SELECT migration_name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL ORDER BY migration_name',
  );
  const counts = await db.query<WorkspaceCounts>(
    `SELECT workspace_id,
            count(*) FILTER (WHERE status = 'published')::int AS published,
            count(*) FILTER (WHERE status = 'pending')::int AS pending,
            count(*) FILTER (WHERE status NOT IN ('published', 'pending'))::int AS other,
            count(*)::int AS total
     FROM entries GROUP BY workspace_id ORDER BY workspace_id`,
  );
  const lines = [
    `Database: ${describeDatabase(config)}`,
    `Server: ${describeAccess(db.location)}`,
    `Migrations: ${migrations.length} applied${migrations.length ? `, latest ${migrations.at(-1)?.migration_name}` : ''}`,
  ];
  if (counts.length === 0) {
    lines.push('Entries: none yet (earshot import FILE, or earshot demo)');
  } else {
    lines.push('Entries per workspace (published / pending / rejected or archived / total):');
    for (const row of counts) {
      lines.push(`  ${row.workspace_id}: ${row.published} / ${row.pending} / ${row.other} / ${row.total}`);
    }
  }
  write(`${lines.join('\n')}\n`);
}
