import { describe, expect, it } from 'vitest';
import {
  availabilityOf,
  describeReason,
  type ReferenceFacts,
  type RequestFacts,
} from '../../src/nudges/references/availability.ts';

const DAY = 86_400_000;
const NOW = new Date('2026-11-22T12:00:00Z');
const daysAgo = (days: number) => new Date(NOW.getTime() - days * DAY);

const reference = (overrides: Partial<ReferenceFacts> = {}): ReferenceFacts => ({
  id: 1,
  account: 'Northwind Health',
  industry: 'Healthcare',
  products: ['Payments'],
  useCases: ['claims'],
  ownerEmail: 'csm@example.com',
  status: 'active',
  pausedReason: null,
  maxRequestsPer90Days: 3,
  cooldownDays: 14,
  ...overrides,
});
const approved = (decided: number, completed?: number): RequestFacts => ({
  status: completed === undefined ? 'approved' : 'done',
  decidedAt: daysAgo(decided),
  completedAt: completed === undefined ? null : daysAgo(completed),
});

describe('reference availability', () => {
  it('is available one request below the limit and unavailable at exactly the limit', () => {
    expect(availabilityOf(reference(), [approved(40), approved(30)], NOW).available).toBe(true);
    const full = availabilityOf(reference(), [approved(60), approved(40), approved(30)], NOW);
    expect(full.available).toBe(false);
    expect(full.reasons).toEqual([
      { kind: 'limit', used: 3, max: 3, freesOn: new Date(daysAgo(60).getTime() + 90 * DAY) },
    ]);
    expect(describeReason(full.reasons[0] as never)).toBe(
      'limit reached (3 of 3 in 90 days, frees up 2026-12-22)',
    );
  });

  it('stops counting a request exactly 90 days after it was approved', () => {
    const aged = availabilityOf(reference(), [approved(90), approved(40), approved(30)], NOW);
    expect(aged.available).toBe(true);
    expect(aged.usedIn90Days).toBe(2);
    const almost = availabilityOf(reference(), [approved(89.99), approved(40), approved(30)], NOW);
    expect(almost.available).toBe(false);
  });

  it('ignores pending and declined requests for the limit but reports pending ones', () => {
    const requests: RequestFacts[] = [
      { status: 'pending', decidedAt: null, completedAt: null },
      { status: 'declined', decidedAt: daysAgo(1), completedAt: null },
      approved(5),
    ];
    const result = availabilityOf(reference({ maxRequestsPer90Days: 2 }), requests, NOW);
    expect(result.available).toBe(true);
    expect(result.pendingRequests).toBe(1);
    expect(result.usedIn90Days).toBe(1);
  });

  it('cools down after a call is done and is available again at exactly the cooldown end', () => {
    const cooling = availabilityOf(reference(), [approved(20, 13)], NOW);
    expect(cooling.available).toBe(false);
    expect(cooling.reasons).toEqual([
      { kind: 'cooldown', until: new Date(daysAgo(13).getTime() + 14 * DAY) },
    ]);
    expect(cooling.availableFrom).toEqual(new Date(NOW.getTime() + DAY));
    expect(availabilityOf(reference(), [approved(20, 14)], NOW).available).toBe(true);
  });

  it('is never available while paused, and says why', () => {
    const paused = availabilityOf(
      reference({ status: 'paused', pausedReason: 'open P1 service issue' }),
      [],
      NOW,
    );
    expect(paused.available).toBe(false);
    expect(paused.reasons.map(describeReason)).toEqual(['paused: open P1 service issue']);
    expect(paused.availableFrom).toBeNull();
  });

  it('gives every reason at once and the later of the dates as when it frees up', () => {
    const result = availabilityOf(
      reference({ maxRequestsPer90Days: 1, cooldownDays: 30 }),
      [approved(10, 5)],
      NOW,
    );
    expect(result.reasons.map((reason) => reason.kind)).toEqual(['limit', 'cooldown']);
    expect(result.availableFrom).toEqual(new Date(daysAgo(10).getTime() + 90 * DAY));
  });
});
