import type { ChatPlatform } from '../../delivery/people-directory.ts';

/** Why a reference cannot take a call now. */
export type UnavailableReason =
  | { kind: 'paused'; reason: string | null }
  | {
      kind: 'limit';
      used: number;
      max: number /** When the oldest counted request leaves the 90-day window. */;
      freesOn: Date;
    }
  | { kind: 'cooldown'; until: Date };

/** One reference with whether it can take a call now, for reps and for marketing. */
export interface ReferenceAvailability {
  id: number;
  account: string;
  industry: string;
  products: string[];
  useCases: string[];
  ownerEmail: string | null;
  status: 'active' | 'paused';
  available: boolean;
  /** Empty when available. */
  reasons: UnavailableReason[];
  /** Approved or done requests in the last 90 days, which count against the limit. */
  usedIn90Days: number;
  maxRequestsPer90Days: number;
  cooldownDays: number;
  pendingRequests: number;
  lastCallAt: Date | null;
  /** Earliest moment it is available again; null when available now or paused. */
  availableFrom: Date | null;
}

/** A reference request as its owner sees it, with Approve / Decline and a note. */
export interface ReferenceRequestView {
  requestId: number;
  reference: { id: number; account: string; industry: string };
  requestedBy: { platform: ChatPlatform; userId: string };
  note: string | null;
  /** Set when a curator let the request past the limit or cooldown. */
  override: { by: string; reason: string | null } | null;
  /** "2 of 3 calls used in the last 90 days; last call 12 days ago". */
  usage: string;
}
