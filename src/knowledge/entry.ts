import { z } from 'zod';

export const ENTRY_KINDS = ['chatter', 'tip', 'research', 'expert'] as const;
export const BUYING_STAGES = ['explore', 'evaluate', 'decide', 'implement'] as const;
export const ENTRY_STATUSES = ['pending', 'published', 'rejected', 'archived'] as const;

export type EntryKind = (typeof ENTRY_KINDS)[number];
export type BuyingStage = (typeof BUYING_STAGES)[number];
export type EntryStatus = (typeof ENTRY_STATUSES)[number];

/** Field chatter and tips are what reps hear; research and expert content are the objective side. */
export const FIELD_KINDS: readonly EntryKind[] = ['chatter', 'tip'];
export const OBJECTIVE_KINDS: readonly EntryKind[] = ['research', 'expert'];

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
  status: EntryStatus;
  reviewBy: Date | null;
  /** Null: the whole workspace may see it; otherwise only members of this private conversation. */
  audience: string | null;
  contentHash: string | null;
  createdAt: Date;
  updatedAt: Date;
}
