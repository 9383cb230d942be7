/**
 * Ack latency of a real `earshot serve` process (PGlite, 100k entries by default, compiled as after
 * install), the load generator in this process. The same traffic twice, 50 events/s of which 5/s are
 * questions that get answered and the rest channel chatter: (a) from the moment the server starts
 * listening, while its search index is built; (b) once the first answers are out. Latency is measured
 * from the moment each request was due, not when this process got round to sending it (open loop).
 */
import { execFile } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { FakeSlackApi } from '../../test/helpers/slack/fake-slack-api.ts';
import { postToSlackEndpoint } from '../../test/helpers/slack/sign-slack-request.ts';
import {
  appMention,
  eventCallbackBody,
  messageEvent,
  nextSlackTs,
  SLACK_IDS,
} from '../../test/helpers/slack/slack-payloads.ts';
import { percentile, round } from './report.ts';
import { freePort, importWithCli, startServe } from './serve-process.ts';
import { syntheticQuestions } from './synthetic-entries.ts';

const ROOT = path.resolve(import.meta.dirname, '../..');

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export interface AckFigures {
  sent: number;
  failed: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
  healthzMaxMs: number;
}

export async function measureServeAcks(options: {
  entries: number;
  fake: FakeSlackApi;
  signingSecret: string;
  seconds: number;
  rate: number;
  questionsPerSec: number;
}) {
  const { fake, signingSecret } = options;
  const tmp = await mkdtemp(path.join(tmpdir(), 'earshot-serve-acks-'));
  const dataDir = path.join(tmp, 'data');
  try {
    // `earshot` runs its bundle when fresh; otherwise it compiles TypeScript as modules load, which
    // would be measured as start-up work.
    await new Promise((resolve, reject) =>
      execFile(process.execPath, ['scripts/build.mjs'], { cwd: ROOT }, (error) =>
        error ? reject(error) : resolve(null),
      ),
    );
    const imported = await importWithCli({
      dataDir,
      workspace: SLACK_IDS.workspaceId,
      count: options.entries,
      tmp,
    });
    const port = await freePort();
    const serve = await startServe({
      port,
      env: {
        EARSHOT_DATA_DIR: dataDir,
        SLACK_BOT_TOKEN: 'xoxb-bench',
        SLACK_SIGNING_SECRET: signingSecret,
        SLACK_API_URL: fake.url,
      },
    });
    const base = `http://127.0.0.1:${port}`;
    try {
      const questions = syntheticQuestions(options.seconds * options.rate * 2, 13);
      let asked = 0;
      const mention = (label: string, i: number) =>
        eventCallbackBody(
          appMention({
            text: `<@${SLACK_IDS.botUserId}> ${questions[asked++ % questions.length]}`,
            ts: nextSlackTs(),
          }),
          { eventId: `Ev${label}${String(i).padStart(6, '0')}` },
        );
      const chatter = (label: string, i: number) =>
        eventCallbackBody(
          messageEvent({ channel: 'C_CHATTER', text: `lunch at noon? (${i})`, ts: nextSlackTs() }),
          { eventId: `Ev${label}${String(i).padStart(6, '0')}` },
        );

      const every = Math.max(1, Math.round(options.rate / options.questionsPerSec));
      const traffic = (label: string) => (i: number) =>
        i % every === 0 ? mention(label, i) : chatter(label, i);

      // (a) From the moment the port accepts.
      const updatesBefore = fake.callsTo('chat.update').length;
      const startup = await openLoop({
        base,
        signingSecret,
        rate: options.rate,
        seconds: options.seconds,
        body: traffic('START'),
      });
      const startupQuestions = Math.ceil(startup.sent / every);
      const answeredAll = await waitFor(
        () => fake.callsTo('chat.update').length >= updatesBefore + startupQuestions,
        300_000,
      );
      const startupAnsweredAfterS = round((performance.now() - startup.startedAt) / 1000, 1);

      // (b) The same traffic with the index warm.
      const beforeLoad = fake.callsTo('chat.update').length;
      const load = await openLoop({
        base,
        signingSecret,
        rate: options.rate,
        seconds: options.seconds,
        body: traffic('LOAD'),
      });
      const loadQuestions = Math.ceil(load.sent / every);
      await waitFor(() => fake.callsTo('chat.update').length >= beforeLoad + loadQuestions, 120_000);
      return {
        entries: options.entries,
        importSeconds: round(imported.seconds, 1),
        listeningAfterMs: round(serve.listeningAfterMs, 0),
        startup: {
          ...startup.figures,
          questions: startupQuestions,
          answeredAll,
          answeredAfterS: startupAnsweredAfterS,
        },
        load: { ...load.figures, questions: loadQuestions },
      };
    } finally {
      await serve.stop();
    }
  } finally {
    await rm(tmp, { recursive: true, force: true });
  }
}

/** Sends `rate` signed events per second for `seconds`, plus a `/healthz` probe every 50 ms. */
async function openLoop(options: {
  base: string;
  signingSecret: string;
  rate: number;
  seconds: number;
  body: (i: number) => string;
}): Promise<{ figures: AckFigures; sent: number; startedAt: number }> {
  const total = options.rate * options.seconds;
  const startedAt = performance.now();
  const durations: number[] = [];
  const healthz: number[] = [];
  let failed = 0;
  const pending: Promise<void>[] = [];
  const probes = (async () => {
    for (let i = 0; i < options.seconds * 20; i += 1) {
      const due = startedAt + i * 50;
      const wait = due - performance.now();
      if (wait > 0) await sleep(wait);
      const response = await fetch(`${options.base}/healthz`);
      await response.arrayBuffer();
      healthz.push(performance.now() - due);
    }
  })();
  for (let i = 0; i < total; i += 1) {
    const due = startedAt + (i * 1000) / options.rate;
    const wait = due - performance.now();
    if (wait > 0) await sleep(wait);
    const body = options.body(i);
    pending.push(
      postToSlackEndpoint(`${options.base}/slack/events`, {
        body,
        signingSecret: options.signingSecret,
      }).then(
        (response) => {
          durations.push(performance.now() - due);
          if (response.status !== 200) failed += 1;
        },
        () => {
          durations.push(performance.now() - due);
          failed += 1;
        },
      ),
    );
  }
  await Promise.all(pending);
  await probes;
  return {
    sent: total,
    startedAt,
    figures: {
      sent: total,
      failed,
      p50Ms: round(percentile(durations, 0.5)),
      p99Ms: round(percentile(durations, 0.99)),
      maxMs: round(Math.max(...durations)),
      healthzMaxMs: round(Math.max(...healthz)),
    },
  };
}

async function waitFor(condition: () => boolean, timeoutMs: number): Promise<boolean> {
  const deadline = performance.now() + timeoutMs;
  while (!condition()) {
    if (performance.now() > deadline) return false;
    await sleep(50);
  }
  return true;
}
