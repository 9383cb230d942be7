import { SLACK_IDS, userHandle } from './slack-ids.ts';

export interface FakeChannel {
  name?: string;
  is_private?: boolean;
  is_im?: boolean;
  /** The other member of an IM. */
  user?: string;
  members?: string[];
}

export interface FakeUser {
  name?: string;
  real_name?: string;
  email?: string;
  tz?: string;
  is_bot?: boolean;
}

/** users.info's `user`, derived from the id where the test configured nothing. */
export function userRecord(id: string, user: FakeUser = {}) {
  const isBot = user.is_bot ?? id === SLACK_IDS.botUserId;
  const handle = user.name ?? (isBot ? SLACK_IDS.botName : userHandle(id));
  const realName = user.real_name ?? handle.charAt(0).toUpperCase() + handle.slice(1);
  return {
    id,
    team_id: SLACK_IDS.teamId,
    name: handle,
    deleted: false,
    real_name: realName,
    tz: user.tz ?? 'America/New_York',
    tz_label: 'Eastern Standard Time',
    tz_offset: -18000,
    is_admin: false,
    is_owner: false,
    is_bot: isBot,
    is_app_user: false,
    profile: {
      real_name: realName,
      real_name_normalized: realName,
      display_name: handle,
      display_name_normalized: handle,
      email: user.email ?? (isBot ? undefined : `${handle}@example.com`),
      team: SLACK_IDS.teamId,
    },
  };
}

/** conversations.info's `channel`: a public channel unless configured, an IM for D ids. */
export function channelRecord(id: string, channel: FakeChannel = {}) {
  if (channel.is_im ?? id.startsWith('D')) {
    return {
      id,
      created: 1700000000,
      is_im: true,
      is_org_shared: false,
      user: channel.user ?? SLACK_IDS.userId,
    };
  }
  const isPrivate = channel.is_private ?? false;
  // Only private channels from before 2021 (G ids) are still reported as groups.
  const isGroup = isPrivate && id.startsWith('G');
  const name = channel.name ?? id.replace(/^[CG]_?/, '').toLowerCase();
  return {
    id,
    name,
    name_normalized: name,
    is_channel: !isGroup,
    is_group: isGroup,
    is_im: false,
    is_mpim: false,
    is_private: isPrivate,
    is_archived: false,
    is_general: false,
    is_member: true,
    is_shared: false,
    is_ext_shared: false,
    is_org_shared: false,
    context_team_id: SLACK_IDS.teamId,
    created: 1700000000,
    creator: SLACK_IDS.userId,
    topic: { value: '', creator: '', last_set: 0 },
    purpose: { value: '', creator: '', last_set: 0 },
  };
}
