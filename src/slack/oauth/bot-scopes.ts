/** The bot scopes an OAuth install asks for: those of manifest/slack.yaml (a test keeps them equal). */
export const SLACK_BOT_SCOPES = [
  'app_mentions:read',
  'channels:history',
  'channels:read',
  'chat:write',
  'commands',
  'groups:history',
  'groups:read',
  'im:history',
  'im:read',
  'im:write',
  'mpim:history',
  'mpim:read',
  'reactions:read',
  'usergroups:read',
  'users:read',
  'users:read.email',
] as const;
