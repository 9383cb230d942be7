import type { Command } from 'commander';
import { z } from 'zod';
import { ENTRY_KINDS, type Entry, type EntryStatus } from '../../knowledge/entry.ts';
import {
  dateOption,
  entryIdArgument,
  filterOptions,
  industryEditOption,
  kindOption,
  limitOption,
  rolesOption,
  stageOption,
  statusOption,
  WORKSPACE_HELP,
  workspaceOption,
} from '../options.ts';
import { isoDay } from '../render-answer.ts';
import { runInWorkspace } from '../run-command.ts';

const listOptions = z.object({
  workspace: workspaceOption,
  status: statusOption.optional(),
  kind: kindOption.optional(),
  industry: filterOptions.shape.industry,
  role: filterOptions.shape.role,
  limit: limitOption.optional(),
  json: z.boolean().optional(),
});

const editOptions = z.object({
  workspace: workspaceOption,
  kind: kindOption.optional(),
  title: z.string().trim().min(1, 'must not be empty').optional(),
  body: z.string().trim().min(1, 'must not be empty').optional(),
  topics: z
    .string()
    .optional()
    .transform((value) =>
      value
        ?.split(';')
        .map((topic) => topic.trim().toLowerCase())
        .filter(Boolean),
    ),
  stage: z.union([stageOption, z.literal('none').transform(() => null)]).optional(),
  industry: industryEditOption.optional(),
  roles: rolesOption.optional(),
  reviewBy: z.union([dateOption, z.literal('none').transform(() => null)]).optional(),
  json: z.boolean().optional(),
});

const KINDS_HELP = `${ENTRY_KINDS.slice(0, -1).join(', ')} or ${ENTRY_KINDS.at(-1)}`;

const STATUS_COMMANDS: Array<[string, EntryStatus, string]> = [
  ['publish', 'published', 'publish an entry so answers can use it'],
  ['reject', 'rejected', 'reject a captured entry'],
  ['archive', 'archived', 'archive an entry that is out of date'],
];

export function registerEntries(program: Command) {
  const entries = program.command('entries').description('list and curate knowledge entries');

  entries
    .command('list')
    .description('list entries, newest first')
    .option('-w, --workspace <id>', WORKSPACE_HELP, 'local')
    .option('--status <status>', 'pending, published, rejected or archived')
    .option('--kind <kind>', KINDS_HELP)
    .option('--industry <industry>', 'only entries for this industry (the entry’s own)')
    .option('--role <role>', 'only entries for this buyer role, e.g. CFO, CISO, "IT admin"')
    .option('-n, --limit <n>', 'at most this many')
    .option('--json', 'print JSON Lines, one entry per line')
    .action((raw: unknown) =>
      runInWorkspace(
        () => listOptions.parse(raw),
        async (earshot, options) => {
          const list = await earshot.entries.list({ workspaceId: options.workspace, ...options });
          if (options.json) {
            for (const entry of list) process.stdout.write(`${JSON.stringify(entry)}\n`);
            return;
          }
          if (list.length === 0) process.stdout.write('No entries.\n');
          for (const entry of list) process.stdout.write(`${entryLine(entry)}\n`);
        },
      ),
    );

  entries
    .command('show')
    .description('show one entry')
    .argument('<id>', 'entry id')
    .option('-w, --workspace <id>', WORKSPACE_HELP, 'local')
    .action((id: string, raw: unknown) =>
      runInWorkspace(
        () => ({ ...z.object({ workspace: workspaceOption }).parse(raw), id: entryIdArgument(id) }),
        async (earshot, input) => {
          const { workspace } = input;
          const entry = await earshot.entries.get(workspace, input.id);
          process.stdout.write(`${JSON.stringify(entry, null, 2)}\n`);
        },
      ),
    );

  for (const [name, status, description] of STATUS_COMMANDS) {
    entries
      .command(name)
      .description(description)
      .argument('<ids...>', 'entry ids')
      .option('-w, --workspace <id>', WORKSPACE_HELP, 'local')
      .action((ids: string[], raw: unknown) =>
        runInWorkspace(
          () => ({
            ...z.object({ workspace: workspaceOption }).parse(raw),
            ids: ids.map((id) => entryIdArgument(id)),
          }),
          async (earshot, input) => {
            const { workspace } = input;
            for (const id of input.ids) {
              const entry = await earshot.entries.setStatus(workspace, id, status);
              process.stdout.write(`${entryLine(entry)}\n`);
            }
          },
        ),
      );
  }

  entries
    .command('edit')
    .description('change an entry; give only the fields to change')
    .argument('<id>', 'entry id')
    .option('-w, --workspace <id>', WORKSPACE_HELP, 'local')
    .option('--kind <kind>', KINDS_HELP)
    .option('--title <title>', 'new title')
    .option('--body <body>', 'new text')
    .option('--topics <topics>', 'topics separated by ";" (replaces the old ones)')
    .option('--stage <stage>', 'explore, evaluate, decide, implement, or none')
    .option('--industry <industry>', 'the industry it is for, e.g. Healthcare, or none')
    .option(
      '--roles <roles>',
      'buyer roles separated by ";", e.g. "CFO; IT admin" (replaces the old ones), or none',
    )
    .option('--review-by <date>', 'date to review the entry by, or none')
    .option('--json', 'print the edited entry as JSON')
    .action((id: string, raw: unknown) =>
      runInWorkspace(
        () => ({ entryId: entryIdArgument(id), ...editOptions.parse(raw) }),
        async (earshot, { entryId, workspace, json, ...edit }) => {
          const entry = await earshot.entries.edit(workspace, entryId, edit);
          process.stdout.write(json ? `${JSON.stringify(entry)}\n` : `${entryLine(entry)}\n`);
        },
      ),
    );
}

function entryLine(entry: Entry) {
  const by = entry.sourceAuthor ?? entry.contributor ?? 'unknown';
  return `[${entry.id}] ${entry.status.padEnd(9)} ${entry.kind.padEnd(8)} ${isoDay(entry.createdAt)}  ${entry.title} — ${by}`;
}
