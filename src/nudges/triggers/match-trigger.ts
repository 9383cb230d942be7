import type { Clock } from '../../clock.ts';
import type { Database } from '../../db/database.ts';
import { accountNameKey, domainKey } from '../accounts/account-keys.ts';
import { queueAlerts } from './ingest-triggers.ts';

export type TriggerMatch =
  | { ok: true; title: string; account: { id: number; name: string }; alertsQueued: number }
  | { ok: false; problem: string };

/**
 * Gives an unmatched trigger event the account a person names (by domain or by name, as matching reads
 * them) and queues its owner's alert the way an incoming event's is queued.
 */
export async function matchTrigger(options: {
  db: Database;
  clock: Clock;
  workspaceId: string;
  triggerId: number;
  /** An account's name or domain, as typed. */
  account: string;
}): Promise<TriggerMatch> {
  const { db, workspaceId } = options;
  const typed = options.account.trim();
  if (!typed) return { ok: false, problem: 'Account: give the account’s name or domain, such as acme.com' };
  const account =
    (await db.prisma.account.findUnique({
      where: { workspaceId_domain: { workspaceId, domain: domainKey(typed) } },
    })) ??
    (await db.prisma.account.findUnique({
      where: { workspaceId_nameKey: { workspaceId, nameKey: accountNameKey(typed) } },
    }));
  if (!account) {
    return {
      ok: false,
      problem: `Account: no account is named “${typed}” or has that domain; check the spelling, or add the account on the Accounts page first`,
    };
  }
  const now = options.clock.now();
  return db.transaction(async (session) => {
    const matched = await session.query<{ id: number; title: string }>(
      `UPDATE trigger_events SET account_id = $3
       WHERE id = $2 AND workspace_id = $1 AND account_id IS NULL RETURNING id, title`,
      [workspaceId, options.triggerId, account.id],
    );
    const event = matched[0];
    if (!event) {
      return {
        ok: false,
        problem: 'This trigger event is not waiting for an account (matched already, or gone).',
      };
    }
    const alertsQueued = await queueAlerts(session, { workspaceId, triggerIds: [event.id], now });
    return { ok: true, title: event.title, account: { id: account.id, name: account.name }, alertsQueued };
  });
}
