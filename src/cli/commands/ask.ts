import type { Command } from 'commander';
import { z } from 'zod';
import { EarshotError } from '../../errors.ts';
import type { UnloggedAnswer } from '../../knowledge/answer/answer-question.ts';
import type { Source } from '../../knowledge/answer/answer-types.ts';
import { askQuestionLine } from '../../knowledge/evaluation/question-lines.ts';
import { filterOptions, toFilters, WORKSPACE_HELP, workspaceOption } from '../options.ts';
import { readQuestionFile } from '../question-file.ts';
import { renderAnswer } from '../render-answer.ts';
import { runInWorkspace } from '../run-command.ts';

const askOptions = filterOptions.extend({
  workspace: workspaceOption,
  json: z.boolean().optional(),
  questions: z.string().optional(),
  facets: z.boolean().optional(),
});

export function registerAsk(program: Command) {
  program
    .command('ask')
    .description('answer "what are you hearing from others?" from the knowledge base')
    .argument('[question...]', 'the question, e.g. "What are you hearing about SSO?"')
    .option('-w, --workspace <id>', WORKSPACE_HELP, 'local')
    .option(
      '--questions <file>',
      'answer every {"question": …} line of a JSON Lines file, in order, without logging them as asked',
    )
    .option('--kind <kinds>', 'only these kinds, comma-separated: chatter,tip,research,expert,demo')
    .option('--stage <stage>', 'only this buying stage: explore, evaluate, decide or implement')
    .option('--topic <topic>', 'only entries with this topic')
    .option('--industry <industry>', 'only entries for this industry (their own or their account’s)')
    .option('--role <role>', 'only entries for this buyer role, e.g. CFO, CISO, "IT admin"')
    .option('--from <date>', 'only entries created on or after this date')
    .option('--to <date>', 'only entries created on or before this date')
    .option('--no-facets', 'ignore a stage, industry or role the question names (search its other words)')
    .option('--json', 'print the answer as JSON (one line per question with --questions)')
    .action((words: string[], raw: unknown) =>
      runInWorkspace(
        () => {
          const options = askOptions.parse(raw);
          if (options.questions !== undefined && words.length > 0) {
            throw new EarshotError({
              code: 'invalid_input',
              message: 'give either a question or --questions FILE, not both',
            });
          }
          if (options.questions === undefined && words.length === 0) {
            throw new EarshotError({
              code: 'invalid_input',
              message: 'give a question, or --questions FILE',
            });
          }
          return options;
        },
        async (earshot, options) => {
          const filters = toFilters(options);
          if (options.questions !== undefined) {
            // Validated whole first: a bad line stops the run before anything is answered.
            const lines = await readQuestionFile(options.questions, askQuestionLine);
            for (const { value } of lines) {
              const answer = await earshot.askWithoutLogging({
                workspaceId: options.workspace,
                question: value.question,
                filters,
                ignoreFacets: options.facets === false,
              });
              process.stdout.write(
                options.json
                  ? `${JSON.stringify(answerJson(answer))}\n`
                  : `$ earshot ask "${value.question}"\n${renderAnswer(answer)}\n`,
              );
            }
            return;
          }
          const answer = await earshot.ask({
            workspaceId: options.workspace,
            question: words.join(' '),
            filters,
            ignoreFacets: options.facets === false,
          });
          process.stdout.write(
            options.json ? `${JSON.stringify(answerJson(answer))}\n` : renderAnswer(answer),
          );
        },
      ),
    );
}

/** The answer as `ask --json` prints it; `questionId` is null when the question was not logged. */
export function answerJson(answer: UnloggedAnswer & { questionId?: number }) {
  return {
    question: answer.question,
    answer: renderAnswer(answer).trimEnd(),
    heard: answer.heard,
    facets: answer.facets ?? null,
    sources: answer.sources.map(sourceJson),
    /** With "nothing heard": the entries that came closest, not an answer. */
    closest: (answer.closest ?? []).map(sourceJson),
    summary: {
      subject: answer.subject,
      field: answer.field.summary,
      fieldStatements: answer.field.statements,
      objectiveStatements: answer.objective.statements,
    },
    model: answer.model,
    references: answer.references ?? null,
    questionId: answer.questionId ?? null,
  };
}

function sourceJson(source: Source) {
  return {
    id: source.id,
    externalId: source.externalId,
    kind: source.kind,
    title: source.title,
    url: source.url,
    author: source.author,
    account: source.account,
    createdAt: source.createdAt.toISOString(),
    score: source.score,
    staleSince: source.staleSince?.toISOString() ?? null,
  };
}
