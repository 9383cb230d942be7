/** The chat platforms Earshot serves. */
export type ChatPlatform = 'slack' | 'teams';

/** The command line's own workspace, reached by no chat platform. */
export const LOCAL_WORKSPACE = 'local';

/**
 * A workspace id carries its platform (`slack:T0123ABC`, `teams:<tenant id>`), so a Teams request can
 * never name a Slack workspace, or the reverse, whatever ids it makes up.
 */
export function workspaceKey(platform: ChatPlatform, nativeId: string): string {
  return `${platform}:${nativeId}`;
}

/**
 * A conversation as private audiences store it (`slack:C0123`, `teams:19:…@thread.tacv2`): the same
 * channel id on another platform is another conversation.
 */
export function conversationKey(platform: ChatPlatform, conversationId: string): string {
  return `${platform}:${conversationId}`;
}

/** The platform a workspace or conversation key belongs to; null for `local` and named CLI workspaces. */
export function platformOfKey(key: string): ChatPlatform | null {
  if (key.startsWith('slack:')) return 'slack';
  if (key.startsWith('teams:')) return 'teams';
  return null;
}

/** The platform's own id inside a key (`slack:C0123` → `C0123`), for calls to that platform. */
export function nativeIdOfKey(key: string): string {
  const platform = platformOfKey(key);
  return platform ? key.slice(platform.length + 1) : key;
}

/** A Slack team id (T…) or Enterprise Grid org id (E…) as Slack writes it. */
export const SLACK_TEAM_ID = /^[TE][A-Z0-9_]{2,}$/;
/** A Microsoft Entra tenant id. */
export const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A workspace as people type it (`--workspace`, the trigger webhook): `slack:T0123` and `teams:<tenant>`
 * as they are, a bare Slack team id (`T0123ABC`) or Teams tenant id (a GUID) recognised by its shape,
 * and anything else (`local`, a name) as a workspace of the command line's own.
 */
export function workspaceFromInput(value: string): string {
  const trimmed = value.trim();
  if (platformOfKey(trimmed)) return trimmed;
  if (SLACK_TEAM_ID.test(trimmed)) return workspaceKey('slack', trimmed);
  if (GUID.test(trimmed)) return workspaceKey('teams', trimmed.toLowerCase());
  return trimmed;
}
