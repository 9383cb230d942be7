import type { Command } from 'commander';
import { z } from 'zod';
import { ACRONYMS } from '../../knowledge/search/acronyms.ts';
import { SALES_THESAURUS } from '../../knowledge/search/sales-thesaurus.ts';
import { WorkspaceSynonyms } from '../../knowledge/search/workspace-synonyms.ts';
import { WORKSPACE_HELP, workspaceOption } from '../options.ts';
import { runInWorkspace } from '../run-command.ts';

const workspaceOnly = z.object({ workspace: workspaceOption });

export function registerSynonyms(program: Command) {
  const synonyms = program
    .command('synonyms')
    .description(
      "words that mean the same in a workspace's questions and entries; each finds the other at once, no restart",
    );
  synonyms
    .command('list')
    .description("the workspace's synonyms; --built-in for the sales thesaurus every workspace has")
    .option('-w, --workspace <id>', WORKSPACE_HELP, 'local')
    .option('--built-in', 'list the built-in sales thesaurus and acronyms instead')
    .option('--json', 'print JSON Lines')
    .action((raw: unknown) =>
      runInWorkspace(
        () =>
          workspaceOnly.extend({ builtIn: z.boolean().optional(), json: z.boolean().optional() }).parse(raw),
        async (earshot, options) => {
          if (options.builtIn) {
            const acronyms = Object.entries(ACRONYMS).map(([acronym, meanings]) => [acronym, ...meanings]);
            for (const group of [...SALES_THESAURUS, ...acronyms]) {
              process.stdout.write(options.json ? `${JSON.stringify(group)}\n` : `${group.join(' = ')}\n`);
            }
            return;
          }
          const rows = await new WorkspaceSynonyms(earshot.db).list(options.workspace);
          for (const row of rows) {
            process.stdout.write(
              options.json
                ? `${JSON.stringify({ term: row.term, synonym: row.synonym, createdBy: row.createdBy, createdAt: row.createdAt })}\n`
                : `"${row.term}" = "${row.synonym}"\n`,
            );
          }
          if (rows.length === 0 && !options.json) {
            process.stdout.write(
              `No synonyms of its own in "${options.workspace}" (the built-in sales thesaurus and acronyms still apply: --built-in).\n` +
                'Add one: earshot synonyms add "Atlas" "reporting module"\n',
            );
          }
        },
      ),
    );
  synonyms
    .command('add')
    .description(
      'make two words or phrases synonyms: a question with either also finds entries with the other',
    )
    .argument('<term>', 'a word or phrase, e.g. "Atlas" (a code name)')
    .argument('<synonym>', 'what it also means, e.g. "reporting module"')
    .option('-w, --workspace <id>', WORKSPACE_HELP, 'local')
    .action((term: string, synonym: string, raw: unknown) =>
      runInWorkspace(
        () => workspaceOnly.parse(raw),
        async (earshot, input) => {
          const { workspace } = input;
          const added = await new WorkspaceSynonyms(earshot.db).add({
            workspaceId: workspace,
            term,
            synonym,
          });
          process.stdout.write(`Added "${added.term}" = "${added.synonym}" in "${workspace}".\n`);
        },
      ),
    );
  synonyms
    .command('remove')
    .description('stop treating two words or phrases as synonyms (either order)')
    .argument('<term>', 'a word or phrase')
    .argument('<synonym>', 'its synonym')
    .option('-w, --workspace <id>', WORKSPACE_HELP, 'local')
    .action((term: string, synonym: string, raw: unknown) =>
      runInWorkspace(
        () => workspaceOnly.parse(raw),
        async (earshot, input) => {
          const { workspace } = input;
          await new WorkspaceSynonyms(earshot.db).remove({ workspaceId: workspace, term, synonym });
          process.stdout.write(`Removed "${term}" = "${synonym}" from "${workspace}".\n`);
        },
      ),
    );
}
