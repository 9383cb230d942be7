import type { OrganizationCurators } from '../knowledge/curation/organization-curators.ts';
import type { DigestChannel } from './digest-subscriptions.ts';

export type CuratorChannels = Pick<OrganizationCurators, 'channelOf'>;

/** The organization's curators' channel on the channel's platform: its digest always carries the content gaps. */
export async function isCuratorsChannel(curators: CuratorChannels, channel: DigestChannel): Promise<boolean> {
  const curatorsChannel = await curators.channelOf(channel.workspaceId, channel.platform);
  return curatorsChannel?.conversationId === channel.conversationId;
}
