/**
 * One Earshot process answering questions without a model, as a chat adapter would call it; run by
 * bench/speed.ts against a database it prepared. Prints one JSON line.
 */
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/database.ts';
import { createLogger } from '../src/logger.ts';
import { createEarshot } from '../src/main.ts';
import { peakRssMb, percentile, round } from './lib/report.ts';
import { syntheticQuestions } from './lib/synthetic-entries.ts';

const WORKSPACE = 'bench';
const count = Number(process.argv[2] ?? 300);
const config = loadConfig(process.env);
const earshot = await createEarshot({
  config,
  logger: createLogger('warn'),
  db: await openDatabase(config.database),
});
const questions = syntheticQuestions(count + 1);
const first = performance.now();
await earshot.ask({ workspaceId: WORKSPACE, question: questions[0] ?? '' });
const firstAskMs = performance.now() - first;
const durations: number[] = [];
let heard = 0;
for (const question of questions.slice(1)) {
  const started = performance.now();
  const answer = await earshot.ask({ workspaceId: WORKSPACE, question });
  durations.push(performance.now() - started);
  if (answer.heard) heard += 1;
}
await earshot.close();
console.log(
  JSON.stringify({
    firstAskMs: round(firstAskMs, 0),
    p50Ms: round(percentile(durations, 0.5)),
    p95Ms: round(percentile(durations, 0.95)),
    heardShare: round(heard / durations.length, 2),
    peakRssMb: peakRssMb(),
  }),
);
