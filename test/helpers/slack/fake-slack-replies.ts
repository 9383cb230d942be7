import type { FakeSlackOAuth } from './fake-slack-oauth.ts';
import { channelRecord, type FakeChannel, type FakeUser, userRecord } from './fake-slack-records.ts';
import { SLACK_IDS } from './slack-ids.ts';

export type { FakeChannel, FakeUser } from './fake-slack-records.ts';

/** A message the fake knows about, as conversations.history returns it plus the channel it lives in. */
export interface StoredMessage {
  channel: string;
  ts: string;
  text?: string;
  user?: string;
  thread_ts?: string;
  [field: string]: unknown;
}

export interface FakeSlackApiOptions {
  /** Listen on this port (e.g. one Earshot was already pointed at while nothing listened there); default any. */
  port?: number;
  /** What `apps.connections.open` returns, e.g. a fake-socket-mode url. */
  socketModeUrl?: string;
  /** Channels answer as public channels unless listed here; ids starting with D answer as IMs. */
  channels?: Record<string, FakeChannel>;
  /** Users answer with a profile derived from their id unless listed here. */
  users?: Record<string, FakeUser>;
  /**
   * users.lookupByEmail answers users_not_found for an email no configured user has, as Slack does
   * for people outside the workspace; by default it derives a user (`dana@…` is `U_DANA`).
   */
  onlyConfiguredEmails?: boolean;
  /** Usergroup id to member ids. */
  usergroups?: Record<string, string[]>;
  /** Seeds conversations.history and conversations.replies; chat.postMessage/update/delete keep it current. */
  messages?: StoredMessage[];
  /** The Slack app's client id and secret, which `oauth.v2.access` checks (grants: `grantOAuth`). */
  oauth?: FakeSlackOAuth;
}

export type SlackReply = { ok: boolean; [field: string]: unknown };
export type Args = Record<string, unknown>;

export interface FakeSlackState {
  options: FakeSlackApiOptions;
  messages: StoredMessage[];
  nextTs(): string;
  nextId(prefix: string): string;
}

const fail = (error: string): SlackReply => ({ ok: false, error });
const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);
// Slack timestamps are fixed width (10 digits, dot, 6 digits), so string order is time order.
const byTs = (a: { ts: string }, b: { ts: string }) => (a.ts < b.ts ? -1 : a.ts > b.ts ? 1 : 0);
const noMorePages = { has_more: false, response_metadata: { next_cursor: '' } };

/** The reply each supported Web API method gives by default, shaped like Slack's. */
export const defaultReplies: Record<string, (args: Args, state: FakeSlackState) => SlackReply> = {
  'auth.test': () => ({
    ok: true,
    url: `https://${SLACK_IDS.teamDomain}.slack.com/`,
    team: SLACK_IDS.teamName,
    user: SLACK_IDS.botName,
    team_id: SLACK_IDS.teamId,
    user_id: SLACK_IDS.botUserId,
    bot_id: SLACK_IDS.botId,
    is_enterprise_install: false,
  }),
  'apps.connections.open': (_args, { options }) =>
    options.socketModeUrl
      ? { ok: true, url: options.socketModeUrl }
      : { ...fail('invalid_auth'), detail: 'fake-slack-api: start it with { socketModeUrl }' },

  'chat.postMessage': (args, state) => {
    const channel = text(args.channel);
    if (!channel) return fail('channel_not_found');
    if (args.text === undefined && args.blocks === undefined && args.attachments === undefined) {
      return fail('no_text');
    }
    const { channel: _, token: __, ...fields } = args;
    const message = {
      ...fields,
      type: 'message',
      user: SLACK_IDS.botUserId,
      bot_id: SLACK_IDS.botId,
      app_id: SLACK_IDS.appId,
      team: SLACK_IDS.teamId,
      ts: state.nextTs(),
    };
    state.messages.push({ channel, ...message });
    return { ok: true, channel, ts: message.ts, message };
  },
  'chat.postEphemeral': (args, state) =>
    text(args.channel) && text(args.user)
      ? { ok: true, message_ts: state.nextTs() }
      : fail('channel_not_found'),
  'chat.update': (args, state) => {
    const stored = findMessage(state, args);
    if (!stored) return fail('message_not_found');
    const { channel, ts, token: _, ...changes } = args;
    Object.assign(stored, changes, { edited: { user: SLACK_IDS.botUserId, ts: state.nextTs() } });
    const { channel: __, ...message } = stored;
    return { ok: true, channel: stored.channel, ts: stored.ts, text: stored.text ?? '', message };
  },
  'chat.delete': (args, state) => {
    const stored = findMessage(state, args);
    if (!stored) return fail('message_not_found');
    state.messages.splice(state.messages.indexOf(stored), 1);
    return { ok: true, channel: stored.channel, ts: stored.ts };
  },
  'chat.getPermalink': (args) => {
    const channel = text(args.channel);
    const ts = text(args.message_ts);
    if (!channel || !ts) return fail('message_not_found');
    const permalink = `https://${SLACK_IDS.teamDomain}.slack.com/archives/${channel}/p${ts.replace('.', '')}`;
    return { ok: true, channel, permalink };
  },
  'reactions.add': (args) => (text(args.name) ? { ok: true } : fail('invalid_name')),

  'views.open': (args, state) => viewReply(args, state),
  'views.push': (args, state) => viewReply(args, state),
  'views.update': (args, state) => viewReply(args, state, text(args.view_id)),
  'views.publish': (args, state) => (text(args.user_id) ? viewReply(args, state) : fail('invalid_arguments')),

  'users.info': (args, { options }) => {
    const id = text(args.user);
    return id ? { ok: true, user: userRecord(id, options.users?.[id]) } : fail('user_not_found');
  },
  'users.lookupByEmail': (args, { options }) => {
    const email = text(args.email);
    if (!email) return fail('users_not_found');
    const configured = Object.entries(options.users ?? {}).find(([, user]) => user.email === email);
    if (!configured && options.onlyConfiguredEmails) return fail('users_not_found');
    const [id, user] = configured ?? [`U_${email.split('@')[0]?.toUpperCase()}`, { email }];
    return { ok: true, user: userRecord(id, user) };
  },
  'usergroups.users.list': (args, { options }) => ({
    ok: true,
    users: options.usergroups?.[text(args.usergroup) ?? ''] ?? [],
  }),

  'conversations.info': (args, { options }) => {
    const id = text(args.channel);
    return id ? { ok: true, channel: channelRecord(id, options.channels?.[id]) } : fail('channel_not_found');
  },
  'conversations.members': (args, { options }) => ({
    ok: true,
    members: options.channels?.[text(args.channel) ?? '']?.members ?? [SLACK_IDS.userId, SLACK_IDS.botUserId],
    response_metadata: { next_cursor: '' },
  }),
  'conversations.open': (args) => {
    const users = text(args.users);
    if (!users && !text(args.channel)) return fail('users_list_not_supplied');
    const id = text(args.channel) ?? `D_${users?.replace(/^U_?/, '').split(',')[0]}`;
    return { ok: true, channel: { id } };
  },
  'conversations.history': (args, state) => {
    const channel = text(args.channel);
    const inRange = tsFilter(args);
    const messages = state.messages
      .filter((m) => m.channel === channel && (!m.thread_ts || m.thread_ts === m.ts) && inRange(m.ts))
      .sort(byTs)
      .reverse()
      .slice(0, limitOf(args))
      .map((m) => withThreadSummary(m, state.messages));
    return { ok: true, messages, ...noMorePages };
  },
  'conversations.replies': (args, state) => {
    const channel = text(args.channel);
    const ts = text(args.ts);
    const thread = state.messages.filter((m) => m.channel === channel && (m.ts === ts || m.thread_ts === ts));
    if (!thread.some((m) => m.ts === ts)) return fail('thread_not_found');
    const inRange = tsFilter(args);
    const messages = thread
      .sort(byTs)
      .filter((m) => m.ts === ts || inRange(m.ts))
      .slice(0, limitOf(args))
      .map((m) => withThreadSummary(m, state.messages));
    return { ok: true, messages, ...noMorePages };
  },
};

function findMessage(state: FakeSlackState, args: Args): StoredMessage | undefined {
  return state.messages.find((m) => m.channel === args.channel && m.ts === args.ts);
}

function limitOf(args: Args): number {
  const limit = Number(args.limit);
  return Number.isInteger(limit) && limit > 0 ? limit : 100;
}

function tsFilter(args: Args): (ts: string) => boolean {
  const inclusive = args.inclusive === 'true' || args.inclusive === true;
  const oldest = text(args.oldest);
  const latest = text(args.latest);
  return (ts) =>
    (!oldest || (inclusive ? ts >= oldest : ts > oldest)) &&
    (!latest || (inclusive ? ts <= latest : ts < latest));
}

/** A message without its channel, with the reply counts Slack adds to thread parents. */
function withThreadSummary({ channel, ...message }: StoredMessage, all: StoredMessage[]) {
  const replies = all.filter(
    (m) => m.channel === channel && m.thread_ts === message.ts && m.ts !== message.ts,
  );
  const summary =
    replies.length > 0
      ? {
          thread_ts: message.ts,
          reply_count: replies.length,
          reply_users: [...new Set(replies.map((m) => m.user))],
          latest_reply: replies
            .map((m) => m.ts)
            .sort()
            .at(-1),
        }
      : {};
  return { type: 'message', ...message, ...summary };
}

function viewReply(args: Args, state: FakeSlackState, id = state.nextId('V')): SlackReply {
  const view = (args.view ?? {}) as Args;
  if (typeof view !== 'object' || !view.type) return fail('invalid_arguments');
  return {
    ok: true,
    view: {
      id,
      team_id: SLACK_IDS.teamId,
      callback_id: '',
      private_metadata: '',
      external_id: '',
      blocks: [],
      close: null,
      submit: null,
      clear_on_close: false,
      notify_on_close: false,
      ...view,
      state: { values: {} },
      hash: `1732000000.${id}`,
      root_view_id: id,
      previous_view_id: null,
      app_id: SLACK_IDS.appId,
      app_installed_team_id: SLACK_IDS.teamId,
      bot_id: SLACK_IDS.botId,
    },
  };
}
