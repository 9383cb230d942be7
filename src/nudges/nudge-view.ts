import type { EntryKind } from '../knowledge/entry.ts';
import type { TriggerType } from './triggers/trigger-types.ts';

/** A buying-trigger alert as the owner sees it; each platform renders it with Snooze / Dismiss / Helpful. */
export interface NudgeView {
  nudgeId: number;
  /** True when it comes back after a snooze. */
  reminder: boolean;
  trigger: {
    type: TriggerType;
    /** "Funding round", "New executive"… */
    label: string;
    title: string;
    /** Already checked to be a safe http(s) link, or null. */
    url: string | null;
    occurredAt: Date;
  };
  account: { name: string; domain: string | null; industry: string | null };
  /** Why this kind of trigger tends to lead to a purchase. */
  why: string;
  /** The best published, workspace-wide knowledge for it, best first. */
  entries: Array<{ id: number; kind: EntryKind; title: string; excerpt: string; url: string | null }>;
  /** References in the account's industry that can take a call now. */
  references: Array<{ id: number; account: string; industry: string; products: string[] }>;
}
