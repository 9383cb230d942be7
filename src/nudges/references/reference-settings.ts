import { z } from 'zod';
import type { Database } from '../../db/database.ts';
import { EarshotError } from '../../errors.ts';

/** A setting of one reference, as a form names it. */
export type ReferenceLimitField = 'maxRequestsPer90Days' | 'cooldownDays';

export const LIMIT_LABELS: Record<ReferenceLimitField, string> = {
  maxRequestsPer90Days: 'Max requests per 90 days',
  cooldownDays: 'Cooldown days',
};

const wholeNumber = (min: number, example: string) =>
  z
    .string()
    .trim()
    .regex(/^\d+$/, `must be a whole number of ${min} or more, such as ${example}`)
    .transform(Number)
    .pipe(
      z
        .number()
        .min(min, `must be a whole number of ${min} or more, such as ${example}`)
        .max(10_000, 'must be at most 10000'),
    );

// The same bounds as an imported reference file: at least one call per window, no cooldown allowed.
const limitsSchema = z.object({
  maxRequestsPer90Days: wholeNumber(1, '3'),
  cooldownDays: wholeNumber(0, '14'),
});

const ownerSchema = z.union([
  z.literal(''),
  z.email('must be the owner’s email address, such as ana@example.com').trim().toLowerCase(),
]);

/** A change made, described for the audit log ("Contoso: limits 3 per 90 days, 14 days' cooldown → …"). */
export interface SettingChange {
  account: string;
  detail: string;
}

export type LimitsOutcome =
  | { ok: true; change: SettingChange }
  | { ok: false; problems: Partial<Record<ReferenceLimitField, string>> };

/**
 * New limits for a reference, typed as text by a person: both checked before either is stored, so a bad
 * value changes nothing and each problem names its field and the fix.
 */
export async function setReferenceLimits(options: {
  db: Database;
  workspaceId: string;
  referenceId: number;
  maxRequestsPer90Days: string;
  cooldownDays: string;
}): Promise<LimitsOutcome> {
  const reference = await referenceOf(options);
  const parsed = limitsSchema.safeParse({
    maxRequestsPer90Days: options.maxRequestsPer90Days,
    cooldownDays: options.cooldownDays,
  });
  if (!parsed.success) {
    const problems: Partial<Record<ReferenceLimitField, string>> = {};
    for (const issue of parsed.error.issues) {
      const field = issue.path[0] as ReferenceLimitField;
      problems[field] ??= `${LIMIT_LABELS[field]} ${issue.message}.`;
    }
    return { ok: false, problems };
  }
  const limits = parsed.data;
  await options.db.prisma.reference.update({ where: { id: reference.id }, data: limits });
  return {
    ok: true,
    change: {
      account: reference.account,
      detail: `${reference.account}: ${limitsText(reference)} → ${limitsText(limits)}`,
    },
  };
}

/** Pauses a reference (it takes no calls, chat says why) until someone resumes it; a reason is required. */
export async function pauseReference(options: {
  db: Database;
  workspaceId: string;
  referenceId: number;
  reason: string;
}): Promise<SettingChange> {
  const reason = options.reason.replace(/\s+/g, ' ').trim();
  if (!reason) {
    throw new EarshotError({
      code: 'invalid_input',
      message: 'pause without a reason',
      userMessage: 'Reason for pausing: say why, e.g. “open P1 service issue”, so reps know.',
    });
  }
  if (reason.length > 300) {
    throw new EarshotError({
      code: 'invalid_input',
      message: 'pause reason too long',
      userMessage: 'Reason for pausing: keep it to 300 characters or fewer.',
    });
  }
  const reference = await referenceOf(options);
  await options.db.prisma.reference.update({
    where: { id: reference.id },
    data: { status: 'paused', pausedReason: reason },
  });
  return { account: reference.account, detail: `${reference.account}: paused (${reason})` };
}

/** Lets a paused reference take calls again (its limits and cooldown still apply). */
export async function resumeReference(options: {
  db: Database;
  workspaceId: string;
  referenceId: number;
}): Promise<SettingChange> {
  const reference = await referenceOf(options);
  await options.db.prisma.reference.update({
    where: { id: reference.id },
    data: { status: 'active', pausedReason: null },
  });
  const was = reference.pausedReason ? ` (was paused: ${reference.pausedReason})` : '';
  return { account: reference.account, detail: `${reference.account}: resumed${was}` };
}

/** The owner who approves requests; blank keeps only the chat id from the file, if there is one. */
export async function setReferenceOwner(options: {
  db: Database;
  workspaceId: string;
  referenceId: number;
  ownerEmail: string;
}): Promise<SettingChange> {
  const parsed = ownerSchema.safeParse(options.ownerEmail.trim());
  if (!parsed.success) {
    throw new EarshotError({
      code: 'invalid_input',
      message: 'owner email invalid',
      userMessage: `Owner email ${parsed.error.issues[0]?.message ?? 'is not an email address'}.`,
    });
  }
  const reference = await referenceOf(options);
  const ownerEmail = parsed.data || null;
  if (!ownerEmail && !reference.ownerChatId) {
    throw new EarshotError({
      code: 'invalid_input',
      message: 'owner email cleared with no chat id',
      userMessage: 'Owner email is required: requests must reach someone. Give the owner’s email address.',
    });
  }
  await options.db.prisma.reference.update({ where: { id: reference.id }, data: { ownerEmail } });
  return {
    account: reference.account,
    detail: `${reference.account}: owner ${reference.ownerEmail ?? 'none'} → ${ownerEmail ?? 'none'}`,
  };
}

function limitsText(limits: { maxRequestsPer90Days: number; cooldownDays: number }) {
  return `${limits.maxRequestsPer90Days} per 90 days, ${limits.cooldownDays} days' cooldown`;
}

/** The reference, only when it belongs to this organization. */
async function referenceOf(options: { db: Database; workspaceId: string; referenceId: number }) {
  const reference = await options.db.prisma.reference.findFirst({
    where: { id: options.referenceId, workspaceId: options.workspaceId },
  });
  if (!reference) {
    throw new EarshotError({
      code: 'not_found',
      message: `no reference ${options.referenceId} in ${options.workspaceId}`,
      userMessage: 'There is no such reference customer in this organization.',
    });
  }
  return reference;
}
