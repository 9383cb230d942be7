import type { WebClient } from '@slack/web-api';
import type { Entry } from '../knowledge/entry.ts';
import { nativeIdOfKey, platformOfKey } from '../knowledge/workspaces/platform-ids.ts';
import { conversationMemberIds } from './conversation-members.ts';

/**
 * Keeps the entries this user may see outside their source: public ones, and private ones only when
 * the user is a member of the Slack conversation they came from. Curators who are not members never
 * see a private channel's words on their Home tab, and a Teams conversation's never show in Slack.
 */
export async function visibleToMember(client: WebClient, userId: string, entries: Entry[]): Promise<Entry[]> {
  const audiences = [...new Set(entries.flatMap((entry) => (entry.audience ? [entry.audience] : [])))];
  const memberOf = new Set<string>();
  for (const audience of audiences) {
    if (platformOfKey(audience) !== 'slack') continue;
    if (await isMember(client, nativeIdOfKey(audience), userId)) memberOf.add(audience);
  }
  return entries.filter((entry) => entry.audience === null || memberOf.has(entry.audience));
}

async function isMember(client: WebClient, channel: string, userId: string): Promise<boolean> {
  const members = await conversationMemberIds(client, channel).catch((): string[] => []);
  return members.includes(userId);
}
