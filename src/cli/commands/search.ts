import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { Command } from 'commander';
import { z } from 'zod';
import { EarshotError } from '../../errors.ts';
import type { SearchFilters } from '../../knowledge/search/search-filters.ts';
import type { Earshot } from '../../main.ts';
import { filterOptions, limitOption, toFilters, WORKSPACE_HELP, workspaceOption } from '../options.ts';
import { isoDay } from '../render-answer.ts';
import { runInWorkspace } from '../run-command.ts';

const searchOptions = filterOptions.extend({
  workspace: workspaceOption,
  limit: limitOption.default(10),
  json: z.boolean().optional(),
  queries: z.string().optional(),
});

const queryLine = z.object({ id: z.union([z.string(), z.number()]), text: z.string() });

export function registerSearch(program: Command) {
  program
    .command('search')
    .description('ranked search over published entries; --queries runs a JSON Lines file of queries')
    .argument('[query...]', 'what to search for')
    .option('-w, --workspace <id>', WORKSPACE_HELP, 'local')
    .option('-n, --limit <n>', 'how many results', '10')
    .option('--queries <file>', 'JSON Lines of {"id","text"}; prints one {"id","results"} line per query')
    .option('--kind <kinds>', 'only these kinds, comma-separated')
    .option('--stage <stage>', 'only this buying stage')
    .option('--topic <topic>', 'only entries with this topic')
    .option('--industry <industry>', 'only entries for this industry (their own or their account’s)')
    .option('--role <role>', 'only entries for this buyer role, e.g. CFO, CISO, "IT admin"')
    .option('--from <date>', 'only entries created on or after this date')
    .option('--to <date>', 'only entries created on or before this date')
    .option('--json', 'print JSON')
    .action((words: string[], raw: unknown) =>
      runInWorkspace(
        () => {
          const options = searchOptions.parse(raw);
          if (!options.queries && words.length === 0) {
            throw new EarshotError({ code: 'invalid_input', message: 'give a query, or --queries FILE' });
          }
          return options;
        },
        async (earshot, options) => {
          const filters = toFilters(options);
          if (options.queries) {
            await runQueryFile(earshot, options.queries, options.workspace, options.limit, filters);
            return;
          }
          const hits = await earshot.search.search({
            workspaceId: options.workspace,
            query: words.join(' '),
            limit: options.limit,
            filters,
          });
          if (options.json) {
            const results = hits.map(({ entry, score }) => ({
              id: entry.id,
              externalId: entry.externalId,
              kind: entry.kind,
              title: entry.title,
              url: entry.sourceUrl,
              author: entry.sourceAuthor ?? entry.contributor,
              createdAt: entry.createdAt.toISOString(),
              score,
            }));
            process.stdout.write(`${JSON.stringify({ query: words.join(' '), results })}\n`);
            return;
          }
          if (hits.length === 0) process.stdout.write('No matching entries.\n');
          hits.forEach(({ entry, score }, index) => {
            process.stdout.write(
              `${String(index + 1).padStart(2)}. [${entry.id}] ${entry.title} — ${entry.kind}, ${entry.sourceAuthor ?? entry.contributor ?? 'unknown'}, ${isoDay(entry.createdAt)} (score ${score.toFixed(3)})\n`,
            );
          });
        },
      ),
    );
}

/** One process, one index load, every query in input order: what evaluation scripts need. */
async function runQueryFile(
  earshot: Earshot,
  file: string,
  workspaceId: string,
  limit: number,
  filters: SearchFilters,
) {
  const queries = await readQueries(file);
  for (const query of queries) {
    const hits = await earshot.search.search({ workspaceId, query: query.text, limit, filters });
    const results = hits.map(({ entry, score }) => ({ id: entry.id, externalId: entry.externalId, score }));
    process.stdout.write(`${JSON.stringify({ id: query.id, results })}\n`);
  }
}

/** Validates the whole file first, so a bad line stops the run before any output. */
async function readQueries(file: string) {
  const queries: Array<z.output<typeof queryLine>> = [];
  const lines = createInterface({ input: createReadStream(file), crlfDelay: Infinity });
  let lineNumber = 0;
  for await (const line of lines) {
    lineNumber += 1;
    if (!line.trim()) continue;
    const parsed = queryLine.safeParse(parseJson(line));
    if (!parsed.success) {
      throw new EarshotError({
        code: 'invalid_input',
        message: `${file} line ${lineNumber}: expected a JSON object {"id": string, "text": string}; ${parsed.error.issues[0]?.message}`,
      });
    }
    queries.push(parsed.data);
  }
  return queries;
}

function parseJson(line: string): unknown {
  try {
    return JSON.parse(line);
  } catch {
    return undefined;
  }
}
