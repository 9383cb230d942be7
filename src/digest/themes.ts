import type { Capped, Digest, DigestLimits, DigestTheme } from './digest.ts';
import { sqlLimit } from './digest.ts';
import { loadCitedEntries } from './digest-examples.ts';
import { CREDITED_PERSON, type DigestScope, NEW_SHAREABLE_ENTRIES, scopeParams } from './digest-scope.ts';
import { distinctCount, groupByTitleWords, pickExamples, type UntaggedChatter } from './title-themes.ts';

const NEW_CHATTER = `${NEW_SHAREABLE_ENTRIES} AND e.kind = 'chatter'`;

interface ThemeCounts {
  label: string;
  basis: DigestTheme['basis'];
  entries: number;
  reps: number;
  accounts: number;
  exampleIds: number[];
}

/** What the field is hearing: new chatter in totals and by theme, most-heard first, with examples. */
export async function buildThemes(
  scope: DigestScope,
  limits: DigestLimits,
): Promise<{ chatter: Digest['chatter']; themes: Capped<DigestTheme> }> {
  const [chatter, topicThemes, untagged] = await Promise.all([
    chatterTotals(scope),
    topTopicThemes(scope, limits.themes),
    // Untagged chatter can never match a topic filter.
    scope.topics ? Promise.resolve([]) : untaggedChatter(scope),
  ]);
  const titleThemes: ThemeCounts[] = groupByTitleWords(untagged).map((group) => ({
    label: group.label,
    basis: group.basis,
    entries: group.rows.length,
    reps: distinctCount(group.rows.map((row) => row.rep)),
    accounts: distinctCount(group.rows.map((row) => row.account)),
    exampleIds: pickExamples(group.rows, limits.examples).map((row) => row.id),
  }));
  const ranked = [...topicThemes.themes, ...titleThemes].sort(byHeardMost);
  const shown = ranked.slice(0, limits.themes);
  const more = topicThemes.total + titleThemes.length - shown.length;

  const topicExamples = await examplesOfTopics(
    scope,
    shown.filter((theme) => theme.basis === 'topic').map((theme) => theme.label),
    limits.examples,
  );
  for (const theme of shown)
    if (theme.basis === 'topic') theme.exampleIds = topicExamples.get(theme.label) ?? [];
  const focus = new Map<number, string>();
  for (const theme of shown)
    for (const id of theme.exampleIds) if (!focus.has(id)) focus.set(id, theme.label);
  const cited = await loadCitedEntries(scope, [...focus.keys()], (id, title) =>
    focus.get(id) === 'Other' ? title : `${focus.get(id)} ${title}`,
  );
  const items = shown.map(({ exampleIds, ...theme }) => ({
    ...theme,
    examples: exampleIds.flatMap((id) => {
      const entry = cited.get(id);
      return entry
        ? [
            {
              id: entry.id,
              title: entry.title,
              excerpt: entry.excerpt,
              url: entry.url,
              author: entry.author,
              account: entry.account,
            },
          ]
        : [];
    }),
  }));
  return { chatter, themes: { items, more } };
}

// Most entries first; the catch-all "Other" after every real theme; then by label, so runs agree.
function byHeardMost(a: ThemeCounts, b: ThemeCounts): number {
  return (
    Number(a.basis === 'other') - Number(b.basis === 'other') ||
    b.entries - a.entries ||
    a.label.localeCompare(b.label)
  );
}

async function chatterTotals(scope: DigestScope): Promise<Digest['chatter']> {
  const [row] = await scope.db.query<Digest['chatter']>(
    `SELECT count(*)::int AS entries,
            count(DISTINCT ${CREDITED_PERSON})::int AS reps,
            count(DISTINCT e.source_account)::int AS accounts
     FROM entries AS e WHERE ${NEW_CHATTER}`,
    scopeParams(scope),
  );
  return row ?? { entries: 0, reps: 0, accounts: 0 };
}

async function topTopicThemes(
  scope: DigestScope,
  cap: number,
): Promise<{ themes: ThemeCounts[]; total: number }> {
  const rows = await scope.db.query<{
    label: string;
    entries: number;
    reps: number;
    accounts: number;
    total: number;
  }>(
    `SELECT t.topic AS label,
            count(DISTINCT e.id)::int AS entries,
            count(DISTINCT ${CREDITED_PERSON})::int AS reps,
            count(DISTINCT e.source_account)::int AS accounts,
            (count(*) OVER ())::int AS total
     FROM entries AS e CROSS JOIN LATERAL (SELECT DISTINCT lower(topic) AS topic FROM unnest(e.topics) AS et(topic)) AS t
     WHERE ${NEW_CHATTER}
     GROUP BY t.topic
     ORDER BY entries DESC, label
     LIMIT $5`,
    [...scopeParams(scope), sqlLimit(cap)],
  );
  return {
    themes: rows.map(({ total: _total, ...row }) => ({ ...row, basis: 'topic', exampleIds: [] })),
    total: rows[0]?.total ?? 0,
  };
}

async function untaggedChatter(scope: DigestScope): Promise<UntaggedChatter[]> {
  const rows = await scope.db.query<{
    id: number;
    title: string;
    rep: string | null;
    account: string | null;
    created_at: Date | string;
  }>(
    `SELECT e.id, e.title, ${CREDITED_PERSON} AS rep, e.source_account AS account, e.created_at
     FROM entries AS e WHERE ${NEW_CHATTER} AND cardinality(e.topics) = 0`,
    scopeParams(scope),
  );
  return rows.map(({ created_at, ...row }) => ({ ...row, createdAt: new Date(created_at) }));
}

/** Examples for each topic, newest first and one per rep before a second from anyone. */
async function examplesOfTopics(
  scope: DigestScope,
  topics: string[],
  count: number,
): Promise<Map<string, number[]>> {
  if (topics.length === 0 || count <= 0) return new Map();
  const rows = await scope.db.query<{ topic: string; id: number }>(
    `WITH hits AS (
       SELECT e.id, t.topic, ${CREDITED_PERSON} AS rep, e.created_at
       FROM entries AS e CROSS JOIN LATERAL (SELECT DISTINCT lower(topic) AS topic FROM unnest(e.topics) AS et(topic)) AS t
       WHERE ${NEW_CHATTER} AND t.topic = ANY($5::text[])
     ), by_rep AS (
       SELECT *, row_number() OVER (PARTITION BY topic, rep ORDER BY created_at DESC, id DESC) AS rep_rank FROM hits
     ), picked AS (
       SELECT *, row_number() OVER (PARTITION BY topic ORDER BY rep_rank, created_at DESC, id DESC) AS n FROM by_rep
     )
     SELECT topic, id FROM picked WHERE n <= $6 ORDER BY topic, n`,
    [...scopeParams(scope), topics, count],
  );
  const byTopic = new Map<string, number[]>();
  for (const row of rows) byTopic.set(row.topic, [...(byTopic.get(row.topic) ?? []), row.id]);
  return byTopic;
}
