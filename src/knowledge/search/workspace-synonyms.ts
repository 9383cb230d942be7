import type { Database } from '../../db/database.ts';
import { EarshotError } from '../../errors.ts';
import { ensureWorkspace } from '../workspaces/ensure-workspace.ts';
import { acronymTable, builtInThesaurus, phraseKey, type SynonymPair } from './thesaurus.ts';

const MAX_WORDS = 6;
const MAX_LENGTH = 80;

export interface StoredSynonym extends SynonymPair {
  id: number;
  createdBy: string | null;
  createdAt: Date;
}

/** A phrase as typed, tidied for storing and comparing: NFKC, single spaces, no outer quotes or spaces. */
function tidy(phrase: string): string {
  return phrase
    .normalize('NFKC')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^["'“”‘’]+|["'“”‘’]+$/g, '')
    .trim();
}

/** Both phrases lower-cased, in sorted order: the same pair however it was typed. */
function pairKey(a: string, b: string): string {
  return JSON.stringify([a.toLowerCase(), b.toLowerCase()].sort());
}

function invalid(message: string): EarshotError {
  return new EarshotError({ code: 'invalid_input', message });
}

/** Checks one phrase of a pair; returns it tidied. */
function checkPhrase(raw: string): string {
  // PostgreSQL text cannot hold a NUL; other control characters have no place in a phrase either.
  const phrase = tidy(raw.replace(/\p{Cc}/gu, ' '));
  if (phrase === '') {
    throw invalid(
      'give a word or phrase and its synonym, e.g. earshot synonyms add "Atlas" "reporting module"',
    );
  }
  if (phrase.length > MAX_LENGTH || phrase.split(' ').length > MAX_WORDS) {
    throw invalid(`"${phrase.slice(0, MAX_LENGTH)}…" is too long for a synonym: at most ${MAX_WORDS} words`);
  }
  if (phraseKey(phrase) === '') {
    throw invalid(`"${phrase}" has no word search could use: it is only common words such as "the" or "of"`);
  }
  return phrase;
}

/** The synonyms curators added to one workspace; the sales thesaurus is built in and not stored. */
export class WorkspaceSynonyms {
  constructor(private readonly db: Database) {}

  async list(workspaceId: string): Promise<StoredSynonym[]> {
    const rows = await this.db.prisma.synonym.findMany({ where: { workspaceId }, orderBy: { id: 'asc' } });
    return rows.map(({ id, term, synonym, createdBy, createdAt }) => ({
      id,
      term,
      synonym,
      createdBy,
      createdAt,
    }));
  }

  /** Adds a pair; throws `invalid_input` saying why when it cannot be, changing nothing. */
  async add(options: {
    workspaceId: string;
    term: string;
    synonym: string;
    createdBy?: string;
  }): Promise<StoredSynonym> {
    const term = checkPhrase(options.term);
    const synonym = checkPhrase(options.synonym);
    const termKey = phraseKey(term);
    const synonymKey = phraseKey(synonym);
    if (termKey === synonymKey) {
      throw invalid(`"${term}" and "${synonym}" are already one word to search: they find the same entries`);
    }
    if (builtInThesaurus().related(termKey, synonymKey)) {
      throw invalid(`"${term}" and "${synonym}" are already synonyms in the built-in sales thesaurus`);
    }
    if (acronymTable().related(termKey, synonymKey)) {
      const [acronym, meaning] =
        termKey.split(' ').length < synonymKey.split(' ').length ? [term, synonym] : [synonym, term];
      throw invalid(`"${acronym}" already stands for "${meaning}" in the built-in acronyms`);
    }
    await ensureWorkspace(this.db, options.workspaceId);
    const key = pairKey(term, synonym);
    const existing = await this.db.prisma.synonym.findUnique({
      where: { workspaceId_pairKey: { workspaceId: options.workspaceId, pairKey: key } },
    });
    if (existing) {
      throw invalid(`"${term}" and "${synonym}" are already synonyms in workspace "${options.workspaceId}"`);
    }
    const row = await this.db.prisma.synonym
      .create({
        data: {
          workspaceId: options.workspaceId,
          term,
          synonym,
          pairKey: key,
          createdBy: options.createdBy ?? null,
        },
      })
      .catch((error: unknown) => {
        // Added by someone else since the check above.
        if ((error as { code?: string }).code === 'P2002') {
          throw invalid(
            `"${term}" and "${synonym}" are already synonyms in workspace "${options.workspaceId}"`,
          );
        }
        throw error;
      });
    return { id: row.id, term, synonym, createdBy: row.createdBy, createdAt: row.createdAt };
  }

  /** Removes a pair, in either order; throws `not_found` when the workspace has no such pair. */
  async remove(options: { workspaceId: string; term: string; synonym: string }): Promise<void> {
    const term = tidy(options.term.replace(/\p{Cc}/gu, ' '));
    const synonym = tidy(options.synonym.replace(/\p{Cc}/gu, ' '));
    const { count } = await this.db.prisma.synonym.deleteMany({
      where: { workspaceId: options.workspaceId, pairKey: pairKey(term, synonym) },
    });
    if (count > 0) return;
    const keys = [phraseKey(term), phraseKey(synonym)] as const;
    const builtIn = builtInThesaurus().related(...keys) || acronymTable().related(...keys);
    throw new EarshotError({
      code: 'not_found',
      message: builtIn
        ? `"${term}" and "${synonym}" are built-in synonyms, which cannot be changed`
        : `"${term}" and "${synonym}" are not synonyms in workspace "${options.workspaceId}"; see earshot synonyms list`,
    });
  }
}
