import type { Database } from '../../db/database.ts';
import type { BuyingStage, EntryKind, EntryStatus } from '../entry.ts';
import { AccountDirectory, accountKeyOf } from './account-directory.ts';
import { CHANGE_WRITERS_LOCK, ChangeHorizon } from './change-horizon.ts';
import type { IndexPersistence } from './index-persistence.ts';
import type { IndexSnapshot } from './index-snapshot.ts';
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
  change_seq: string;
}

interface Cached {
  index: LexicalIndex;
  /** Which changes the index holds (see change-horizon.ts). */
  horizon: ChangeHorizon;
  /** When the workspace was created, as the database says: saved with the index. */
  workspaceCreated: string;
  /** Entry rows applied since the index was last saved or loaded. */
  changesSinceSave: number;
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
  'id, title, body, kind, stage, topics, industry, roles, status, created_at, audience, source_account, change_seq::text';

/** Saved again after this many changed rows: a new process then catches up on fewer. */
const SAVE_AFTER_CHANGES = 1000;

interface Versions {
  /** The highest change number of the workspace's entries, committed. */
  seq: bigint;
  /** Whether no writer held an uncommitted change number when `seq` was read. */
  final: boolean;
  accounts: string;
  synonyms: string;
  /** When the workspace was created, and the last change number handed out in the whole database. */
  workspaceCreated: string;
  sequence: bigint;
}

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
    /** Where indexes are saved and loaded from; none: every process builds its own. */
    private readonly persistence?: IndexPersistence,
    private readonly saveAfterChanges = SAVE_AFTER_CHANGES,
  ) {}

  /** Waits for index saves under way; call before closing the database. */
  async flush(): Promise<void> {
    await this.persistence?.flush();
  }

  async get(workspaceId: string): Promise<LexicalIndex> {
    return (await this.open(workspaceId)).index;
  }

  /** The workspace's index and synonyms, brought up to date with the database first. */
  async open(workspaceId: string): Promise<WorkspaceSearchState> {
    let cached = this.cache.get(workspaceId);
    let first = false;
    if (!cached) {
      cached = emptyState();
      this.cache.set(workspaceId, cached);
      first = true;
    }
    // Concurrent callers share one sync instead of applying the same rows twice.
    cached.syncing ??= this.loadAndSync(workspaceId, cached, first).finally(() => {
      if (cached) cached.syncing = undefined;
    });
    await cached.syncing;
    const industries = new Set([...cached.entryIndustries, ...cached.accounts.industries()]);
    return { index: cached.index, thesaurus: cached.thesaurus, industries, roles: cached.entryRoles };
  }

  private async loadAndSync(workspaceId: string, cached: Cached, first: boolean) {
    if (first && this.persistence) await this.load(workspaceId, cached, this.persistence);
    const building = cached.index.size === 0;
    await this.sync(workspaceId, cached);
    // A bulk build leaves its arrays with room to grow: give it back.
    if (building) cached.index.trim();
    const { changesSinceSave } = cached;
    if (
      this.persistence &&
      changesSinceSave > 0 &&
      changesSinceSave >= Math.min(this.saveAfterChanges, cached.index.size)
    ) {
      this.persistence.save(snapshotOf(workspaceId, cached));
      cached.changesSinceSave = 0;
    }
  }

  private async sync(workspaceId: string, cached: Cached) {
    const slicer = new TimeSlicer();
    const published: number[] = [];
    const { horizon } = cached;
    // Pages are ranges of change_seq, not `change_seq > $last ORDER BY … LIMIT`: without planner
    // statistics PostgreSQL answers the LIMIT form by reading and sorting every remaining row, which
    // made each page of a first sync cost 80–350 ms at 100k entries. A range reads only its own rows.
    let width = BigInt(this.pageSize);
    // Changes not yet settled are read again on a sync's first round, and on any round that finds
    // them final: a writer may have committed one since they were read.
    let first = true;
    for (;;) {
      const versions = await this.versions(workspaceId);
      cached.workspaceCreated = versions.workspaceCreated;
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
      const latest = versions.seq;
      let from = first || versions.final ? horizon.settled : horizon.read;
      first = false;
      if (latest <= from) {
        horizon.advance(latest, versions.final);
        break;
      }
      while (from < latest) {
        await slicer.yield();
        const upTo = from + width < latest ? from + width : latest;
        const rows = await this.db.query<ChangedRow>(
          `SELECT ${ENTRY_COLUMNS} FROM entries
           WHERE workspace_id = $1 AND change_seq > $2 AND change_seq <= $3 ORDER BY change_seq`,
          [workspaceId, from.toString(), upTo.toString()],
        );
        for (const row of rows) {
          const seq = BigInt(row.change_seq);
          if (horizon.seen(row.id, seq)) continue;
          this.apply(cached, row, published);
          horizon.applied(row.id, seq, versions.final);
          cached.changesSinceSave++;
          await slicer.maybeYield();
        }
        from = upTo;
        // Sequence numbers are shared by every workspace: widen the range where this one's rows are sparse.
        if (rows.length < this.pageSize / 2) width *= 2n;
        else if (rows.length > this.pageSize * 2) width = width / 2n || 1n;
      }
      horizon.advance(latest, versions.final);
    }
    if (published.length > 0) await this.onPublished?.(workspaceId, published);
  }

  /**
   * Starts from the saved index when there is one for this very database: the workspace must be the
   * same one (not deleted and made again) and the database must have handed out the snapshot's last
   * change number (not restored from an older backup). Otherwise the index is built anew.
   */
  private async load(workspaceId: string, cached: Cached, persistence: IndexPersistence) {
    const snapshot = await persistence.load(workspaceId);
    if (!snapshot) return;
    const versions = await this.versions(workspaceId);
    if (snapshot.workspaceCreated !== versions.workspaceCreated || snapshot.lastSeq > versions.sequence) {
      persistence.discarded(workspaceId, 'saved from another database or an earlier workspace of that id');
      return;
    }
    cached.index = snapshot.index;
    cached.horizon = new ChangeHorizon(snapshot.lastSeq);
    cached.accounts = AccountDirectory.restore(snapshot.accounts.accounts, snapshot.accounts.version);
    cached.entryIndustries = new Set(snapshot.entryIndustries);
    cached.entryRoles = new Set(snapshot.entryRoles);
  }

  /**
   * Accounts have no change sequence, but they are few and change seldom (an import): when any changed,
   * the directory is read again and the entries heard from an account whose industry changed are
   * indexed again. Which entries those are is found from the distinct account names entries give.
   */
  private async reindexAccounts(workspaceId: string, cached: Cached, version: string) {
    const rows = await this.db.query<{ name: string; industry: string | null; domain: string | null }>(
      'SELECT name, industry, domain FROM accounts WHERE workspace_id = $1',
      [workspaceId],
    );
    const changed = cached.accounts.replace(rows, version);
    // Entries not yet indexed get the new directory when they are read: only indexed ones need redoing.
    const indexedUpTo = cached.horizon.read;
    if (changed.size === 0 || indexedUpTo === 0n) return;
    const names = await this.db.query<{ source_account: string }>(
      `SELECT DISTINCT source_account FROM entries
       WHERE workspace_id = $1 AND source_account IS NOT NULL AND change_seq <= $2`,
      [workspaceId, indexedUpTo.toString()],
    );
    const affected = names.map((row) => row.source_account).filter((name) => changed.has(accountKeyOf(name)));
    for (let first = 0; first < affected.length; first += 100) {
      const rows = await this.db.query<ChangedRow>(
        `SELECT ${ENTRY_COLUMNS} FROM entries
         WHERE workspace_id = $1 AND source_account = ANY($2) AND change_seq <= $3 AND status = 'published'`,
        [workspaceId, affected.slice(first, first + 100), indexedUpTo.toString()],
      );
      cached.changesSinceSave += rows.length;
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
    const account = cached.accounts.accountOf(row.source_account);
    index.upsert({
      id: row.id,
      title: row.title,
      body: row.body,
      kind: row.kind,
      stage: row.stage,
      topics: row.topics,
      createdAt: new Date(row.created_at),
      audience: row.audience,
      account: accountSearchText(row.source_account, account?.domain ?? null),
      industries: industriesOf(row.industry, account?.industry ?? null),
      roles: row.roles ?? [],
    });
  }

  /**
   * In one snapshot: the latest entry change (and whether it is final), fingerprints of the accounts
   * and of the synonyms that change whenever one is written (synonyms are only added and removed, ids
   * never reused), and what tells a saved index's database apart (see `load`).
   */
  private async versions(workspaceId: string): Promise<Versions> {
    return this.db.transaction(async (session) => {
      // Each statement its own snapshot, so the second one is taken after the lock is held.
      await session.query('SET TRANSACTION ISOLATION LEVEL READ COMMITTED');
      const [lock] = await session.query<{ final: boolean }>(
        'SELECT pg_try_advisory_xact_lock($1) AS final',
        [CHANGE_WRITERS_LOCK],
      );
      const [row] = await session.query<{
        seq: string | null;
        accounts: string;
        synonyms: string;
        created: string | null;
        sequence: string;
      }>(
        `SELECT (SELECT max(change_seq)::text FROM entries WHERE workspace_id = $1) AS seq,
                (SELECT count(*)::text || ':' || coalesce(max(updated_at)::text, '')
                   FROM accounts WHERE workspace_id = $1) AS accounts,
                (SELECT count(*)::text || ':' || coalesce(max(id), 0)::text
                   FROM synonyms WHERE workspace_id = $1) AS synonyms,
                (SELECT extract(epoch FROM created_at)::text FROM workspaces WHERE id = $1) AS created,
                (SELECT last_value::text FROM entries_change_seq_seq) AS sequence`,
        [workspaceId],
      );
      if (!row) throw new Error('the change log query returned no row');
      return {
        seq: BigInt(row.seq ?? '0'),
        final: lock?.final === true,
        accounts: row.accounts,
        synonyms: row.synonyms,
        workspaceCreated: row.created ?? '',
        sequence: BigInt(row.sequence),
      };
    });
  }
}

function emptyState(): Cached {
  return {
    index: new LexicalIndex(),
    horizon: new ChangeHorizon(),
    changesSinceSave: 0,
    workspaceCreated: '',
    accounts: new AccountDirectory(),
    entryIndustries: new Set(),
    entryRoles: new Set(),
    thesaurus: builtInThesaurus(),
    synonymsVersion: '',
    syncing: undefined,
  };
}

function snapshotOf(workspaceId: string, cached: Cached): IndexSnapshot {
  return {
    workspaceId,
    index: cached.index,
    lastSeq: cached.horizon.settled,
    workspaceCreated: cached.workspaceCreated,
    accounts: { version: cached.accounts.version, accounts: cached.accounts.entries() },
    entryIndustries: [...cached.entryIndustries],
    entryRoles: [...cached.entryRoles],
  };
}

/**
 * The account an entry was heard from as its words are searched: its name and its web domain, so a rep
 * who pastes the domain from the CRM ("anything new from northlightmedia.com?") finds what was heard.
 */
function accountSearchText(account: string | null, domain: string | null): string | null {
  return account && domain ? `${account} ${domain}` : account;
}

/** The entry's own industry and its account's, lower-cased, once each: what the industry filter compares. */
function industriesOf(own: string | null, account: string | null): string[] {
  const all = [own, account].flatMap((industry) => (industry?.trim() ? [industry.trim().toLowerCase()] : []));
  return [...new Set(all)];
}
