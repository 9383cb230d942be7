import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import type { EntryInput } from '../../knowledge/entry.ts';
import type { Earshot } from '../../main.ts';
import { importAccounts } from '../../nudges/accounts/import-accounts.ts';
import { describeReason } from '../../nudges/references/availability.ts';
import { importReferences } from '../../nudges/references/import-references.ts';
import { TRIGGER_FILE_FIELDS, triggerFileRecordSchema } from '../../nudges/triggers/trigger-event.ts';
import { PROJECT_ROOT } from '../../project-root.ts';
import { readRecordFile } from '../../records/read-record-file.ts';
import { WORKSPACE_HELP, workspaceOption } from '../options.ts';
import { renderAnswer } from '../render-answer.ts';
import { runInWorkspace } from '../run-command.ts';

const DEMO_DIR = path.join(PROJECT_ROOT, 'demo');
/** The demo's dates were written as of this day; they are shifted so the demo always looks current. */
const DEMO_WRITTEN_ON = Date.parse('2026-11-21T00:00:00Z');
/** Questions from demo/questions.txt shown by the demo: two well covered, and the one nobody has heard about. */
const SHOWN_QUESTIONS = [0, 1, -1];

export function registerDemo(program: Command) {
  program
    .command('demo')
    .description('load the demo knowledge base (a fictional company) and answer a few questions from it')
    .option('-w, --workspace <id>', WORKSPACE_HELP, 'local')
    .action((raw: unknown) =>
      runInWorkspace(
        () => z.object({ workspace: workspaceOption }).parse(raw),
        async (earshot, input) => {
          const { workspace } = input;
          const files = await demoFiles();
          const shift = Date.now() - DEMO_WRITTEN_ON;
          const result = await earshot.importFiles({
            workspaceId: workspace,
            files,
            transform: (entry) => shiftDates(entry, shift),
          });
          const total = result.inserted + result.updated;
          process.stdout.write(
            `Loaded the demo knowledge base: ${total} entries in workspace "${workspace}".\n\n`,
          );
          const questions = (await readFile(path.join(DEMO_DIR, 'questions.txt'), 'utf8'))
            .split('\n')
            .filter(Boolean);
          for (const index of SHOWN_QUESTIONS) {
            const question = questions.at(index);
            if (!question) continue;
            const answer = await earshot.ask({ workspaceId: workspace, question, platform: 'demo' });
            process.stdout.write(`$ earshot ask "${question}"\n${renderAnswer(answer)}\n`);
          }
          process.stdout.write(
            `Try your own: ./bin/earshot.js ask "What are you hearing about implementation time?"\n\n`,
          );
          await loadNudgesDemo(earshot, workspace, shift);
        },
      ),
    );
}

/** Accounts, references and this week's buying triggers, and the reference check a rep would run. */
async function loadNudgesDemo(earshot: Earshot, workspace: string, shiftMs: number) {
  const { db, clock } = earshot;
  const accounts = await importAccounts({
    db,
    clock,
    workspaceId: workspace,
    file: path.join(DEMO_DIR, 'accounts.csv'),
  });
  const references = await importReferences({
    db,
    workspaceId: workspace,
    file: path.join(DEMO_DIR, 'references.csv'),
  });
  const events = await readRecordFile(path.join(DEMO_DIR, 'triggers.jsonl'), {
    schema: triggerFileRecordSchema,
    fields: TRIGGER_FILE_FIELDS,
    noun: 'trigger event',
  });
  const triggers = await earshot.ingestTriggers({
    workspaceId: workspace,
    source: 'import',
    events: events.map(({ value }) => ({
      ...value,
      occurredAt: new Date(value.occurredAt.getTime() + shiftMs),
    })),
  });
  process.stdout.write(
    `Loaded ${accounts.inserted + accounts.updated} accounts, ${references.inserted + references.updated} reference customers ` +
      `and ${triggers.received} buying triggers (${triggers.unmatched.length} matched no account); the account owners' alerts ` +
      'go out once Slack or Teams is connected (`npm start`).\n\n$ earshot references list healthcare\n',
  );
  for (const reference of await earshot.references.check({
    workspaceId: workspace,
    criteria: 'healthcare',
  })) {
    const why = reference.reasons.map(describeReason).join('; ');
    process.stdout.write(
      `  ${reference.available ? 'available  ' : 'unavailable'} ${reference.account}${why ? ` (${why})` : ''}\n`,
    );
  }
}

async function demoFiles() {
  const top = ['field-chatter.jsonl', 'seller-tips.jsonl', 'demos.jsonl', 'research.csv'].map((name) =>
    path.join(DEMO_DIR, name),
  );
  const expertDir = path.join(DEMO_DIR, 'expert');
  const expert = (await readdir(expertDir)).filter((name) => name.endsWith('.md')).sort();
  return [...top, ...expert.map((name) => path.join(expertDir, name))];
}

function shiftDates(entry: EntryInput, shiftMs: number): EntryInput {
  const shifted = (date: Date | undefined) => (date ? new Date(date.getTime() + shiftMs) : undefined);
  return { ...entry, createdAt: shifted(entry.createdAt), reviewBy: shifted(entry.reviewBy) };
}
