import type { Command } from 'commander';
import { z } from 'zod';
import type { Answer } from '../../knowledge/answer/answer-types.ts';
import { filterOptions, toFilters, workspaceOption } from '../options.ts';
import { renderAnswer } from '../render-answer.ts';
import { runCommand } from '../run-command.ts';

const askOptions = filterOptions.extend({ workspace: workspaceOption, json: z.boolean().optional() });

export function registerAsk(program: Command) {
  program
    .command('ask')
    .description('answer "what are you hearing from others?" from the knowledge base')
    .argument('<question...>', 'the question, e.g. "What are you hearing about SSO?"')
    .option('-w, --workspace <id>', 'workspace (Slack team id, Teams tenant id, or local)', 'local')
    .option('--kind <kinds>', 'only these kinds, comma-separated: chatter,tip,research,expert')
    .option('--stage <stage>', 'only this buying stage: explore, evaluate, decide or implement')
    .option('--topic <topic>', 'only entries with this topic')
    .option('--from <date>', 'only entries created on or after this date')
    .option('--to <date>', 'only entries created on or before this date')
    .option('--json', 'print the answer as JSON')
    .action((words: string[], raw: unknown) =>
      runCommand(async (earshot) => {
        const options = askOptions.parse(raw);
        const answer = await earshot.ask({
          workspaceId: options.workspace,
          question: words.join(' '),
          filters: toFilters(options),
        });
        process.stdout.write(options.json ? `${JSON.stringify(answerJson(answer))}\n` : renderAnswer(answer));
      }),
    );
}

export function answerJson(answer: Answer) {
  return {
    question: answer.question,
    answer: renderAnswer(answer).trimEnd(),
    heard: answer.heard,
    sources: answer.sources.map((source) => ({
      id: source.id,
      externalId: source.externalId,
      kind: source.kind,
      title: source.title,
      url: source.url,
      author: source.author,
      account: source.account,
      createdAt: source.createdAt.toISOString(),
      score: source.score,
    })),
    summary: {
      subject: answer.subject,
      field: answer.field.summary,
      fieldStatements: answer.field.statements,
      objectiveStatements: answer.objective.statements,
    },
    model: answer.model,
    questionId: answer.questionId,
  };
}
