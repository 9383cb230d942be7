import type { FakeMember } from './fake-bot-connector.ts';

/** A Teams user as tests need them: who they are in activities, their profile, and their 1:1 chat with Earshot. */
export interface TeamsUser {
  /** As activities carry it in `from`. */
  from: { id: string; name: string; aadObjectId: string };
  email: string;
  /** The id of their personal conversation with the bot. */
  chatId: string;
}

let count = 100;

/** A user with a distinct Teams id, AAD object id, email and personal chat. */
export function teamsUser(handle: string, name: string, email = `${handle}@seller.example`): TeamsUser {
  count += 1;
  return {
    from: {
      id: `29:${handle}`,
      name,
      aadObjectId: `00000000-0000-4000-8000-${String(count).padStart(12, '0')}`,
    },
    email,
    chatId: `a:1personal-chat-with-${handle}`,
  };
}

/** The user's profile as the fake connector serves it from `GET …/members/{id}`. */
export function asMember(user: TeamsUser): FakeMember {
  return {
    id: user.from.id,
    name: user.from.name,
    aadObjectId: user.from.aadObjectId,
    email: user.email,
    userPrincipalName: user.email,
  };
}
