import type { ReferenceAvailability, UnavailableReason } from './reference-views.ts';

export const WINDOW_DAYS = 90;
const DAY_MS = 86_400_000;

export interface ReferenceFacts {
  id: number;
  account: string;
  industry: string;
  products: string[];
  useCases: string[];
  ownerEmail: string | null;
  status: 'active' | 'paused';
  pausedReason: string | null;
  maxRequestsPer90Days: number;
  cooldownDays: number;
}

export interface RequestFacts {
  status: 'pending' | 'approved' | 'declined' | 'done';
  decidedAt: Date | null;
  completedAt: Date | null;
}

/**
 * Whether a reference can take a call at `now`. Approved and done requests decided in the last 90
 * days count against the limit (a request decided exactly 90 days ago no longer counts); after a call
 * is marked done the reference rests for `cooldownDays`, available again at exactly that moment.
 */
export function availabilityOf(
  reference: ReferenceFacts,
  requests: RequestFacts[],
  now: Date,
): ReferenceAvailability {
  const windowStart = now.getTime() - WINDOW_DAYS * DAY_MS;
  const counted = requests
    .filter((request) => request.status === 'approved' || request.status === 'done')
    .map((request) => request.decidedAt?.getTime() ?? 0)
    .filter((decided) => decided > windowStart)
    .sort((a, b) => a - b);
  const lastCall = requests.reduce<number | null>(
    (latest, request) =>
      request.completedAt && (latest === null || request.completedAt.getTime() > latest)
        ? request.completedAt.getTime()
        : latest,
    null,
  );
  const reasons: UnavailableReason[] = [];
  let availableFrom = 0;
  if (reference.status === 'paused') reasons.push({ kind: 'paused', reason: reference.pausedReason });
  if (counted.length >= reference.maxRequestsPer90Days) {
    // The window frees a slot when enough of the oldest counted requests have aged out of it.
    const oldest = counted[counted.length - reference.maxRequestsPer90Days] ?? now.getTime();
    const freesOn = new Date(oldest + WINDOW_DAYS * DAY_MS);
    reasons.push({
      kind: 'limit',
      used: counted.length,
      max: reference.maxRequestsPer90Days,
      freesOn,
    });
    availableFrom = Math.max(availableFrom, freesOn.getTime());
  }
  if (lastCall !== null) {
    const until = lastCall + reference.cooldownDays * DAY_MS;
    if (until > now.getTime()) {
      reasons.push({ kind: 'cooldown', until: new Date(until) });
      availableFrom = Math.max(availableFrom, until);
    }
  }
  const paused = reference.status === 'paused';
  return {
    id: reference.id,
    account: reference.account,
    industry: reference.industry,
    products: reference.products,
    useCases: reference.useCases,
    ownerEmail: reference.ownerEmail,
    status: reference.status,
    available: reasons.length === 0,
    reasons,
    usedIn90Days: counted.length,
    maxRequestsPer90Days: reference.maxRequestsPer90Days,
    cooldownDays: reference.cooldownDays,
    pendingRequests: requests.filter((request) => request.status === 'pending').length,
    lastCallAt: lastCall === null ? null : new Date(lastCall),
    availableFrom: paused || reasons.length === 0 ? null : new Date(availableFrom),
  };
}

/** "limit reached (3 of 3 in 90 days, frees up 2026-12-01)", for rep-facing lists and the CLI. */
export function describeReason(reason: UnavailableReason): string {
  switch (reason.kind) {
    case 'paused':
      return reason.reason ? `paused: ${reason.reason}` : 'paused';
    case 'limit':
      return `limit reached (${reason.used} of ${reason.max} in ${WINDOW_DAYS} days, frees up ${isoDay(reason.freesOn)})`;
    case 'cooldown':
      return `cooling down until ${isoDay(reason.until)}`;
  }
}

export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** "2 of 3 calls in the last 90 days; last call 2026-11-02", shown to owners and marketing. */
export function describeUsage(availability: ReferenceAvailability): string {
  const last = availability.lastCallAt ? `; last call ${isoDay(availability.lastCallAt)}` : '';
  return `${availability.usedIn90Days} of ${availability.maxRequestsPer90Days} calls in the last ${WINDOW_DAYS} days${last}`;
}
