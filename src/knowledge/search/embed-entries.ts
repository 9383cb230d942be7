import type { Database } from '../../db/database.ts';
import type { Logger } from '../../logger.ts';

/** Turns texts into vectors, one per text in order; vectors are comparable only within one model. */
export interface Embedder {
  readonly model: string;
  embed(texts: string[]): Promise<Float32Array[]>;
}

export interface VectorStore {
  /** The pgvector version the database runs. */
  pgvector: string;
}

/** Entries per embeddings request and per insert. */
const BATCH_SIZE = 100;
/** Embedding models read about 8,000 tokens; past that an entry's gist is long established. */
const MAX_EMBED_CHARS = 16_000;
// Any fixed number: processes starting together must not race to create the extension and table.
const VECTOR_SETUP_LOCK_KEY = 7_263_541_903;

const VECTOR_OFF =
  'vector search is off: this database has no pgvector extension, so search matches words only (lexical). ' +
  'To search by meaning, install pgvector on the PostgreSQL server (https://github.com/pgvector/pgvector#installation) ' +
  'and restart Earshot; it creates the extension and its table itself.';

/**
 * Makes the database ready to store entry embeddings, or returns null (after one warning) when it
 * cannot: then search stays lexical.
 *
 * `entry_embeddings` is created here at run time, not by a Prisma migration, because it needs the
 * optional pgvector extension: migrations must succeed on a server without it. Its `embedding`
 * column has no fixed size because the size depends on the configured model; `model` tells vectors
 * of different models apart. Searches scan a workspace's rows exactly, which is fast at the
 * thousands of entries a workspace holds, so there is no approximate index.
 */
export async function prepareVectorStore(db: Database, logger: Logger): Promise<VectorStore | null> {
  const [available] = await db.query<{ default_version: string; installed_version: string | null }>(
    `SELECT default_version, installed_version FROM pg_available_extensions WHERE name = 'vector'`,
  );
  if (!available) {
    logger.warn({ database: db.kind }, VECTOR_OFF);
    return null;
  }
  try {
    await db.transaction(async (session) => {
      await session.query('SELECT pg_advisory_xact_lock($1)', [VECTOR_SETUP_LOCK_KEY]);
      await session.exec('CREATE EXTENSION IF NOT EXISTS vector');
    });
  } catch (error) {
    logger.warn(
      { database: db.kind, err: error },
      'vector search is off: pgvector is installed but could not be enabled, so search matches words only. ' +
        'Have a superuser run CREATE EXTENSION vector in this database, then restart Earshot.',
    );
    return null;
  }
  await db.transaction(async (session) => {
    await session.query('SELECT pg_advisory_xact_lock($1)', [VECTOR_SETUP_LOCK_KEY]);
    await session.exec(`CREATE TABLE IF NOT EXISTS entry_embeddings (
      entry_id int PRIMARY KEY REFERENCES entries(id) ON DELETE CASCADE,
      model text NOT NULL,
      content_hash text NOT NULL,
      embedding vector NOT NULL
    )`);
  });
  const [version] = await db.query<{ extversion: string }>(
    `SELECT extversion FROM pg_extension WHERE extname = 'vector'`,
  );
  const pgvector = version?.extversion ?? available.default_version;
  logger.info({ database: db.kind, pgvector }, 'vector search is on');
  return { pgvector };
}

export interface EmbedEntriesOptions {
  db: Database;
  embedder: Embedder;
  workspaceId: string;
  /** Only these entries (e.g. the ones an import just wrote); all of the workspace's otherwise. */
  ids?: number[];
  onBatch?: (embedded: number) => void;
}

interface Stale {
  id: number;
  title: string;
  body: string;
  content_hash: string;
}

/**
 * Embeds the workspace's published entries that have no embedding from the embedder's model or whose
 * title or body changed since, and returns how many it embedded. Each batch is stored as it is done,
 * so after a failure (say, a rate limit) running it again picks up where it stopped.
 */
export async function embedEntries(options: EmbedEntriesOptions): Promise<{ embedded: number }> {
  const { db, embedder, workspaceId } = options;
  let embedded = 0;
  let after = 0;
  for (;;) {
    const stale = await db.query<Stale>(
      `SELECT e.id, e.title, e.body, h.hash AS content_hash
       FROM entries e
       CROSS JOIN LATERAL (SELECT ${CONTENT_HASH_SQL} AS hash) h
       LEFT JOIN entry_embeddings v ON v.entry_id = e.id
       WHERE e.workspace_id = $1 AND e.status = 'published' AND e.id > $2
         AND ($3::int[] IS NULL OR e.id = ANY($3::int[]))
         AND (v.entry_id IS NULL OR v.model <> $4 OR v.content_hash <> h.hash)
       ORDER BY e.id
       LIMIT $5`,
      [workspaceId, after, options.ids ?? null, embedder.model, BATCH_SIZE],
    );
    if (stale.length === 0) return { embedded };
    const vectors = await embedder.embed(stale.map(embeddingText));
    await db.query(
      `INSERT INTO entry_embeddings (entry_id, model, content_hash, embedding)
       SELECT u.id, $1, u.hash, u.embedding::vector
       FROM unnest($2::int[], $3::text[], $4::text[]) AS u(id, hash, embedding)
       WHERE EXISTS (SELECT 1 FROM entries e WHERE e.id = u.id)
       ON CONFLICT (entry_id) DO UPDATE
         SET model = excluded.model, content_hash = excluded.content_hash, embedding = excluded.embedding`,
      [
        embedder.model,
        stale.map((row) => row.id),
        stale.map((row) => row.content_hash),
        vectors.map(toVectorLiteral),
      ],
    );
    embedded += stale.length;
    after = stale[stale.length - 1]?.id ?? after;
    options.onBatch?.(embedded);
  }
}

/** Hashed in SQL, from the row read, so the hash stored is always that of the text embedded. */
const CONTENT_HASH_SQL = `encode(sha256(convert_to(e.title || E'\\n' || e.body, 'UTF8')), 'hex')`;

function embeddingText(entry: { title: string; body: string }): string {
  return `${entry.title}\n\n${entry.body}`.slice(0, MAX_EMBED_CHARS);
}

/** pgvector's text form, `[0.1,0.2,…]`. */
export function toVectorLiteral(vector: Float32Array): string {
  return `[${vector.join(',')}]`;
}
