import type { Clock } from '../../src/clock.ts';
import type { Database } from '../../src/db/database.ts';
import type { Earshot } from '../../src/main.ts';
import { type EarshotServer, startServer } from '../../src/main.ts';
import { captureLogs } from '../helpers/capture-logs.ts';
import { testEarshot } from '../helpers/earshot.ts';
import {
  type FakeSlackApi,
  type FakeSlackApiOptions,
  startFakeSlackApi,
} from '../helpers/slack/fake-slack-api.ts';
import { type PostOptions, postToSlackEndpoint } from '../helpers/slack/sign-slack-request.ts';

export const SIGNING_SECRET = 'test-signing-secret';

export interface SlackHarness {
  earshot: Earshot;
  server: EarshotServer;
  slack: FakeSlackApi;
  logs: ReturnType<typeof captureLogs>;
  /** POSTs a signed body to /slack/events, as Slack delivers it. */
  post(
    body: string,
    options?: Omit<PostOptions, 'body' | 'signingSecret'>,
  ): ReturnType<typeof postToSlackEndpoint>;
  close(): Promise<void>;
}

/** Earshot serving Slack over loopback HTTP, its Web API calls going to a fake Slack. */
export async function startSlackHarness(
  db: Database,
  env: Record<string, string> = {},
  slackOptions: FakeSlackApiOptions = {},
  options: { clock?: Clock } = {},
): Promise<SlackHarness> {
  const slack = await startFakeSlackApi(slackOptions);
  const logs = captureLogs();
  const earshot = await testEarshot(
    db,
    {
      SLACK_BOT_TOKEN: 'xoxb-test-token',
      SLACK_SIGNING_SECRET: SIGNING_SECRET,
      SLACK_API_URL: slack.url,
      ...env,
    },
    options,
  );
  const withLogs = { ...earshot, logger: logs.logger };
  const server = await startServer(withLogs, { port: 0 });
  const url = `http://127.0.0.1:${server.port}/slack/events`;
  return {
    earshot: withLogs,
    server,
    slack,
    logs,
    post: (body, options = {}) =>
      postToSlackEndpoint(url, { body, signingSecret: SIGNING_SECRET, ...options }),
    close: async () => {
      await server.close();
      await slack.close();
    },
  };
}
