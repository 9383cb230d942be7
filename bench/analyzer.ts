/**
 * The analyzer alone: how well it tells languages apart, and how fast it turns entries into terms.
 *   - detection accuracy on short questions and entries in five languages (bench/data/language-samples.jsonl,
 *     written for this benchmark), and how often real English is taken for another language (SciFact
 *     queries, DISCO Slack messages from ../shared/data), with the time per text;
 *   - build time of the in-process index over 20k synthetic sales entries (bench/lib/synthetic-chatter.ts).
 *
 *   npm run bench:analyzer
 */
import { readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import { guessLanguage } from '../src/knowledge/search/language.ts';
import { LexicalIndex } from '../src/knowledge/search/lexical-index.ts';
import { printReport, round } from './lib/report.ts';
import { SyntheticChatter } from './lib/synthetic-chatter.ts';

const ROOT = path.resolve(import.meta.dirname, '..');
const DATA = path.resolve(ROOT, '../shared/data');
const SLACK_MESSAGES = 3000;
const SYNTHETIC_ENTRIES = 20_000;

interface Sample {
  language: string;
  kind: string;
  text: string;
}

const samples: Sample[] = (await readFile(path.join(ROOT, 'bench/data/language-samples.jsonl'), 'utf8'))
  .trim()
  .split('\n')
  .map((line) => JSON.parse(line) as Sample);
const scifactQueries = (await readFile(path.join(DATA, 'scifact/queries.jsonl'), 'utf8'))
  .trim()
  .split('\n')
  .map((line) => (JSON.parse(line) as { text: string }).text);
const slackMessages = await readSlackMessages(path.join(DATA, 'disco-slack'), SLACK_MESSAGES);

guessLanguage('precio de la licencia'); // few function words: loads the trigram detector outside the timings
const sets: Array<[string, Sample[]]> = [
  ['questions', samples.filter((sample) => sample.kind === 'question')],
  ['entries', samples.filter((sample) => sample.kind === 'entry')],
  ['scifact queries (en)', scifactQueries.map((text) => ({ language: 'en', kind: 'question', text }))],
  ['slack messages (en)', slackMessages.map((text) => ({ language: 'en', kind: 'entry', text }))],
];
const rows = sets.map(([name, items]) => {
  let correct = 0;
  let confident = 0;
  let confidentWrong = 0;
  const started = performance.now();
  for (const { language, text } of items) {
    const guess = guessLanguage(text);
    if (guess.language === language) correct += 1;
    if (guess.confident) {
      confident += 1;
      if (guess.language !== language) confidentWrong += 1;
    }
  }
  const microseconds = ((performance.now() - started) * 1000) / items.length;
  return {
    set: name,
    texts: items.length,
    accuracy: round(correct / items.length, 3),
    confident: round(confident / items.length, 3),
    confidentWrong,
    microsecondsPerText: round(microseconds),
  };
});

const chatter = new SyntheticChatter(7);
const docs = Array.from({ length: SYNTHETIC_ENTRIES }, (_, i) => chatter.doc(i + 1));
const buildMs: number[] = [];
for (let run = 0; run < 5; run += 1) {
  const started = performance.now();
  const index = new LexicalIndex();
  for (const doc of docs) index.upsert(doc);
  buildMs.push(performance.now() - started);
}
const bestBuildMs = Math.min(...buildMs);

printReport('Language detection (accuracy: guessed language right; confidentWrong: sure and wrong)', rows, {
  benchmark: 'analyzer',
  detection: rows,
  synthetic: {
    entries: SYNTHETIC_ENTRIES,
    bestBuildMs: round(bestBuildMs),
    entriesPerSecond: round(SYNTHETIC_ENTRIES / (bestBuildMs / 1000), 0),
  },
});
console.log(
  `index build, ${SYNTHETIC_ENTRIES} synthetic entries: best of 5 ${round(bestBuildMs)} ms (${round(SYNTHETIC_ENTRIES / (bestBuildMs / 1000), 0)} entries/s)`,
);

/** `limit` messages of three words or more, spread evenly over every export in the folder. */
async function readSlackMessages(folder: string, limit: number): Promise<string[]> {
  const files = (await readdir(folder, { recursive: true })).filter((file) => file.endsWith('.xml')).sort();
  const messages: string[] = [];
  for (const file of files) {
    const xml = await readFile(path.join(folder, file), 'utf8');
    for (const [, text] of xml.matchAll(/<text>([\s\S]*?)<\/text>/g)) {
      const message = decodeXml(text ?? '').trim();
      if (message.split(/\s+/).length >= 3 && !message.includes('```')) messages.push(message);
    }
  }
  const step = Math.max(1, Math.floor(messages.length / limit));
  return messages.filter((_, i) => i % step === 0).slice(0, limit);
}

function decodeXml(text: string): string {
  return text
    .replaceAll('&lt;', '<')
    .replaceAll('&gt;', '>')
    .replaceAll('&quot;', '"')
    .replaceAll('&apos;', "'")
    .replaceAll('&amp;', '&');
}
