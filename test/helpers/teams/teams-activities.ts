/**
 * Teams activities as the Bot Connector posts them to a bot's `/api/messages`, with overrides.
 * Defaults describe a 1:1 (personal) chat in tenant `tenant-1` with user `29:user-1` and bot `28:bot-app-id`.
 */

import { workspaceKey } from '../../../src/knowledge/workspaces/platform-ids.ts';
export type ConversationType = 'personal' | 'groupChat' | 'channel';

export interface ChannelAccount {
  id: string;
  name?: string;
  aadObjectId?: string;
  role?: 'user' | 'bot';
  [field: string]: unknown;
}

export interface TeamsConversation {
  id: string;
  conversationType: ConversationType;
  tenantId: string;
  isGroup?: boolean;
  name?: string;
  [field: string]: unknown;
}

export interface MentionEntity {
  type: 'mention';
  text: string;
  mentioned: { id: string; name: string };
  [field: string]: unknown;
}

export interface TeamsChannelData {
  tenant: { id: string };
  team?: { id: string; name?: string; aadGroupId?: string };
  channel?: { id: string; name?: string };
  eventType?: string;
  [field: string]: unknown;
}

/** The JSON an activity is on the wire (timestamps are strings). */
export interface TeamsActivity {
  type: string;
  id: string;
  channelId: string;
  serviceUrl: string;
  timestamp: string;
  localTimestamp?: string;
  from: ChannelAccount;
  recipient: ChannelAccount;
  conversation: TeamsConversation;
  channelData: TeamsChannelData;
  text?: string;
  textFormat?: string;
  locale?: string;
  entities?: Array<MentionEntity | { type: string; [field: string]: unknown }>;
  name?: string;
  value?: unknown;
  replyToId?: string;
  [field: string]: unknown;
}

export interface ActivityOverrides {
  id?: string;
  serviceUrl?: string;
  text?: string;
  conversation?: Partial<TeamsConversation>;
  from?: Partial<ChannelAccount>;
  recipient?: Partial<ChannelAccount>;
  channelData?: Partial<TeamsChannelData>;
  entities?: TeamsActivity['entities'];
  [field: string]: unknown;
}

const DEFAULT_TENANT = 'tenant-1';

/** The workspace id Earshot keeps a tenant's knowledge under; tests name Teams workspaces only through this. */
export function teamsWorkspaceOf(tenantId: string): string {
  return workspaceKey('teams', tenantId);
}

export const TEAMS_DEFAULTS = {
  serviceUrl: 'https://smba.trafficmanager.net/amer/',
  tenantId: DEFAULT_TENANT,
  /**
   * The workspace id under which Earshot keeps the default tenant's knowledge, people and conversations
   * (see `teamsWorkspaceOf`).
   */
  workspaceId: teamsWorkspaceOf(DEFAULT_TENANT),
  bot: { id: '28:bot-app-id', name: 'Earshot' },
  user: { id: '29:user-1', name: 'Dana Seller', aadObjectId: '00000000-0000-0000-0000-000000000001' },
  teamId: '19:team-1@thread.tacv2',
  channelId: '19:channel-1@thread.tacv2',
} as const;

let activityCount = 0;
function nextId(): string {
  activityCount += 1;
  return String(1_732_000_000_000 + activityCount);
}

/** Any activity; `type` defaults to `message`. Nested objects are merged with the defaults, not replaced. */
export function teamsActivity(overrides: ActivityOverrides & { type?: string } = {}): TeamsActivity {
  const {
    conversation: conversationOverrides,
    from,
    recipient,
    channelData: channelDataOverrides,
    ...rest
  } = overrides;
  const conversationType = conversationOverrides?.conversationType ?? 'personal';
  const tenantId =
    conversationOverrides?.tenantId ?? channelDataOverrides?.tenant?.id ?? TEAMS_DEFAULTS.tenantId;
  const conversation: TeamsConversation = {
    id: defaultConversationId(conversationType),
    conversationType,
    tenantId,
    ...(conversationType === 'personal' ? {} : { isGroup: true }),
    ...conversationOverrides,
  };
  const channelData: TeamsChannelData = {
    tenant: { id: tenantId },
    ...(conversationType === 'channel'
      ? {
          team: { id: TEAMS_DEFAULTS.teamId, name: 'Sales' },
          channel: { id: TEAMS_DEFAULTS.channelId, name: 'General' },
        }
      : {}),
    ...channelDataOverrides,
  };
  const now = new Date().toISOString();
  return {
    type: 'message',
    id: nextId(),
    channelId: 'msteams',
    serviceUrl: TEAMS_DEFAULTS.serviceUrl,
    timestamp: now,
    localTimestamp: now,
    locale: 'en-US',
    from: { ...TEAMS_DEFAULTS.user, ...from },
    recipient: { ...TEAMS_DEFAULTS.bot, ...recipient },
    conversation,
    channelData,
    ...rest,
  };
}

/** A plain message (`text` defaults to `hello`). */
export function teamsMessage(overrides: ActivityOverrides = {}): TeamsActivity {
  return teamsActivity({ text: 'hello', textFormat: 'plain', ...overrides, type: 'message' });
}

/** The mention entity Teams adds for `<at>name</at>`. */
export function mentionEntity(mentioned: { id: string; name: string } = TEAMS_DEFAULTS.bot): MentionEntity {
  return { type: 'mention', text: `<at>${mentioned.name}</at>`, mentioned: { ...mentioned } };
}

/**
 * A message that @mentions the bot, as in a channel or group chat: `<at>Earshot</at> {text}` with the mention
 * entity. Defaults to a channel conversation.
 */
export function teamsMention(overrides: ActivityOverrides = {}): TeamsActivity {
  const bot = { ...TEAMS_DEFAULTS.bot, ...overrides.recipient };
  const botName = bot.name ?? TEAMS_DEFAULTS.bot.name;
  const entity = mentionEntity({ id: bot.id, name: botName });
  return teamsMessage({
    ...overrides,
    conversation: { conversationType: 'channel', ...overrides.conversation },
    recipient: bot,
    text: `<at>${botName}</at> ${overrides.text ?? 'hello'}`,
    entities: [entity, ...(overrides.entities ?? [])],
  });
}

/** An Adaptive Card `Action.Execute`: `invoke` `adaptiveCard/action`, answered by `onAdaptiveCardInvoke`. */
export function adaptiveCardInvoke(
  options: { verb: string; data?: Record<string, unknown> } & ActivityOverrides,
): TeamsActivity {
  const { verb, data = {}, ...overrides } = options;
  return teamsActivity({
    ...overrides,
    type: 'invoke',
    name: 'adaptiveCard/action',
    value: { action: { type: 'Action.Execute', verb, data }, trigger: 'manual' },
  });
}

/**
 * A message extension action on a message: `composeExtension/fetchTask` (opening the task module, `phase: 'fetch'`)
 * or `composeExtension/submitAction` (submitting it; the default, with `data`).
 */
export function messageExtensionAction(
  options: {
    commandId: string;
    messagePayload?: Record<string, unknown>;
    phase?: 'fetch' | 'submit';
    data?: Record<string, unknown>;
  } & ActivityOverrides,
): TeamsActivity {
  const { commandId, messagePayload, phase = 'submit', data, ...overrides } = options;
  return teamsActivity({
    ...overrides,
    type: 'invoke',
    name: phase === 'fetch' ? 'composeExtension/fetchTask' : 'composeExtension/submitAction',
    value: {
      commandId,
      commandContext: 'message',
      context: { theme: 'default' },
      ...(messagePayload ? { messagePayload: teamsMessagePayload(messagePayload) } : {}),
      ...(phase === 'submit' ? { data: data ?? {} } : {}),
    },
  });
}

/** The `messagePayload` Teams sends for "more actions" on a message. */
export function teamsMessagePayload(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    id: nextId(),
    createdDateTime: new Date().toISOString(),
    messageType: 'message',
    importance: 'normal',
    locale: 'en-us',
    from: {
      user: {
        id: TEAMS_DEFAULTS.user.aadObjectId,
        displayName: TEAMS_DEFAULTS.user.name,
        userIdentityType: 'aadUser',
      },
    },
    body: { contentType: 'html', content: '<p>We keep losing to Acme on price.</p>' },
    attachments: [],
    mentions: [],
    ...overrides,
  };
}

/** The app was installed (`action: 'add'`, default) or removed in a conversation. */
export function installationUpdate(
  options: { action?: 'add' | 'remove' | 'add-upgrade' } & ActivityOverrides = {},
): TeamsActivity {
  const { action = 'add', ...overrides } = options;
  return teamsActivity({ ...overrides, type: 'installationUpdate', action });
}

/** Members joined; defaults to the bot itself being added (what Teams sends on install). */
export function conversationUpdate(
  options: { membersAdded?: ChannelAccount[]; membersRemoved?: ChannelAccount[] } & ActivityOverrides = {},
): TeamsActivity {
  const { membersAdded = [{ ...TEAMS_DEFAULTS.bot }], membersRemoved, ...overrides } = options;
  return teamsActivity({
    ...overrides,
    type: 'conversationUpdate',
    membersAdded,
    ...(membersRemoved ? { membersRemoved } : {}),
    channelData: { eventType: 'teamMemberAdded', ...overrides.channelData },
  });
}

/** POSTs an activity as the Bot Connector does; `token` becomes `Authorization: Bearer …`. */
export async function postActivity(
  url: string,
  activity: TeamsActivity | Record<string, unknown>,
  options: { token?: string } = {},
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json; charset=utf-8',
      ...(options.token ? { authorization: `Bearer ${options.token}` } : {}),
    },
    body: JSON.stringify(activity),
  });
  const text = await response.text();
  let body: unknown = text;
  try {
    body = text ? JSON.parse(text) : undefined;
  } catch {
    // Not JSON: keep the text (CloudAdapter answers 401 with a plain message).
  }
  return { status: response.status, body };
}

function defaultConversationId(type: ConversationType): string {
  if (type === 'channel') return `${TEAMS_DEFAULTS.channelId};messageid=${1_732_000_000_000}`;
  if (type === 'groupChat') return '19:group-chat-1@thread.v2';
  return 'a:1personal-chat-with-user-1';
}
