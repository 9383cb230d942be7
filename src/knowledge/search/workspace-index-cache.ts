import type { Database } from '../../db/database.ts';
import type { BuyingStage, EntryKind, EntryStatus } from '../entry.ts';
import { AccountDirectory, accountKeyOf } from './account-directory.ts';
import { LexicalIndex } from './lexical-index.ts';
import { builtInThesaurus, type Thesaurus, workspaceThesaurus } from './thesaurus.ts';
import { TimeSlicer } from './time-slicer.ts';

interface ChangedRow {
  id: number;
  title: string;
  body: string;
  kind: EntryKind;
  stage: BuyingStage | null;
  topics: string[];
  industry: string | null;
  roles: string[] | null;
  status: EntryStatus;
  created_at: Date;
  audience: string | null;
  source_account: string | null;
}

interface Cached {
  index: LexicalIndex;
  lastSeq: bigint;
  /** Names and industries of the workspace's accounts, indexed with the entries heard from them. */
  accounts: AccountDirectory;
  /** Industries and roles entries were tagged with since this index was built. */
  entryIndustries: Set<string>;
  entryRoles: Set<string>;
  /** The sales thesaurus with the workspace's own synonyms, and the fingerprint they were read at. */
  thesaurus: Thesaurus;
  synonymsVersion: string;
  syncing: Promise<void> | undefined;
}

/** What searching one workspace needs: its index and its synonyms, both current. */
export interface WorkspaceSearchState {
  index: LexicalIndex;
  thesaurus: Thesaurus;
  /** Lower-cased industries of the workspace's accounts and entries (never shrinks until a restart). */
  industries: ReadonlySet<string>;
  /** Buyer roles the workspace's entries are tagged with (never shrinks until a restart). */
  roles: ReadonlySet<string>;
}

const ENTRY_COLUMNS =
  'id, title, body, kind, stage, topics, industry, roles, status, created_at, audience, source_account';

/**
 * One lexical index per workspace, holding its published entries. Before each use it reads the rows
 * changed since the last sync (a trigger bumps `change_seq` on every write), so several processes on
 * one database all see every change without being told.
 */
export class WorkspaceIndexCache {
  private readonly cache = new Map<string, Cached>();

  constructor(
    private readonly db: Database,
    /** Told which published entries changed after each sync (vector search embeds them). */
    private readonly onPublished?: (workspaceId: string, ids: number[]) => Promise<void>,
    /**
     * Rows read per query, about. Small, because a PGlite query holds the event loop until it
     * returns: 250 rows take ~10–20 ms, so requests arriving during a first sync wait no longer.
     */
    private readonly pageSize = 250,
  ) {}

  async get(workspaceId: string): Promise<LexicalIndex> {
    return (await this.open(workspaceId)).index;
  }

  /** The workspace's index and synonyms, brought up to date with the database first. */
  async open(workspaceId: string): Promise<WorkspaceSearchState> {
    let cached = this.cache.get(workspaceId);
    if (!cached) {
      cached = {
        index: new LexicalIndex(),
        lastSeq: 0n,
        accounts: new AccountDirectory(),
        entryIndustries: new Set(),
        entryRoles: new Set(),
        thesaurus: builtInThesaurus(),
        synonymsVersion: '',
        syncing: undefined,
      };
      this.cache.set(workspaceId, cached);
    }
    // Concurrent callers share one sync instead of applying the same rows twice.
    cached.syncing ??= this.sync(workspaceId, cached).finally(() => {
      if (cached) cached.syncing = undefined;
    });
    await cached.syncing;
    const industries = new Set([...cached.entryIndustries, ...cached.accounts.industries()]);
    return { index: cached.index, thesaurus: cached.thesaurus, industries, roles: cached.entryRoles };
  }

  private async sync(workspaceId: string, cached: Cached) {
    const slicer = new TimeSlicer();
    const published: number[] = [];
    // Pages are ranges of change_seq, not `change_seq > $last ORDER BY … LIMIT`: without planner
    // statistics PostgreSQL answers the LIMIT form by reading and sorting every remaining row, which
    // made each page of a first sync cost 80–350 ms at 100k entries. A range reads only its own rows.
    let width = BigInt(this.pageSize);
    for (;;) {
      const versions = await this.versions(workspaceId);
      if (versions.accounts !== cached.accounts.version) {
        await this.reindexAccounts(workspaceId, cached, versions.accounts);
      }
      if (versions.synonyms !== cached.synonymsVersion) {
        const pairs = await this.db.query<{ term: string; synonym: string }>(
          'SELECT term, synonym FROM synonyms WHERE workspace_id = $1 ORDER BY id',
          [workspaceId],
        );
        cached.thesaurus = workspaceThesaurus(pairs);
        cached.synonymsVersion = versions.synonyms;
      }
      const latest = versions.entries;
      if (latest <= cached.lastSeq) break;
      while (cached.lastSeq < latest) {
        await slicer.yield();
        const upTo = cached.lastSeq + width < latest ? cached.lastSeq + width : latest;
        const rows = await this.db.query<ChangedRow>(
          `SELECT ${ENTRY_COLUMNS} FROM entries
           WHERE workspace_id = $1 AND change_seq > $2 AND change_seq <= $3 ORDER BY change_seq`,
          [workspaceId, cached.lastSeq.toString(), upTo.toString()],
        );
        for (const row of rows) {
          this.apply(cached, row, published);
          await slicer.maybeYield();
        }
        cached.lastSeq = upTo;
        // Sequence numbers are shared by every workspace: widen the range where this one's rows are sparse.
        if (rows.length < this.pageSize / 2) width *= 2n;
        else if (rows.length > this.pageSize * 2) width = width / 2n || 1n;
      }
    }
    if (published.length > 0) await this.onPublished?.(workspaceId, published);
  }

  /**
   * Accounts have no change sequence, but they are few and change seldom (an import): when any changed,
   * the directory is read again and the entries heard from an account whose industry changed are
   * indexed again. Which entries those are is found from the distinct account names entries give.
   */
  private async reindexAccounts(workspaceId: string, cached: Cached, version: string) {
    const rows = await this.db.query<{ name: string; industry: string | null }>(
      'SELECT name, industry FROM accounts WHERE workspace_id = $1',
      [workspaceId],
    );
    const changed = cached.accounts.replace(rows, version);
    // Entries not yet indexed get the new directory when they are read: only indexed ones need redoing.
    if (changed.size === 0 || cached.lastSeq === 0n) return;
    const names = await this.db.query<{ source_account: string }>(
      `SELECT DISTINCT source_account FROM entries
       WHERE workspace_id = $1 AND source_account IS NOT NULL AND change_seq <= $2`,
      [workspaceId, cached.lastSeq.toString()],
    );
    const affected = names.map((row) => row.source_account).filter((name) => changed.has(accountKeyOf(name)));
    for (let first = 0; first < affected.length; first += 100) {
      const rows = await this.db.query<ChangedRow>(
        `SELECT ${ENTRY_COLUMNS} FROM entries
         WHERE workspace_id = $1 AND source_account = ANY($2) AND change_seq <= $3 AND status = 'published'`,
        [workspaceId, affected.slice(first, first + 100), cached.lastSeq.toString()],
      );
      // Not reported as published: their text, and so their embedding, did not change.
      for (const row of rows) this.apply(cached, row, []);
    }
  }

  private apply(cached: Cached, row: ChangedRow, published: number[]) {
    const { index } = cached;
    if (row.status !== 'published') {
      index.remove(row.id);
      return;
    }
    published.push(row.id);
    if (row.industry?.trim()) cached.entryIndustries.add(row.industry.trim().toLowerCase());
    for (const role of row.roles ?? []) cached.entryRoles.add(role);
    index.upsert({
      id: row.id,
      title: row.title,
      body: row.body,
      kind: row.kind,
      stage: row.stage,
      topics: row.topics,
      createdAt: new Date(row.created_at),
      audience: row.audience,
      account: row.source_account,
      industries: industriesOf(row.industry, cached.accounts.industryOf(row.source_account)),
      roles: row.roles ?? [],
    });
  }

  /**
   * In one round trip: the latest entry change, and fingerprints of the accounts and of the synonyms
   * that change whenever one is written (synonyms are only added and removed, ids never reused).
   */
  private async versions(
    workspaceId: string,
  ): Promise<{ entries: bigint; accounts: string; synonyms: string }> {
    const [row] = await this.db.query<{ seq: string | null; accounts: string; synonyms: string }>(
      `SELECT (SELECT max(change_seq)::text FROM entries WHERE workspace_id = $1) AS seq,
              (SELECT count(*)::text || ':' || coalesce(max(updated_at)::text, '')
                 FROM accounts WHERE workspace_id = $1) AS accounts,
              (SELECT count(*)::text || ':' || coalesce(max(id), 0)::text
                 FROM synonyms WHERE workspace_id = $1) AS synonyms`,
      [workspaceId],
    );
    return { entries: BigInt(row?.seq ?? '0'), accounts: row?.accounts ?? '', synonyms: row?.synonyms ?? '' };
  }
}

/** The entry's own industry and its account's, lower-cased, once each: what the industry filter compares. */
function industriesOf(own: string | null, account: string | null): string[] {
  const all = [own, account].flatMap((industry) => (industry?.trim() ? [industry.trim().toLowerCase()] : []));
  return [...new Set(all)];
}
