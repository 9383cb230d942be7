import type { Command } from 'commander';
import { z } from 'zod';
import { TRIGGER_FILE_FIELDS, triggerFileRecordSchema } from '../../nudges/triggers/trigger-event.ts';
import { readRecordFile } from '../../records/read-record-file.ts';
import { limitOption, WORKSPACE_HELP, workspaceOption } from '../options.ts';
import { isoDay } from '../render-answer.ts';
import { runInWorkspace } from '../run-command.ts';

const importOptions = z.object({ workspace: workspaceOption });
const listOptions = z.object({
  workspace: workspaceOption,
  unmatched: z.boolean().optional(),
  limit: limitOption.default(50),
  json: z.boolean().optional(),
});

export function registerTriggers(program: Command) {
  const triggers = program
    .command('triggers')
    .description('buying-trigger events (funding, new executives, job changes…)');
  triggers
    .command('import')
    .description(
      'import trigger events from CSV or JSON Lines: type, accountName, accountDomain, title, url, occurredAt',
    )
    .argument('<file>', 'the file; validated whole before anything is stored')
    .option('-w, --workspace <id>', WORKSPACE_HELP, 'local')
    .action((file: string, raw: unknown) =>
      runInWorkspace(
        () => importOptions.parse(raw),
        async (earshot, input) => {
          const { workspace } = input;
          const records = await readRecordFile(file, {
            schema: triggerFileRecordSchema,
            fields: TRIGGER_FILE_FIELDS,
            noun: 'trigger event',
          });
          const result = await earshot.ingestTriggers({
            workspaceId: workspace,
            events: records.map((record) => record.value),
            source: 'import',
          });
          process.stdout.write(
            `Stored ${result.stored} trigger events in "${workspace}" (${result.duplicates} already known): ` +
              `${result.matched} matched an account, ${result.unmatched.length} unmatched; ${result.alertsQueued} alerts queued` +
              ' (a running `earshot serve` sends them).\n',
          );
          for (const event of result.unmatched) {
            process.stdout.write(
              `  unmatched: ${event.title} (${event.account.domain ?? event.account.name})\n`,
            );
          }
        },
      ),
    );
  triggers
    .command('list')
    .description('trigger events, newest first, with their account and alert status')
    .option('-w, --workspace <id>', WORKSPACE_HELP, 'local')
    .option('--unmatched', 'only events no account matched (import accounts to match them)')
    .option('-n, --limit <n>', 'at most this many', '50')
    .option('--json', 'print JSON Lines')
    .action((raw: unknown) =>
      runInWorkspace(
        () => listOptions.parse(raw),
        async (earshot, options) => {
          const events = await earshot.db.prisma.triggerEvent.findMany({
            where: { workspaceId: options.workspace, ...(options.unmatched ? { accountId: null } : {}) },
            include: {
              account: true,
              nudges: { select: { ownerEmail: true, status: true, lastError: true } },
            },
            orderBy: [{ occurredAt: 'desc' }, { id: 'desc' }],
            take: options.limit,
          });
          for (const event of events) {
            if (options.json) {
              process.stdout.write(`${JSON.stringify(event)}\n`);
              continue;
            }
            const account = event.account?.name ?? `UNMATCHED ${event.accountDomain ?? event.accountName}`;
            const alerts = event.nudges.map((nudge) => `${nudge.ownerEmail}: ${nudge.status}`).join(', ');
            process.stdout.write(
              `[${event.id}] ${isoDay(event.occurredAt)} ${event.type.padEnd(10)} ${account} — ${event.title}${alerts ? `  (${alerts})` : ''}\n`,
            );
          }
          if (events.length === 0)
            process.stdout.write(options.unmatched ? 'No unmatched events.\n' : 'No trigger events yet.\n');
        },
      ),
    );
}
