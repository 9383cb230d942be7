import type { Command } from 'commander';
import { z } from 'zod';
import { limitOption, WORKSPACE_HELP, workspaceOption } from '../options.ts';
import { isoDay } from '../render-answer.ts';
import { runInWorkspace } from '../run-command.ts';

const listOptions = z.object({
  workspace: workspaceOption,
  unanswered: z.boolean().optional(),
  limit: limitOption.default(50),
  json: z.boolean().optional(),
});

export function registerQuestions(program: Command) {
  const questions = program.command('questions').description('the log of questions asked');
  questions
    .command('list')
    .description('questions asked, newest first, with feedback counts')
    .option('-w, --workspace <id>', WORKSPACE_HELP, 'local')
    .option('--unanswered', 'only questions nothing was heard about (content gaps)')
    .option('-n, --limit <n>', 'at most this many', '50')
    .option('--json', 'print JSON Lines')
    .action((raw: unknown) =>
      runInWorkspace(
        () => listOptions.parse(raw),
        async (earshot, options) => {
          const list = await earshot.questions.list({
            workspaceId: options.workspace,
            answered: options.unanswered ? false : undefined,
            limit: options.limit,
          });
          for (const question of list) {
            process.stdout.write(
              options.json
                ? `${JSON.stringify(question)}\n`
                : `[${question.id}] ${isoDay(question.createdAt)} ${question.answered ? 'answered  ' : 'UNANSWERED'} 👍${question.helpful} 👎${question.notHelpful}  ${question.text}\n`,
            );
          }
          if (list.length === 0) process.stdout.write('No questions yet.\n');
        },
      ),
    );
}
