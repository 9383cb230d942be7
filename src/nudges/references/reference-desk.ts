import type { Clock } from '../../clock.ts';
import type { Database } from '../../db/database.ts';
import type { Messengers } from '../../delivery/messengers.ts';
import type { ChatPerson, ChatPlatform } from '../../delivery/people-directory.ts';
import { EarshotError } from '../../errors.ts';
import { analyze } from '../../knowledge/search/analyzer.ts';
import type { Logger } from '../../logger.ts';
import { availabilityOf, describeReason, describeUsage } from './availability.ts';
import type { ReferenceAvailability, ReferenceRequestView } from './reference-views.ts';

/** Someone acting in chat; `isCurator` is decided by the adapter (Slack ids or groups, Teams ids or emails). */
export interface ReferenceActor {
  workspaceId: string;
  platform: ChatPlatform;
  userId: string;
  isCurator: boolean;
}

/** Who decides a request: someone in chat, or a curator in the console (named by email). */
export type ReferenceDecider =
  | ReferenceActor
  | { workspaceId: string; platform: 'console'; userId: string; isCurator: true };

export interface RequestOutcome {
  requestId: number;
  reference: ReferenceAvailability;
  /** Null when the owner could not be reached in chat; the rep should contact them directly. */
  deliveredTo: ChatPerson | null;
  /** The owner's email or chat id, to name them to the rep. */
  owner: string;
  overridden: boolean;
}

export interface DecisionOutcome {
  requestId: number;
  status: 'approved' | 'declined';
  reference: ReferenceAvailability;
  requester: { platform: ChatPlatform; userId: string };
  /** Whether the rep was told in chat. */
  requesterTold: boolean;
}

const NOT_FOUND = 'That reference no longer exists; run the reference check again.';

/**
 * Reference customers: who can take a call now, asking their owners, and keeping every customer within
 * its limits (a curator may override; the override is recorded on the request).
 */
export class ReferenceDesk {
  /** Analyzing every reference's text on every check would dominate its cost; it changes only on import. */
  private readonly termsCache = new Map<string, Set<string>>();

  constructor(
    private readonly deps: { db: Database; clock: Clock; messengers: Messengers; logger: Logger },
  ) {}

  /** References matching the free-text criteria (industry, products, use cases): available first, least used first. */
  async check(options: { workspaceId: string; criteria?: string }): Promise<ReferenceAvailability[]> {
    const now = this.deps.clock.now();
    const references = await this.deps.db.prisma.reference.findMany({
      where: { workspaceId: options.workspaceId },
      include: { requests: { select: { status: true, decidedAt: true, completedAt: true } } },
    });
    const wanted = new Set(analyze(options.criteria ?? ''));
    const scored = references
      .map((reference) => ({ reference, score: matchScore(this.termsCache, wanted, reference) }))
      .filter(({ score }) => wanted.size === 0 || score > 0);
    return scored
      .map(({ reference, score }) => ({
        score,
        availability: availabilityOf(reference, reference.requests, now),
      }))
      .sort(
        (a, b) =>
          Number(b.availability.available) - Number(a.availability.available) ||
          b.score - a.score ||
          usageShare(a.availability) - usageShare(b.availability) ||
          a.availability.account.localeCompare(b.availability.account),
      )
      .map(({ availability }) => availability);
  }

  async availability(workspaceId: string, referenceId: number): Promise<ReferenceAvailability> {
    const reference = await this.deps.db.prisma.reference.findFirst({
      where: { id: referenceId, workspaceId },
      include: { requests: { select: { status: true, decidedAt: true, completedAt: true } } },
    });
    if (!reference) {
      throw new EarshotError({
        code: 'not_found',
        message: `no reference ${referenceId}`,
        userMessage: NOT_FOUND,
      });
    }
    return availabilityOf(reference, reference.requests, this.deps.clock.now());
  }

  /**
   * A rep asks to use a reference: refused when it is unavailable unless a curator overrides, then the
   * owner gets a DM with Approve / Decline.
   */
  async request(
    options: ReferenceActor & { referenceId: number; note?: string; override?: { reason?: string } },
  ): Promise<RequestOutcome> {
    const { workspaceId, referenceId } = options;
    const availability = await this.availability(workspaceId, referenceId);
    const overridden = !availability.available && options.override !== undefined;
    if (!availability.available) {
      const why = availability.reasons.map(describeReason).join('; ');
      if (!options.override) {
        throw new EarshotError({
          code: 'forbidden',
          message: `reference ${referenceId} unavailable: ${why}`,
          userMessage: `${availability.account} can't take a call right now (${why}). Only a curator can override the limit.`,
        });
      }
      if (!options.isCurator) {
        throw new EarshotError({
          code: 'forbidden',
          message: `override of reference ${referenceId} refused for ${options.platform}:${options.userId}`,
          userMessage: `Only a curator can override ${availability.account}'s limit (${why}).`,
        });
      }
    }
    const reference = await this.deps.db.prisma.reference.findFirstOrThrow({ where: { id: referenceId } });
    const request = await this.deps.db.prisma.referenceRequest.create({
      data: {
        workspaceId,
        referenceId,
        platform: options.platform,
        requestedBy: options.userId,
        note: options.note?.trim() || null,
        ...(overridden
          ? { overrideBy: options.userId, overrideReason: options.override?.reason?.trim() || null }
          : {}),
      },
    });
    const view: ReferenceRequestView = {
      requestId: request.id,
      reference: { id: reference.id, account: reference.account, industry: reference.industry },
      requestedBy: { platform: options.platform, userId: options.userId },
      note: request.note,
      override: request.overrideBy ? { by: request.overrideBy, reason: request.overrideReason } : null,
      usage: describeUsage(availability),
    };
    const deliveredTo = await this.tellOwner(reference, view);
    return {
      requestId: request.id,
      reference: availability,
      deliveredTo,
      owner: reference.ownerEmail ?? reference.ownerChatId ?? 'the reference owner',
      overridden,
    };
  }

  /**
   * The owner (or a curator) approves or declines; the rep is told, with the owner's note. Approving past
   * the limit or cooldown needs a curator's override with a reason (unless the request already carries one).
   */
  async decide(
    options: ReferenceDecider & {
      requestId: number;
      approve: boolean;
      note?: string;
      override?: { reason: string };
    },
  ): Promise<DecisionOutcome> {
    const request = await this.pendingRequest(options, ['pending']);
    const availability = await this.availability(options.workspaceId, request.referenceId);
    const overrideReason = options.override?.reason.replace(/\s+/g, ' ').trim() ?? '';
    const overriding = options.approve && !availability.available && !request.overrideBy;
    if (overriding && !(options.isCurator && overrideReason)) {
      const why = availability.reasons.map(describeReason).join('; ');
      throw new EarshotError({
        code: 'forbidden',
        message: `approval of request ${request.id} refused: ${why}`,
        // Chat's decision buttons carry no reason field: there the fix is a new request with an override.
        userMessage:
          options.platform === 'console'
            ? `${availability.account} can't take another call now (${why}). To approve anyway, give a reason for the override.`
            : `${availability.account} can't take another call now (${why}). A curator can override it.`,
      });
    }
    const note = options.note?.trim() || null;
    const status = options.approve ? 'approved' : 'declined';
    const claimed = await this.deps.db.prisma.referenceRequest.updateMany({
      where: { id: request.id, status: 'pending' },
      data: {
        status,
        ownerNote: note,
        decidedBy: options.userId,
        decidedAt: this.deps.clock.now(),
        ...(overriding ? { overrideBy: options.userId, overrideReason } : {}),
      },
    });
    if (claimed.count === 0) throw alreadyDecided();
    const verdict = options.approve ? 'approved ✅' : 'declined';
    const text =
      `Your reference request for ${availability.account} was ${verdict}` +
      (note ? `: "${note}"` : '.') +
      (options.approve ? ' The owner will introduce you, and marks the call done once it has happened.' : '');
    const requester = { platform: request.platform as ChatPlatform, userId: request.requestedBy };
    const requesterTold = await this.tell(options.workspaceId, requester, text);
    return {
      requestId: request.id,
      status,
      reference: await this.availability(options.workspaceId, request.referenceId),
      requester,
      requesterTold,
    };
  }

  /** The call happened: the reference's cooldown starts now. */
  async markDone(options: ReferenceActor & { requestId: number }): Promise<ReferenceAvailability> {
    const request = await this.pendingRequest(options, ['approved'], true);
    await this.deps.db.prisma.referenceRequest.update({
      where: { id: request.id },
      data: { status: 'done', completedAt: this.deps.clock.now() },
    });
    return this.availability(options.workspaceId, request.referenceId);
  }

  /** The request, if this person may decide it: the reference owner, a curator, or (for done) the requester. */
  private async pendingRequest(
    actor: ReferenceDecider & { requestId: number },
    statuses: Array<'pending' | 'approved'>,
    requesterMay = false,
  ) {
    const request = await this.deps.db.prisma.referenceRequest.findFirst({
      where: { id: actor.requestId, workspaceId: actor.workspaceId },
      include: { reference: true },
    });
    if (!request) {
      throw new EarshotError({
        code: 'not_found',
        message: `no reference request ${actor.requestId}`,
        userMessage: NOT_FOUND,
      });
    }
    const isRequester = request.platform === actor.platform && request.requestedBy === actor.userId;
    if (
      !actor.isCurator &&
      !(requesterMay && isRequester) &&
      !(await this.isOwner(actor, request.reference))
    ) {
      throw new EarshotError({
        code: 'forbidden',
        message: `${actor.platform}:${actor.userId} may not act on reference request ${request.id}`,
        userMessage: `Only ${request.reference.account}'s reference owner or a curator can do that.`,
      });
    }
    if (!statuses.includes(request.status as 'pending' | 'approved')) throw alreadyDecided(request.status);
    return request;
  }

  private async isOwner(
    actor: ReferenceDecider,
    reference: { ownerEmail: string | null; ownerChatId: string | null },
  ) {
    if (reference.ownerChatId === actor.userId) return true;
    if (!reference.ownerEmail && !reference.ownerChatId) return false;
    // A chat id from the file may be another form of the clicker's id (a Teams 29: id for an AAD id).
    const owner = await this.deps.messengers.findPerson(actor.workspaceId, {
      email: reference.ownerEmail,
      ...chatIds(reference.ownerChatId),
    });
    return owner?.platform === actor.platform && owner.userId === actor.userId;
  }

  private async tellOwner(
    reference: { workspaceId: string; ownerEmail: string | null; ownerChatId: string | null },
    view: ReferenceRequestView,
  ): Promise<ChatPerson | null> {
    try {
      const owner = await this.deps.messengers.findPerson(reference.workspaceId, {
        email: reference.ownerEmail,
        ...chatIds(reference.ownerChatId),
      });
      if (!owner) return null;
      const sent = await this.deps.messengers.sendDirect(owner, { kind: 'reference_request', request: view });
      return sent ? owner : null;
    } catch (error) {
      this.deps.logger.warn({ err: error, requestId: view.requestId }, 'could not reach the reference owner');
      return null;
    }
  }

  private async tell(workspaceId: string, to: { platform: ChatPlatform; userId: string }, text: string) {
    try {
      const person = await this.deps.messengers.findPerson(workspaceId, {
        [to.platform === 'slack' ? 'slackId' : 'teamsId']: to.userId,
      });
      return person
        ? (await this.deps.messengers.sendDirect(person, { kind: 'text', text })) !== null
        : false;
    } catch (error) {
      this.deps.logger.warn(
        { err: error, workspace: workspaceId },
        'could not tell the rep about their request',
      );
      return false;
    }
  }
}

/** A chat id from the file is a Slack id (U…/W…) or a Teams id (29:… or an AAD GUID). */
export function chatIds(id: string | null): { slackId?: string; teamsId?: string } {
  if (!id) return {};
  return /^[UW][A-Z0-9]+$/.test(id) ? { slackId: id } : { teamsId: id };
}

interface MatchableReference {
  id: number;
  updatedAt: Date;
  account: string;
  industry: string;
  products: string[];
  useCases: string[];
}

const MAX_CACHED = 50_000;

function termsOf(termsCache: Map<string, Set<string>>, reference: MatchableReference): Set<string> {
  const key = `${reference.id}:${reference.updatedAt.getTime()}`;
  let terms = termsCache.get(key);
  if (!terms) {
    terms = new Set(
      analyze(
        [reference.account, reference.industry, ...reference.products, ...reference.useCases].join(' '),
      ),
    );
    if (termsCache.size >= MAX_CACHED) termsCache.clear();
    termsCache.set(key, terms);
  }
  return terms;
}

function matchScore(
  termsCache: Map<string, Set<string>>,
  wanted: Set<string>,
  reference: MatchableReference,
): number {
  if (wanted.size === 0) return 0;
  const terms = termsOf(termsCache, reference);
  let score = 0;
  for (const term of wanted) if (terms.has(term)) score += 1;
  return score;
}

function usageShare(availability: ReferenceAvailability): number {
  return availability.usedIn90Days / Math.max(1, availability.maxRequestsPer90Days);
}

function alreadyDecided(status?: string) {
  return new EarshotError({
    code: 'invalid_input',
    message: `reference request already ${status ?? 'decided'}`,
    userMessage: status ? `That request is already ${status}.` : 'That request was already decided.',
  });
}
