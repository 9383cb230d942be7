import type { Command } from 'commander';
import { z } from 'zod';
import { evaluateAnswers } from '../../knowledge/evaluation/answer-metrics.ts';
import { labelledQuestionLine } from '../../knowledge/evaluation/question-lines.ts';
import type { Earshot } from '../../main.ts';
import { filterOptions, toFilters, WORKSPACE_HELP, workspaceOption } from '../options.ts';
import { readQuestionFile } from '../question-file.ts';
import { renderEvaluation } from '../render-evaluation.ts';
import { runInWorkspace } from '../run-command.ts';

const evalOptions = filterOptions.extend({ workspace: workspaceOption, json: z.boolean().optional() });

export function registerEval(program: Command) {
  program
    .command('eval')
    .description(
      'check answers against labelled questions: success@3, MRR, "nothing heard" rates and the misses',
    )
    .argument(
      '<file>',
      'JSON Lines of {"question": …, "relevant": [externalIds]}; [] means "nothing heard" is the right answer',
    )
    .option('-w, --workspace <id>', WORKSPACE_HELP, 'local')
    .option('--kind <kinds>', 'only these kinds, comma-separated: chatter,tip,research,expert')
    .option('--stage <stage>', 'only this buying stage: explore, evaluate, decide or implement')
    .option('--topic <topic>', 'only entries with this topic')
    .option('--from <date>', 'only entries created on or after this date')
    .option('--to <date>', 'only entries created on or before this date')
    .option('--json', 'print the report as one JSON object')
    .action((file: string, raw: unknown) =>
      runInWorkspace(
        () => evalOptions.parse(raw),
        async (earshot, options) => {
          const lines = await readQuestionFile(file, labelledQuestionLine);
          await warnUnknownIds(earshot, options.workspace, lines);
          const answers = [];
          for (const { value } of lines) {
            const answer = await earshot.askWithoutLogging({
              workspaceId: options.workspace,
              question: value.question,
              filters: toFilters(options),
            });
            answers.push({
              heard: answer.heard,
              cited: answer.sources.map((source) => source.externalId),
              closest: (answer.closest ?? []).map((source) => source.externalId),
            });
          }
          const report = evaluateAnswers(
            lines.map(({ value }) => value),
            answers,
          );
          process.stdout.write(
            options.json
              ? `${JSON.stringify({ file, workspace: options.workspace, ...report })}\n`
              : renderEvaluation(report, `${file} in "${options.workspace}"`),
          );
        },
      ),
    );
}

/** A label naming no entry can never be found; say so rather than count it as a search miss. */
async function warnUnknownIds(
  earshot: Earshot,
  workspaceId: string,
  lines: Array<{ line: number; value: { relevant: string[] } }>,
) {
  const wanted = [...new Set(lines.flatMap(({ value }) => value.relevant))];
  if (wanted.length === 0) return;
  const found = await earshot.db.prisma.entry.findMany({
    where: { workspaceId, externalId: { in: wanted }, status: 'published' },
    select: { externalId: true },
  });
  const known = new Set(found.map((entry) => entry.externalId));
  for (const { line, value } of lines) {
    const unknown = value.relevant.filter((id) => !known.has(id));
    if (unknown.length > 0) {
      process.stderr.write(
        `earshot: line ${line}: no published entry in "${workspaceId}" has externalId ${unknown.map((id) => `"${id}"`).join(', ')}\n`,
      );
    }
  }
}
