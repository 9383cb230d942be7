import { z } from 'zod';
import { type BuyerRole, canonicalRole, ROLES_ACCEPTED } from './buyer-roles.ts';

export const ENTRY_KINDS = ['chatter', 'tip', 'research', 'expert', 'demo'] as const;
export const BUYING_STAGES = ['explore', 'evaluate', 'decide', 'implement'] as const;
export const ENTRY_STATUSES = ['pending', 'published', 'rejected', 'archived'] as const;

export type EntryKind = (typeof ENTRY_KINDS)[number];
export type BuyingStage = (typeof BUYING_STAGES)[number];
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

/**
 * Field chatter and tips are what reps hear; research and expert content are the objective side. Demo
 * scripts, recordings and click paths are objective too: they are prepared material to follow, not
 * something heard from a deal, and counting them as field would credit "reps across accounts" to a script.
 */
export const FIELD_KINDS: readonly EntryKind[] = ['chatter', 'tip'];
export const OBJECTIVE_KINDS: readonly EntryKind[] = ['research', 'expert', 'demo'];

/** How each kind is named to people (forms, lists, CLI help). */
export const KIND_NAMES: Readonly<Record<EntryKind, string>> = {
  chatter: 'Field chatter',
  tip: 'Tip',
  research: 'Research',
  expert: 'Expert content',
  demo: 'Demo (script, recording, click path)',
};

export const MAX_INDUSTRY_CHARS = 60;
export const INDUSTRY_ACCEPTED = `a short industry name such as "healthcare" or "manufacturing" (one line, at most ${MAX_INDUSTRY_CHARS} characters)`;

const isoDate = z.iso
  .datetime({ offset: true, local: true })
  .or(z.iso.date())
  // A date-time without an offset is taken as UTC, so an import means the same on every server.
  .transform((value) => new Date(/T[^Z+-]*$/.test(value) ? `${value}Z` : value))
  .refine((date) => !Number.isNaN(date.getTime()), 'must be a valid ISO date such as 2026-11-02');

// PostgreSQL text cannot hold a NUL byte; refusing it here names the line and field instead of
// failing the whole import at the database.
const NO_NUL = 'must not contain a NUL byte (\\0); remove it (the file may be binary or UTF-16)';
const text = () => z.string().refine((value) => !value.includes('\0'), NO_NUL);

/** An industry as written ("Healthcare"), trimmed; one short line so it can be shown and filtered on. */
export const industrySchema = text()
  .trim()
  .refine(
    (value) => value.length <= MAX_INDUSTRY_CHARS && !/[\r\n;]/.test(value),
    `must be ${INDUSTRY_ACCEPTED}`,
  )
  .transform((value) => (value === '' ? undefined : value));

/** Buyer roles, each mapped to its canonical name ("chief financial officer" → "CFO"), without repeats. */
export const rolesSchema = z.array(text().trim()).transform((values, context): BuyerRole[] => {
  const roles: BuyerRole[] = [];
  values.forEach((value, index) => {
    if (value === '') return;
    const role = canonicalRole(value);
    if (role === null) {
      context.addIssue({
        code: 'custom',
        path: [index],
        message: `must be one of the ${ROLES_ACCEPTED}`,
      });
    } else if (!roles.includes(role)) roles.push(role);
  });
  return roles;
});

const optionalText = text()
  .trim()
  .transform((value) => (value === '' ? undefined : value))
  .optional();

/** One entry as it arrives from an import file (JSON Lines, CSV or Markdown front matter). */
export const entryInputSchema = z.strictObject({
  externalId: optionalText,
  kind: z.enum(ENTRY_KINDS),
  title: optionalText,
  body: text().trim().min(1, 'must not be empty'),
  source: z
    .strictObject({
      url: z.url().optional(),
      channel: optionalText,
      author: optionalText,
      account: optionalText,
    })
    .optional(),
  contributor: optionalText,
  topics: z.array(text().trim().toLowerCase().min(1)).optional(),
  stage: z.enum(BUYING_STAGES).optional(),
  industry: industrySchema.optional(),
  roles: rolesSchema.optional(),
  createdAt: isoDate.optional(),
  reviewBy: isoDate.optional(),
  status: z.enum(['published', 'pending']).optional(),
});

export type EntryInput = z.output<typeof entryInputSchema>;

/** An entry as stored. */
export interface Entry {
  id: number;
  workspaceId: string;
  externalId: string | null;
  kind: EntryKind;
  title: string;
  body: string;
  sourceUrl: string | null;
  sourceChannel: string | null;
  sourceAuthor: string | null;
  sourceAccount: string | null;
  contributor: string | null;
  topics: string[];
  stage: BuyingStage | null;
  /** The industry the entry is for, as written ("Healthcare"); the account's industry also counts in search. */
  industry: string | null;
  /** Canonical buyer roles (see buyer-roles.ts) the entry speaks to. */
  roles: string[];
  status: EntryStatus;
  reviewBy: Date | null;
  /** Null: the whole workspace may see it; otherwise only members of this private conversation. */
  audience: string | null;
  contentHash: string | null;
  createdAt: Date;
  updatedAt: Date;
}
