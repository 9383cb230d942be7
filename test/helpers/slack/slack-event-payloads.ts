import { randomBytes, randomUUID } from 'node:crypto';
import type { EnvelopedEvent, types } from '@slack/bolt';
import { nextSlackTs, SLACK_IDS } from './slack-ids.ts';

type ChannelType = 'channel' | 'group' | 'im' | 'mpim';

export interface EventCallbackOptions {
  teamId?: string;
  eventId?: string;
  /** Unix seconds. */
  eventTime?: number;
  apiAppId?: string;
}

/** The Events API envelope Slack POSTs (and sends over Socket Mode as an `events_api` payload). */
export function eventCallback<E extends { type: string }>(
  event: E,
  { teamId = SLACK_IDS.teamId, eventId, eventTime, apiAppId = SLACK_IDS.appId }: EventCallbackOptions = {},
): EnvelopedEvent<E> {
  return {
    token: SLACK_IDS.verificationToken,
    team_id: teamId,
    context_team_id: teamId,
    api_app_id: apiAppId,
    event,
    type: 'event_callback',
    event_id: eventId ?? `Ev${randomBytes(5).toString('hex').toUpperCase()}`,
    event_time: eventTime ?? Math.floor(Date.now() / 1000),
    authorizations: [
      {
        enterprise_id: null,
        team_id: teamId,
        user_id: SLACK_IDS.botUserId,
        is_bot: true,
        is_enterprise_install: false,
      },
    ],
    is_ext_shared_channel: false,
    event_context: `4-fake-${event.type}-${teamId}`,
  };
}

/** The event_callback JSON body, as Slack sends it over HTTP. */
export function eventCallbackBody(event: { type: string }, options?: EventCallbackOptions): string {
  return JSON.stringify(eventCallback(event, options));
}

export function urlVerification(challenge = randomBytes(16).toString('hex')) {
  return { token: SLACK_IDS.verificationToken, challenge, type: 'url_verification' as const };
}

export function urlVerificationBody(challenge?: string): string {
  return JSON.stringify(urlVerification(challenge));
}

export function appMention(overrides: Partial<types.AppMentionEvent> = {}): types.AppMentionEvent {
  const ts = overrides.ts ?? nextSlackTs();
  return {
    type: 'app_mention',
    client_msg_id: randomUUID(),
    text: `<@${SLACK_IDS.botUserId}> what are you hearing about pricing objections?`,
    user: SLACK_IDS.userId,
    ts,
    team: SLACK_IDS.teamId,
    channel: SLACK_IDS.channelId,
    event_ts: ts,
    ...overrides,
  };
}

type MessageOptions = {
  channel?: string;
  user?: string;
  /** The message text; for message_changed, the text after the edit. */
  text?: string;
  /** The event's ts; for edits and deletions Slack gives the edited message its own, older ts. */
  ts?: string;
  thread_ts?: string;
  channel_type?: ChannelType;
  /** message_changed: fields of the message after the edit. */
  message?: Partial<types.GenericMessageEvent>;
  /** message_changed and message_deleted: fields of the message before. */
  previous_message?: Partial<types.GenericMessageEvent>;
  /** message_deleted: the ts of the deleted message. */
  deleted_ts?: string;
  [field: string]: unknown;
};

/** A `message` event; `subtype` picks the shape Slack uses for edits, deletions, bot posts and joins. */
export function messageEvent(options?: MessageOptions & { subtype?: undefined }): types.GenericMessageEvent;
export function messageEvent(
  options: MessageOptions & { subtype: 'message_changed' },
): types.MessageChangedEvent;
export function messageEvent(
  options: MessageOptions & { subtype: 'message_deleted' },
): types.MessageDeletedEvent;
export function messageEvent(options: MessageOptions & { subtype: 'bot_message' }): types.BotMessageEvent;
export function messageEvent(
  options: MessageOptions & { subtype: 'channel_join' },
): types.ChannelJoinMessageEvent;
export function messageEvent(options: MessageOptions & { subtype?: string } = {}): types.MessageEvent {
  const {
    subtype,
    channel = SLACK_IDS.channelId,
    user = SLACK_IDS.userId,
    text,
    ts: eventTs,
    ...rest
  } = options;
  const { thread_ts, channel_type, message, previous_message, deleted_ts, ...overrides } = rest;
  const earlierTs = nextSlackTs();
  const ts = eventTs ?? nextSlackTs();
  const where = { channel, channel_type: channel_type ?? channelTypeOf(channel), ts, event_ts: ts };
  const thread = thread_ts ? { thread_ts } : {};
  const posted = { type: 'message' as const, user, team: SLACK_IDS.teamId, ...thread };

  switch (subtype) {
    case undefined:
      return {
        ...posted,
        client_msg_id: randomUUID(),
        text: text ?? 'Heard from Acme: they want annual billing.',
        ...where,
        ...overrides,
      } as types.GenericMessageEvent;
    case 'message_changed': {
      const before = { ...posted, text: 'Heard from Acme: they want annual billing.', ts: earlierTs };
      const after = {
        ...before,
        text: text ?? 'Heard from Acme: annual billing, net 60.',
        edited: { user, ts },
      };
      return {
        type: 'message',
        subtype,
        hidden: true,
        ...where,
        message: { ...after, ...message },
        previous_message: { ...before, ...previous_message },
        ...overrides,
      } as types.MessageChangedEvent;
    }
    case 'message_deleted': {
      const before = { ...posted, text: text ?? 'Heard from Acme: they want annual billing.', ts: earlierTs };
      const deleted = { ...before, ...(deleted_ts ? { ts: deleted_ts } : {}), ...previous_message };
      return {
        type: 'message',
        subtype,
        hidden: true,
        ...where,
        deleted_ts: deleted.ts,
        previous_message: deleted,
        ...overrides,
      } as types.MessageDeletedEvent;
    }
    case 'bot_message':
      return {
        type: 'message',
        subtype,
        text: text ?? 'New opportunity: Acme, $120k',
        bot_id: 'B_CRM',
        username: 'CRM Alerts',
        ...thread,
        ...where,
        ...overrides,
      } as types.BotMessageEvent;
    case 'channel_join':
      return {
        ...posted,
        subtype,
        text: text ?? `<@${user}> has joined the channel`,
        ...where,
        ...overrides,
      } as types.ChannelJoinMessageEvent;
    default:
      return {
        ...posted,
        subtype,
        text: text ?? '',
        ...where,
        ...overrides,
      } as unknown as types.MessageEvent;
  }
}

export function reactionAdded(overrides: Partial<types.ReactionAddedEvent> = {}): types.ReactionAddedEvent {
  return {
    type: 'reaction_added',
    user: SLACK_IDS.userId,
    reaction: 'bulb',
    item: { type: 'message', channel: SLACK_IDS.channelId, ts: nextSlackTs() },
    item_user: SLACK_IDS.otherUserId,
    event_ts: nextSlackTs(),
    ...overrides,
  };
}

export function appHomeOpened(overrides: Partial<types.AppHomeOpenedEvent> = {}): types.AppHomeOpenedEvent {
  const user = overrides.user ?? SLACK_IDS.userId;
  return {
    type: 'app_home_opened',
    user,
    channel: `D_${user.replace(/^U_?/, '')}`,
    tab: 'home',
    event_ts: nextSlackTs(),
    ...overrides,
  };
}

function channelTypeOf(channel: string): ChannelType {
  if (channel.startsWith('D')) return 'im';
  return channel.startsWith('G') ? 'group' : 'channel';
}
