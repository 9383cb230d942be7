import type { Clock } from '../../clock.ts';
import type { Database } from '../../db/database.ts';
import { describeIssues } from '../../knowledge/import/describe-issues.ts';
import { rematchTriggers } from '../triggers/ingest-triggers.ts';
import { accountNameKey } from './account-keys.ts';
import { accountSchema } from './import-accounts.ts';

const MAX_CHARS = { name: 200, domain: 253, industry: 100, ownerEmail: 254 } as const;

export type AccountField = 'name' | 'domain' | 'industry' | 'ownerEmail';

/** What a person typed: blank domain or industry means none. */
export interface AccountDraft {
  name: string;
  domain: string;
  industry: string;
  ownerEmail: string;
}

export interface AccountProblem {
  field: AccountField;
  message: string;
}

export interface SavedAccount {
  id: number;
  name: string;
  domain: string | null;
  industry: string | null;
  ownerEmail: string;
}

export type AccountEdit =
  | {
      ok: true;
      account: SavedAccount;
      /** "owner ana@… → ben@…", one per changed field; empty when nothing changed. */
      changes: string[];
      /** Waiting trigger events this account now matches, and the alerts queued for them. */
      triggersMatched: number;
      alertsQueued: number;
    }
  | { ok: false; problems: AccountProblem[] };

/**
 * Adds one account, validated like an imported one. A name or domain another account already has is
 * refused (nothing stored); trigger events that were waiting for this account are matched at once.
 */
export async function addAccount(options: {
  db: Database;
  clock: Clock;
  workspaceId: string;
  draft: AccountDraft;
}): Promise<AccountEdit> {
  const { db, workspaceId } = options;
  const parsed = parseDraft(options.draft);
  if (!parsed.ok) return parsed;
  const input = parsed.value;
  const nameKey = accountNameKey(input.name);
  const taken = await takenBy(db, workspaceId, { nameKey, domain: input.domain ?? null });
  if (taken.length > 0) return { ok: false, problems: taken };
  const data = {
    workspaceId,
    name: input.name,
    nameKey,
    domain: input.domain ?? null,
    industry: input.industry || null,
    ownerEmail: input.ownerEmail,
  };
  const account = await db.prisma.account.create({ data }).catch(async (error: unknown) => {
    // Someone added the same name or domain between the check and the write.
    const problems = isUniqueViolation(error) ? await takenBy(db, workspaceId, data) : [];
    if (problems.length === 0) throw error;
    return { problems };
  });
  if ('problems' in account) return { ok: false, problems: account.problems };
  const rematched = await rematchTriggers(db, { workspaceId, now: options.clock.now() });
  return { ok: true, account: saved(account), changes: [], ...rematched };
}

/**
 * Changes an account's owner, industry or domain. A new owner takes over the alerts not yet sent; the
 * chat ids imported for the previous owner are dropped, so alerts find the new owner by email.
 */
export async function changeAccount(options: {
  db: Database;
  clock: Clock;
  workspaceId: string;
  accountId: number;
  draft: Omit<AccountDraft, 'name'>;
}): Promise<AccountEdit | null> {
  const { db, workspaceId } = options;
  const current = await db.prisma.account.findFirst({ where: { id: options.accountId, workspaceId } });
  if (!current) return null;
  const parsed = parseDraft({ ...options.draft, name: current.name });
  if (!parsed.ok) return parsed;
  const next = {
    domain: parsed.value.domain ?? null,
    industry: parsed.value.industry || null,
    ownerEmail: parsed.value.ownerEmail,
  };
  if (next.domain && next.domain !== current.domain) {
    const taken = await takenBy(db, workspaceId, { domain: next.domain });
    if (taken.length > 0) return { ok: false, problems: taken };
  }
  const changes = [
    change('owner', current.ownerEmail, next.ownerEmail),
    change('industry', current.industry, next.industry),
    change('domain', current.domain, next.domain),
  ].filter((line): line is string => line !== null);
  if (changes.length === 0) {
    return { ok: true, account: saved(current), changes, triggersMatched: 0, alertsQueued: 0 };
  }
  const ownerChanged = next.ownerEmail !== current.ownerEmail;
  const account = await db.prisma
    .$transaction(async (tx) => {
      if (ownerChanged) {
        // Unsent alerts go to whoever owns the account now (unless they already have one for that event).
        await tx.$executeRaw`
        UPDATE nudges n SET owner_email = ${next.ownerEmail}
        WHERE n.account_id = ${current.id} AND n.status = 'pending'
          AND NOT EXISTS (SELECT 1 FROM nudges o WHERE o.trigger_id = n.trigger_id AND o.owner_email = ${next.ownerEmail})`;
      }
      return tx.account.update({
        where: { id: current.id },
        data: { ...next, ...(ownerChanged ? { ownerSlackId: null, ownerTeamsId: null } : {}) },
      });
    })
    .catch(async (error: unknown) => {
      const problems = isUniqueViolation(error)
        ? await takenBy(db, workspaceId, { domain: next.domain })
        : [];
      if (problems.length === 0) throw error;
      return { problems };
    });
  if ('problems' in account) return { ok: false, problems: account.problems };
  const rematched =
    next.domain !== current.domain
      ? await rematchTriggers(db, { workspaceId, now: options.clock.now() })
      : { triggersMatched: 0, alertsQueued: 0 };
  return { ok: true, account: saved(account), changes, ...rematched };
}

function parseDraft(draft: AccountDraft) {
  const input = {
    name: draft.name,
    ownerEmail: draft.ownerEmail,
    ...(draft.domain.trim() ? { domain: draft.domain } : {}),
    ...(draft.industry.trim() ? { industry: draft.industry } : {}),
  };
  const tooLong = (Object.keys(MAX_CHARS) as (keyof typeof MAX_CHARS)[])
    .filter((field) => (input[field]?.trim().length ?? 0) > MAX_CHARS[field])
    .map((field) => ({ field, message: `must be at most ${MAX_CHARS[field]} characters; shorten it` }));
  if (tooLong.length > 0) return { ok: false as const, problems: tooLong };
  const parsed = accountSchema.safeParse(input);
  if (parsed.success) return { ok: true as const, value: parsed.data };
  const problems = describeIssues(parsed.error.issues, input).map(({ path, message }) => ({
    field: path as AccountField,
    message,
  }));
  return { ok: false as const, problems };
}

/** Which of the name key and domain another account of the organization already has. */
async function takenBy(
  db: Database,
  workspaceId: string,
  keys: { nameKey?: string; domain: string | null },
): Promise<AccountProblem[]> {
  const problems: AccountProblem[] = [];
  if (keys.nameKey) {
    const named = await db.prisma.account.findUnique({
      where: { workspaceId_nameKey: { workspaceId, nameKey: keys.nameKey } },
    });
    if (named) {
      problems.push({
        field: 'name',
        message: `“${named.name}” already exists (owner ${named.ownerEmail}); change that account instead, or give this one another name`,
      });
    }
  }
  if (keys.domain) {
    const withDomain = await db.prisma.account.findUnique({
      where: { workspaceId_domain: { workspaceId, domain: keys.domain } },
    });
    if (withDomain) {
      problems.push({
        field: 'domain',
        message: `${keys.domain} already belongs to “${withDomain.name}”; change that account instead, or leave the domain out`,
      });
    }
  }
  return problems;
}

function isUniqueViolation(error: unknown): boolean {
  return (error as { code?: string } | null)?.code === 'P2002';
}

function change(what: string, before: string | null, after: string | null): string | null {
  return before === after ? null : `${what} ${before ?? '(none)'} → ${after ?? '(none)'}`;
}

function saved(account: SavedAccount): SavedAccount {
  const { id, name, domain, industry, ownerEmail } = account;
  return { id, name, domain, industry, ownerEmail };
}
