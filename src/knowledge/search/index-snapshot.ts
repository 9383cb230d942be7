import type { DirectoryAccount } from './account-directory.ts';
import { type PackedSections, packSections, unpackSections } from './binary-sections.ts';
import { indexFingerprint } from './index-fingerprint.ts';
import { type Bm25Params, DEFAULT_BM25_PARAMS, LexicalIndex } from './lexical-index.ts';

/** Bump when the snapshot's layout changes; older snapshots are then rebuilt, not read. */
export const SNAPSHOT_FORMAT = 4;

/** One workspace's search state as saved: the index and what it was built from. */
export interface IndexSnapshot {
  workspaceId: string;
  index: LexicalIndex;
  /** Every entry change up to this sequence number is in the index, and none is missing below it. */
  lastSeq: bigint;
  /** When the workspace was created (epoch seconds, as text): a workspace made again is another one. */
  workspaceCreated: string;
  /** The account directory the index was built with, and the accounts fingerprint it was read at. */
  accounts: { version: string; accounts: Array<[key: string, account: DirectoryAccount]> };
  entryIndustries: string[];
  entryRoles: string[];
}

interface SnapshotMeta {
  format: number;
  fingerprint: string;
  workspaceId: string;
  lastSeq: string;
  workspaceCreated: string;
  accounts: IndexSnapshot['accounts'];
  entryIndustries: string[];
  entryRoles: string[];
  params: Bm25Params;
  postings: { wasted: number };
  slots: { lists: string[][]; audiences: Array<[number, string]> };
  deadSlots: number;
  totalLength: number;
}

const fingerprints = new Map<string, string>();

/** The fingerprint of indexes built here with these parameters, computed once per process. */
export function currentFingerprint(params: Bm25Params = DEFAULT_BM25_PARAMS): string {
  const key = JSON.stringify(params);
  let fingerprint = fingerprints.get(key);
  if (fingerprint === undefined) {
    fingerprint = indexFingerprint(params);
    fingerprints.set(key, fingerprint);
  }
  return fingerprint;
}

/** The snapshot's bytes as chunks: copies of the index's arrays, so the index may change meanwhile. */
export function encodeSnapshot(snapshot: IndexSnapshot): PackedSections {
  const parts = snapshot.index.toParts();
  const terms = parts.postings.terms;
  // Terms are analysed words: never a NUL, so NUL can separate them.
  if (terms.some((term) => term.includes('\0'))) throw new Error('a term holds a NUL character');
  const meta: SnapshotMeta = {
    format: SNAPSHOT_FORMAT,
    fingerprint: currentFingerprint(parts.params),
    workspaceId: snapshot.workspaceId,
    lastSeq: snapshot.lastSeq.toString(),
    workspaceCreated: snapshot.workspaceCreated,
    accounts: snapshot.accounts,
    entryIndustries: snapshot.entryIndustries,
    entryRoles: snapshot.entryRoles,
    params: parts.params,
    postings: { wasted: parts.postings.wasted },
    slots: { lists: parts.slots.lists, audiences: parts.slots.audiences },
    deadSlots: parts.deadSlots,
    totalLength: parts.totalLength,
  };
  const { slots } = parts;
  return packSections(meta, {
    terms: Buffer.from(terms.join('\0')),
    table: parts.postings.table,
    pool: parts.postings.pool,
    termTable: parts.postings.termTable,
    ids: slots.ids,
    lengths: slots.lengths,
    kindStages: slots.kindStages,
    createdAts: slots.createdAts,
    topics: slots.topics,
    industries: slots.industries,
    roles: slots.roles,
  });
}

/**
 * The snapshot a buffer holds, or why it cannot be used: damaged, another format, another analysis
 * (the fingerprint) or another workspace. Such a snapshot is rebuilt, never half-used.
 */
export function decodeSnapshot(
  buffer: Uint8Array,
  workspaceId: string,
): { snapshot: IndexSnapshot } | { unusable: string } {
  try {
    const { meta: raw, arrays } = unpackSections(buffer);
    const meta = raw as SnapshotMeta;
    if (meta.format !== SNAPSHOT_FORMAT) return { unusable: `format ${meta.format}, not ${SNAPSHOT_FORMAT}` };
    if (meta.fingerprint !== currentFingerprint(meta.params))
      return { unusable: 'built by another version of the analysis' };
    if (meta.workspaceId !== workspaceId) return { unusable: 'of another workspace' };
    const termText = Buffer.from(arrays('terms', 'u8')).toString('utf8');
    const table = arrays('table', 'i32');
    const pool = arrays('pool', 'u32');
    const ids = arrays('ids', 'f64');
    // Slot terms are left out of snapshots and recovered when first needed (see LexicalIndex).
    const unknownRanges = new Uint32Array(ids.length);
    const index = LexicalIndex.fromParts({
      params: meta.params,
      postings: {
        terms: termText === '' ? [] : termText.split('\0'),
        table,
        pool,
        termTable: arrays('termTable', 'i32'),
        wasted: meta.postings.wasted,
      },
      slots: {
        ids,
        lengths: arrays('lengths', 'f64'),
        termStarts: unknownRanges,
        termCounts: unknownRanges,
        kindStages: arrays('kindStages', 'i32'),
        createdAts: arrays('createdAts', 'f64'),
        lists: meta.slots.lists,
        topics: arrays('topics', 'u32'),
        industries: arrays('industries', 'u32'),
        roles: arrays('roles', 'u32'),
        audiences: meta.slots.audiences,
      },
      deadSlots: meta.deadSlots,
      totalLength: meta.totalLength,
    });
    return {
      snapshot: {
        workspaceId,
        index,
        lastSeq: BigInt(meta.lastSeq),
        workspaceCreated: meta.workspaceCreated,
        accounts: meta.accounts,
        entryIndustries: meta.entryIndustries,
        entryRoles: meta.entryRoles,
      },
    };
  } catch (error) {
    return { unusable: `damaged (${(error as Error).message})` };
  }
}
