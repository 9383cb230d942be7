import type { Command } from 'commander';
import { z } from 'zod';
import { importAccounts } from '../../nudges/accounts/import-accounts.ts';
import { WORKSPACE_HELP, workspaceOption } from '../options.ts';
import { runInWorkspace } from '../run-command.ts';

const workspaceOnly = z.object({ workspace: workspaceOption });

export function registerAccounts(program: Command) {
  const accounts = program
    .command('accounts')
    .description('accounts and their owners, for buying-trigger alerts');
  accounts
    .command('import')
    .description(
      'import accounts from CSV or JSON Lines: name, domain, industry, ownerEmail, ownerSlackId, ownerTeamsId',
    )
    .argument('<file>', 'the file; validated whole before anything is stored')
    .option('-w, --workspace <id>', WORKSPACE_HELP, 'local')
    .action((file: string, raw: unknown) =>
      runInWorkspace(
        () => workspaceOnly.parse(raw),
        async (earshot, options) => {
          const { workspace } = options;
          const result = await importAccounts({
            db: earshot.db,
            clock: earshot.clock,
            workspaceId: workspace,
            file,
          });
          process.stdout.write(
            `Imported ${result.inserted + result.updated} accounts into "${workspace}": ${result.inserted} new, ${result.updated} updated.\n`,
          );
          if (result.triggersMatched > 0) {
            process.stdout.write(
              `${result.triggersMatched} earlier trigger events now match an account; ${result.alertsQueued} alerts queued.\n`,
            );
          }
        },
      ),
    );
  accounts
    .command('list')
    .description('accounts with their owners and how each owner was matched in chat')
    .option('-w, --workspace <id>', WORKSPACE_HELP, 'local')
    .option('--json', 'print JSON Lines')
    .action((raw: unknown) =>
      runInWorkspace(
        () => workspaceOnly.extend({ json: z.boolean().optional() }).parse(raw),
        async (earshot, options) => {
          const { workspace } = options;
          const rows = await earshot.db.prisma.account.findMany({
            where: { workspaceId: workspace },
            orderBy: { name: 'asc' },
          });
          const people = await earshot.db.prisma.chatPerson.findMany({
            where: { workspaceId: workspace },
          });
          const matchOf = (email: string) =>
            people
              .filter((person) => person.email === email)
              .map((person) => `${person.platform}:${person.userId}`)
              .join(', ') || 'not matched yet';
          for (const account of rows) {
            const matched = matchOf(account.ownerEmail);
            process.stdout.write(
              options.json
                ? `${JSON.stringify({ ...account, ownerMatchedAs: matched })}\n`
                : `${account.name} (${account.domain ?? 'no domain'}) ${account.industry ?? ''} — owner ${account.ownerEmail} [${matched}]\n`,
            );
          }
          if (rows.length === 0) process.stdout.write('No accounts yet: earshot accounts import FILE.\n');
        },
      ),
    );
}
