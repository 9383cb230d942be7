import type { Database } from '../db/database.ts';
import type { Messengers } from '../delivery/messengers.ts';
import type { Entry } from '../knowledge/entry.ts';
import { nativeIdOfKey, platformOfKey } from '../knowledge/workspaces/platform-ids.ts';
import type { Logger } from '../logger.ts';
import type { Viewer } from './pages/layout.ts';

export type PrivateAudienceDeps = {
  db: Database;
  logger: Logger;
  messengers: Pick<Messengers, 'conversationMembers'>;
};

/**
 * The private conversations whose captures this viewer may see in the console, by chat's rule for
 * App Home and review: a curator who is a member of the conversation. Members never see any. Slack
 * says who is in a conversation (asked once per conversation, then remembered for five minutes);
 * Teams cannot list a conversation's members outside a turn in it, so Teams private captures stay
 * in their conversation, as they do on Teams' own home tab.
 */
export async function privateAudiencesOf(deps: PrivateAudienceDeps, viewer: Viewer): Promise<string[]> {
  if (viewer.role !== 'curator') return [];
  const [audiences, people] = await Promise.all([
    deps.db.query<{ audience: string }>(
      `SELECT DISTINCT audience FROM entries WHERE workspace_id = $1 AND audience IS NOT NULL`,
      [viewer.organization],
    ),
    deps.db.prisma.chatPerson.findMany({
      where: { workspaceId: viewer.organization, email: viewer.email.toLowerCase(), platform: 'slack' },
      select: { userId: true },
    }),
  ]);
  if (audiences.length === 0 || people.length === 0) return [];
  const ids = people.map((person) => person.userId);
  const visible: string[] = [];
  for (const { audience } of audiences) {
    if (platformOfKey(audience) !== 'slack') continue;
    const members = await deps.messengers
      .conversationMembers('slack', viewer.organization, nativeIdOfKey(audience))
      .catch((error: unknown) => {
        // Closed by default: a conversation Slack cannot vouch for right now stays hidden.
        deps.logger.warn({ err: error, audience }, 'could not list a private conversation’s members');
        return new Set<string>();
      });
    if (ids.some((id) => members.has(id))) visible.push(audience);
  }
  return visible;
}

/** Whether an entry is one this viewer may see, given the private conversations they may see. */
export function visibleTo(entry: Pick<Entry, 'audience'>, audiences: readonly string[]): boolean {
  return entry.audience === null || audiences.includes(entry.audience);
}
