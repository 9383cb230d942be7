import type { Command } from 'commander';
import { z } from 'zod';
import { describeReason, isoDay } from '../../nudges/references/availability.ts';
import { importReferences } from '../../nudges/references/import-references.ts';
import { WORKSPACE_HELP, workspaceOption } from '../options.ts';
import { runInWorkspace } from '../run-command.ts';

const importOptions = z.object({ workspace: workspaceOption });
const listOptions = z.object({ workspace: workspaceOption, json: z.boolean().optional() });

export function registerReferences(program: Command) {
  const references = program.command('references').description('reference customers and their availability');
  references
    .command('import')
    .description(
      'import references from CSV or JSON Lines: account, industry, products, useCases, ownerEmail, ownerChatId, ' +
        'maxRequestsPer90Days, cooldownDays, status (active|paused), pausedReason',
    )
    .argument('<file>', 'the file; validated whole before anything is stored')
    .option('-w, --workspace <id>', WORKSPACE_HELP, 'local')
    .action((file: string, raw: unknown) =>
      runInWorkspace(
        () => importOptions.parse(raw),
        async (earshot, input) => {
          const { workspace } = input;
          const result = await importReferences({ db: earshot.db, workspaceId: workspace, file });
          process.stdout.write(
            `Imported ${result.inserted + result.updated} references into "${workspace}": ${result.inserted} new, ${result.updated} updated.\n`,
          );
        },
      ),
    );
  references
    .command('list')
    .description('availability and usage of every reference (or those matching CRITERIA), available first')
    .argument('[criteria...]', 'free text matched against industry, products and use cases')
    .option('-w, --workspace <id>', WORKSPACE_HELP, 'local')
    .option('--json', 'print one JSON object per reference')
    .action((criteria: string[], raw: unknown) =>
      runInWorkspace(
        () => listOptions.parse(raw),
        async (earshot, options) => {
          const list = await earshot.references.check({
            workspaceId: options.workspace,
            criteria: criteria.join(' '),
          });
          for (const reference of list) {
            if (options.json) {
              process.stdout.write(`${JSON.stringify(reference)}\n`);
              continue;
            }
            const state = reference.available ? 'AVAILABLE  ' : 'unavailable';
            const last = reference.lastCallAt ? `, last call ${isoDay(reference.lastCallAt)}` : '';
            const pending = reference.pendingRequests ? `, ${reference.pendingRequests} pending` : '';
            const why = reference.reasons.length
              ? ` — ${reference.reasons.map(describeReason).join('; ')}`
              : '';
            process.stdout.write(
              `${state} ${reference.account} (${reference.industry}) used ${reference.usedIn90Days}/${reference.maxRequestsPer90Days} in 90 days${last}${pending}${why}\n`,
            );
          }
          if (list.length === 0) {
            process.stdout.write(
              criteria.length
                ? `No references match "${criteria.join(' ')}".\n`
                : 'No references yet: earshot references import FILE.\n',
            );
          }
        },
      ),
    );
}
