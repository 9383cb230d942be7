import { webApi } from '@slack/bolt';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { Organizations } from '../../src/knowledge/organizations/organizations.ts';
import { InstalledWorkspace } from '../../src/slack/installed-workspace.ts';
import { SlackPeopleDirectory } from '../../src/slack/slack-people.ts';
import { SlackProactiveSender } from '../../src/slack/slack-proactive.ts';
import { SlackTokens } from '../../src/slack/slack-tokens.ts';
import { type FakeSlackApi, startFakeSlackApi } from '../helpers/slack/fake-slack-api.ts';
import { SLACK_IDS } from '../helpers/slack/slack-ids.ts';
import { openTestDatabase } from '../helpers/test-database.ts';

const { LogLevel, WebClient } = webApi;
const TEAM = SLACK_IDS.workspaceId;

describe('finding people and reaching them in Slack', () => {
  let api: FakeSlackApi;
  let client: InstanceType<typeof WebClient>;
  let db: Database;
  const tokens = () =>
    new SlackTokens({
      store: null,
      fixed: { installed: new InstalledWorkspace(client), token: 'xoxb-test-token', client },
      organizations: new Organizations(db),
      clientOptions: {},
    });
  const directory = () => new SlackPeopleDirectory(tokens());

  beforeEach(async () => {
    db = await openTestDatabase('pglite');
    api = await startFakeSlackApi({
      onlyConfiguredEmails: true,
      users: {
        U_DANA: { email: 'dana@example.com', tz: 'Europe/Berlin' },
        U_GONE: { email: 'gone@example.com' },
        U_ZAPIER: { email: 'bot@example.com', is_bot: true },
      },
    });
    client = new WebClient('xoxb-test-token', {
      slackApiUrl: api.url,
      retryConfig: { retries: 0 },
      logLevel: LogLevel.ERROR,
    });
  });
  afterEach(async () => {
    await api.close();
    await db.close();
  });

  it('finds a member by email or id with their time zone, and nobody else', async () => {
    const people = directory();
    const dana = {
      platform: 'slack',
      workspaceId: TEAM,
      userId: 'U_DANA',
      email: 'dana@example.com',
      timeZone: 'Europe/Berlin',
      // The installation whose token found Dana, and reaches her.
      installationId: TEAM,
    };

    expect(await people.findByEmail(TEAM, 'dana@example.com')).toEqual(dana);
    expect(await people.findById(TEAM, 'U_DANA')).toEqual(dana);
    expect(await people.findByEmail(TEAM, 'stranger@example.com')).toBeNull();
    expect(await people.findByEmail(TEAM, 'bot@example.com')).toBeNull();
    // The token belongs to one workspace; it never answers for another.
    expect(await people.findByEmail('T_OTHER', 'dana@example.com')).toBeNull();
    expect(api.callsTo('auth.test')).toHaveLength(1);
  });

  it('skips deactivated accounts, and does not mistake an outage for "not found"', async () => {
    const people = directory();
    api.respond('users.lookupByEmail', (_call, reply) => ({
      ...reply(),
      user: { ...(reply().user as object), deleted: true },
    }));
    expect(await people.findByEmail(TEAM, 'gone@example.com')).toBeNull();

    api.failNext('users.info', { ok: false, error: 'ratelimited' });
    await expect(people.findById(TEAM, 'U_DANA')).rejects.toThrow(/ratelimited/);
  });

  it('DMs a person by user id and says where the message landed', async () => {
    const people = directory();
    const person = await people.findByEmail(TEAM, 'dana@example.com');
    if (!person) throw new Error('Dana not found');
    const conversation = await people.directConversation(person);
    expect(conversation).toMatchObject({
      platform: 'slack',
      conversationId: 'U_DANA',
      kind: 'personal',
      userId: 'U_DANA',
    });

    // Slack answers a post to a user id with the DM's own id, which later updates need.
    api.respond('chat.postMessage', (_call, reply) => ({ ...reply(), channel: 'D_DANA' }));
    const sent = await new SlackProactiveSender(tokens()).send(conversation, {
      kind: 'text',
      text: 'Your request for *Mercy Health* was approved: "see <!channel> & <https://x.example|y>"',
    });
    const posted = await api.waitForCall('chat.postMessage');
    expect(sent).toEqual({ conversationId: 'D_DANA', messageId: expect.stringMatching(/^\d+\.\d{6}$/) });
    expect(posted.args).toMatchObject({ channel: 'U_DANA' });
    // What people typed cannot ping a channel or hide a link.
    expect(posted.args.text).toBe(
      'Your request for *Mercy Health* was approved: "see &lt;!channel&gt; &amp; &lt;https://x.example|y&gt;"',
    );
  });
});
