import { isCuratorsChannel } from '../../digest/curators-channel.ts';
import type { DigestRun } from '../../digest/digest-runs.ts';
import type { DigestSubscription } from '../../digest/digest-subscriptions.ts';
import { nextOccurrence } from '../../digest/weekly-schedule.ts';
import type { ConsoleDeps } from '../console-env.ts';

/** One subscription as the console shows it: readable names where Earshot knows them, and its latest runs. */
export interface DigestRow {
  subscription: DigestSubscription;
  /** Teams keeps a channel's name in its conversation reference; Slack's is only an id here. */
  conversationName: string | null;
  curatorsChannel: boolean;
  /** The subscriber's email when Earshot has met them, else their chat id. */
  createdBy: string;
  next: Date;
  runs: DigestRun[];
}

/** The organization's subscriptions with `runs` latest runs each. */
export async function digestRows(
  deps: ConsoleDeps,
  organization: string,
  runs: number,
): Promise<DigestRow[]> {
  const subscriptions = await deps.digests.subscriptions.ofWorkspace(organization);
  return Promise.all(subscriptions.map((subscription) => digestRow(deps, subscription, runs)));
}

/** The organization's subscription `id`, or null when it has none by that id. */
export async function digestRowOf(
  deps: ConsoleDeps,
  organization: string,
  id: number,
  runs: number,
): Promise<DigestRow | null> {
  const subscription = Number.isSafeInteger(id) ? await deps.digests.subscriptions.byId(id) : null;
  if (!subscription || subscription.workspaceId !== organization) return null;
  return digestRow(deps, subscription, runs);
}

async function digestRow(
  deps: ConsoleDeps,
  subscription: DigestSubscription,
  runs: number,
): Promise<DigestRow> {
  const { platform, workspaceId, conversationId } = subscription;
  const [ref, person, curatorsChannel, latest] = await Promise.all([
    deps.db.prisma.conversationRef.findUnique({
      where: { platform_workspaceId_conversationId: { platform, workspaceId, conversationId } },
      select: { reference: true },
    }),
    deps.db.prisma.chatPerson.findUnique({
      where: { platform_workspaceId_userId: { platform, workspaceId, userId: subscription.createdBy } },
      select: { email: true },
    }),
    isCuratorsChannel(deps.curators, subscription),
    deps.digests.runs.recent({ platform, workspaceId, conversationId }, runs),
  ]);
  return {
    subscription,
    conversationName: nameIn(ref?.reference),
    curatorsChannel,
    createdBy: person?.email ?? subscription.createdBy,
    next: nextOccurrence(subscription.schedule, deps.clock.now()),
    runs: latest,
  };
}

function nameIn(reference: unknown): string | null {
  if (typeof reference !== 'object' || reference === null) return null;
  const conversation = (reference as { conversation?: { name?: unknown } }).conversation;
  return typeof conversation?.name === 'string' && conversation.name.trim() ? conversation.name.trim() : null;
}
