import type { Clock } from '../clock.ts';
import type { QuietHours } from '../config.ts';
import type { Database } from '../db/database.ts';
import type { Messengers } from '../delivery/messengers.ts';
import type { KnowledgeSearch } from '../knowledge/search/knowledge-search.ts';
import type { Logger } from '../logger.ts';
import { composeNudge } from './compose-nudge.ts';
import { quietUntil } from './quiet-hours.ts';
import { chatIds, type ReferenceDesk } from './references/reference-desk.ts';

const POLL_MS = 5_000;
const BATCH = 100;
/** Parallel sends: enough to clear a burst quickly without tripping the platforms' rate limits. */
const CONCURRENCY = 8;
const MAX_ATTEMPTS = 5;
/** An owner not found in chat is looked for again hourly for two days (they may install the app). */
const UNREACHABLE_RETRY_MS = 60 * 60_000;
const MAX_UNREACHABLE_ATTEMPTS = 48;
/** A claim older than this belongs to a process that died mid-send; another may take it over. */
const STALE_CLAIM_MS = 10 * 60_000;

interface ClaimedNudge {
  id: number;
  workspace_id: string;
  owner_email: string;
  attempts: number;
  owner_slack_id: string | null;
  owner_teams_id: string | null;
}

export interface DispatchResult {
  sent: number;
  /** Waiting for the end of the owner's quiet hours. */
  deferred: number;
  /** To be tried again later (owner not found yet, platform error). */
  retrying: number;
  failed: number;
}

/**
 * Sends due alerts. Each is claimed in the database first (`FOR UPDATE SKIP LOCKED`), so with several
 * Earshot processes on one database every alert is sent by exactly one of them, once.
 */
export class NudgeDispatcher {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<DispatchResult> | undefined;
  private again = false;

  constructor(
    private readonly deps: {
      db: Database;
      clock: Clock;
      messengers: Messengers;
      search: KnowledgeSearch;
      references: ReferenceDesk;
      logger: Logger;
      quietHours: QuietHours | null;
      defaultTimeZone: string;
    },
  ) {}

  /** Polls for due alerts (new ones, ends of quiet hours and snoozes) until stopped. */
  start(pollMs = POLL_MS): void {
    if (this.timer) return;
    this.timer = setInterval(() => this.kick(), pollMs);
    this.timer.unref();
    this.kick();
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    this.timer = undefined;
    await this.running?.catch(() => {});
  }

  /** Runs a pass soon; passes never overlap within one process. */
  kick(): void {
    if (this.deps.messengers.platforms.length === 0) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.running = this.runDue()
      .catch((error: unknown) => {
        this.deps.logger.error({ err: error }, 'sending alerts failed; will retry');
        return { sent: 0, deferred: 0, retrying: 0, failed: 0 };
      })
      .finally(() => {
        this.running = undefined;
        if (this.again) {
          this.again = false;
          this.kick();
        }
      });
  }

  /** Sends every alert due now, batch by batch. */
  async runDue(): Promise<DispatchResult> {
    const total: DispatchResult = { sent: 0, deferred: 0, retrying: 0, failed: 0 };
    for (;;) {
      const claimed = await this.claim();
      if (claimed.length === 0) return total;
      const queue = [...claimed];
      const referencesByIndustry = new Map();
      // One lookup per owner per batch: a burst of events often concerns a few owners' many accounts.
      const owners = new Map<string, ReturnType<Messengers['findPerson']>>();
      await Promise.all(
        Array.from({ length: Math.min(CONCURRENCY, queue.length) }, async () => {
          for (let nudge = queue.shift(); nudge; nudge = queue.shift()) {
            total[await this.deliver(nudge, { referencesByIndustry, owners })]++;
          }
        }),
      );
    }
  }

  private async claim(): Promise<ClaimedNudge[]> {
    const now = this.deps.clock.now();
    return this.deps.db.query<ClaimedNudge>(
      `WITH due AS (
         SELECT id FROM nudges
         WHERE (status = 'pending' AND due_at <= $1)
            OR (status = 'sending' AND claimed_at < $2)
         ORDER BY due_at, id LIMIT $3
         FOR UPDATE SKIP LOCKED)
       UPDATE nudges n SET status = 'sending', claimed_at = $1, attempts = n.attempts + 1
       FROM due, accounts a
       WHERE n.id = due.id AND a.id = n.account_id
       RETURNING n.id, n.workspace_id, n.owner_email, n.attempts, a.owner_slack_id, a.owner_teams_id`,
      [now.toISOString(), new Date(now.getTime() - STALE_CLAIM_MS).toISOString(), BATCH],
    );
  }

  private async deliver(
    nudge: ClaimedNudge,
    batch: {
      referencesByIndustry: Parameters<typeof composeNudge>[2];
      owners: Map<string, ReturnType<Messengers['findPerson']>>;
    },
  ): Promise<keyof DispatchResult> {
    const { messengers, logger } = this.deps;
    const log = logger.child({ nudge: nudge.id, workspace: nudge.workspace_id });
    try {
      const ownerKey = [
        nudge.workspace_id,
        nudge.owner_email,
        nudge.owner_slack_id,
        nudge.owner_teams_id,
      ].join('\n');
      let found = batch.owners.get(ownerKey);
      if (!found) {
        found = messengers.findPerson(nudge.workspace_id, {
          email: nudge.owner_email,
          ...chatIds(nudge.owner_slack_id),
          ...chatIds(nudge.owner_teams_id),
        });
        batch.owners.set(ownerKey, found);
      }
      const owner = await found;
      if (!owner) {
        return this.retryLater(nudge, {
          maxAttempts: MAX_UNREACHABLE_ATTEMPTS,
          delayMs: UNREACHABLE_RETRY_MS,
          error: `owner ${nudge.owner_email} not found in ${messengers.platforms.join(' or ')}; they need to use Earshot there once`,
        });
      }
      const now = this.deps.clock.now();
      const zone = owner.timeZone ?? this.deps.defaultTimeZone;
      const quietEnd = quietUntil(now, this.deps.quietHours, zone, this.deps.defaultTimeZone);
      if (quietEnd) {
        await this.update(nudge.id, { status: 'pending', dueAt: quietEnd, attempts: nudge.attempts - 1 });
        return 'deferred';
      }
      const view = await composeNudge(this.deps, nudge.id, batch.referencesByIndustry);
      const sent = await messengers.sendDirect(owner, { kind: 'nudge', nudge: view });
      if (!sent) {
        return this.retryLater(nudge, {
          maxAttempts: MAX_UNREACHABLE_ATTEMPTS,
          delayMs: UNREACHABLE_RETRY_MS,
          error: `no direct chat with ${nudge.owner_email} in ${owner.platform} yet; they need to open Earshot there once`,
        });
      }
      // Only a row still ours: an owner may already have snoozed or dismissed the alert just posted.
      await this.update(nudge.id, {
        status: 'sent',
        sentAt: this.deps.clock.now(),
        platform: owner.platform,
        recipientId: owner.userId,
        messageRef: { conversationId: sent.conversationId, messageId: sent.messageId ?? null },
        lastError: null,
      });
      return 'sent';
    } catch (error) {
      log.warn({ err: error }, 'could not send an alert');
      return this.retryLater(nudge, {
        maxAttempts: MAX_ATTEMPTS,
        delayMs: 60_000 * 2 ** (nudge.attempts - 1),
        error: error instanceof Error ? error.message : String(error),
      });
    }
  }

  private async retryLater(
    nudge: ClaimedNudge,
    retry: { maxAttempts: number; delayMs: number; error: string },
  ): Promise<keyof DispatchResult> {
    const failed = nudge.attempts >= retry.maxAttempts;
    await this.update(nudge.id, {
      status: failed ? 'failed' : 'pending',
      dueAt: new Date(this.deps.clock.now().getTime() + retry.delayMs),
      lastError: retry.error.slice(0, 500),
    });
    if (failed) this.deps.logger.warn({ nudge: nudge.id, error: retry.error }, 'gave up on an alert');
    return failed ? 'failed' : 'retrying';
  }

  /** Changes a nudge this process claimed; one that changed meanwhile (snoozed, dismissed) is left alone. */
  private async update(id: number, data: Parameters<Database['prisma']['nudge']['updateMany']>[0]['data']) {
    await this.deps.db.prisma.nudge.updateMany({
      where: { id, status: 'sending' },
      data: { claimedAt: null, ...data },
    });
  }
}
