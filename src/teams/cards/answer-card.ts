import type { Answer, Source, Statement } from '../../knowledge/answer/answer-types.ts';
import { entriesNote } from '../../knowledge/answer/days-ago.ts';
import { notReviewedSince } from '../../knowledge/answer/freshness.ts';
import { citationList } from '../../render/citation-list.ts';
import { answerReferenceElements } from './answer-reference-elements.ts';
import { TEAMS_VERBS } from './card-actions.ts';
import type { CardElement } from './card-elements.ts';
import { inlineText, linkTarget, markdownLink, neutralizeLabel } from './card-markdown.ts';
import {
  ADAPTIVE_CARD_SCHEMA,
  type AdaptiveCard,
  type ExecuteAction,
  MAX_CARD_BYTES,
  type TextBlock,
} from './card-types.ts';

export interface AnswerCardOptions {
  now?: Date;
}

/** The answer card: text, plus the Request buttons of any reference customers it offers. */
export type AnswerCard = Omit<AdaptiveCard, 'body'> & { body: CardElement[] };

/** Where each source number links to (a `linkTarget`), or null to show a plain number. */
type SourceLinks = ReadonlyMap<number, string | null>;

const MAX_STATEMENT = 700;
const MAX_CITATIONS = 1200;
const MAX_SUBJECT = 300;
const MAX_HEADLINE = 300;
const MAX_FALLBACK = 300;
const MAX_TITLE = 200;
const MAX_NAME = 100;
const MAX_MODEL = 100;

/** The answer as an Adaptive Card: field chatter and research kept apart, every claim cited. */
export function answerCard(answer: Answer, options: AnswerCardOptions = {}): AnswerCard {
  return answer.heard ? heardCard(answer, options.now ?? new Date()) : notHeardCard(answer);
}

function referenceElements(answer: Answer): CardElement[] {
  return answer.references ? answerReferenceElements(answer.references) : [];
}

/** "Filtered to: healthcare · CFO · decide stage", so the rep knows what narrowed the answer. */
function facetsLine(answer: Answer): TextBlock[] {
  const applied = appliedFacets(answer);
  return applied ? [text(`Filtered to: ${applied}`, { isSubtle: true, size: 'Small' })] : [];
}

/** "healthcare · CFO · decide stage", or null when the question named no facet. */
function appliedFacets(answer: Answer): string | null {
  const labels = answer.facets?.labels ?? [];
  return labels.length > 0 ? labels.map((label) => inlineText(label, 80, neutralizeLabel)).join(' · ') : null;
}

function heardCard(answer: Answer, now: Date): AnswerCard {
  const links: SourceLinks = new Map(answer.sources.map((source) => [source.n, linkTarget(source.url)]));
  const subject = inlineText(answer.subject, MAX_SUBJECT);
  const { statements } = answer.field;
  const objective = answer.objective.statements;
  const nothingFromField = `Nothing heard from the field yet about ${subject}.`;

  const fieldHead: TextBlock[] = [
    ...facetsLine(answer),
    text(statements.length > 0 ? fieldHeading(answer, now) : nothingFromField),
  ];
  const researchHead: TextBlock[] =
    objective.length > 0
      ? [text('**Research and expert content**', { separator: true, spacing: 'Medium' })]
      : [];
  const sourcesHead: TextBlock[] =
    answer.sources.length > 0 ? [text('**Sources**', { separator: true, spacing: 'Medium' })] : [];
  const references = referenceElements(answer);
  const footer: TextBlock[] = answer.model
    ? [
        text(`Written by ${inlineText(answer.model, MAX_MODEL)} from the sources above`, {
          isSubtle: true,
          size: 'Small',
        }),
      ]
    : [];

  const lists = [
    { items: statements.map((s) => text(bullet(s, links))), noun: 'statement', small: false },
    { items: objective.map((s) => text(bullet(s, links))), noun: 'statement', small: false },
    {
      items: answer.sources.map((s) => text(sourceLine(s, links.get(s.n) ?? null, now), { size: 'Small' })),
      noun: 'source',
      small: true,
    },
  ];

  const skeleton = card({
    fallbackText: fallback(answer, nothingFromField),
    // Room for the worst "…and N more" line of each list is kept aside.
    body: [
      ...fieldHead,
      ...researchHead,
      ...references,
      ...sourcesHead,
      ...footer,
      ...lists.map((list) => moreLine(list.items.length, list.noun, list.small)),
    ],
    actions: [
      execute('Helpful', TEAMS_VERBS.helpful, answer.questionId),
      execute('Not helpful', TEAMS_VERBS.notHelpful, answer.questionId),
    ],
  });
  const counts = allot(
    lists.map((list) => list.items.map((item) => bytes(item) + 1)),
    MAX_CARD_BYTES - bytes(skeleton),
  );
  const [field, research, sources] = lists.map((list, i) => {
    const kept = counts[i] ?? 0;
    const omitted = list.items.length - kept;
    return [...list.items.slice(0, kept), ...(omitted > 0 ? [moreLine(omitted, list.noun, list.small)] : [])];
  });

  return {
    ...skeleton,
    body: [
      ...fieldHead,
      ...(field ?? []),
      ...researchHead,
      ...(research ?? []),
      ...references,
      ...sourcesHead,
      ...(sources ?? []),
      ...footer,
    ],
  };
}

function notHeardCard(answer: Answer): AnswerCard {
  const subject = inlineText(answer.subject, MAX_SUBJECT, neutralizeLabel);
  if (answer.facets?.withoutFindsMore) {
    const applied = appliedFacets(answer) ?? '';
    return card({
      fallbackText: `Nothing matches ${applied}, but there are answers without those filters.`,
      body: [
        ...facetsLine(answer),
        text(`Nothing matches **${applied}**, but there are answers without those filters.`),
      ],
      actions: [
        execute('Ask without filters', TEAMS_VERBS.dropFacets, answer.questionId, 'positive'),
        execute('Ask the curators', TEAMS_VERBS.routeToCurators, answer.questionId),
      ],
    });
  }
  return card({
    fallbackText: `Nothing heard yet about ${subject}.`,
    body: [
      ...facetsLine(answer),
      text(
        `Nothing heard yet about **${subject}**. No chatter, tips, research or expert content matches. The question was logged so curators can fill the gap.`,
      ),
      ...referenceElements(answer),
    ],
    actions: [execute('Ask the curators', TEAMS_VERBS.routeToCurators, answer.questionId, 'positive')],
  });
}

function fieldHeading(answer: Answer, now: Date) {
  const { summary } = answer.field;
  return `**What the field is hearing** — ${inlineText(summary.headline, MAX_HEADLINE)} (${entriesNote(summary, now)})`;
}

function fallback(answer: Answer, nothingFromField: string) {
  return answer.field.statements.length > 0
    ? inlineText(
        `What the field is hearing about ${answer.subject}: ${answer.field.summary.headline}`,
        MAX_FALLBACK,
      )
    : nothingFromField;
}

function bullet(statement: Statement, links: SourceLinks) {
  const citations = citationLinks(statement.citations, links);
  return `• ${inlineText(statement.text, MAX_STATEMENT)} ${citations}`.trimEnd();
}

/** `[[n]](url)` for each cited source with somewhere to go, `[n]` otherwise, cut off at a budget. */
function citationLinks(citations: number[], links: SourceLinks) {
  return citationList(citations, links, markdownLink, MAX_CITATIONS);
}

/** `[n] [title](url) — kind, author, account — YYYY-MM-DD`, and `⚠️ not reviewed since March` when overdue. */
export function sourceLine(source: Source, target: string | null, now = new Date()): string {
  const title = inlineText(source.title, MAX_TITLE, neutralizeLabel) || `Source ${source.n}`;
  const by = [source.author, source.account]
    .map((name) => (name ? inlineText(name, MAX_NAME) : ''))
    .filter(Boolean);
  const parts = [
    `[${source.n}] ${target ? markdownLink(target, title) : title}`,
    [source.kind, ...by].join(', '),
  ];
  // A bad date in one source should cost that date, not the whole answer.
  if (!Number.isNaN(source.createdAt.getTime())) parts.push(source.createdAt.toISOString().slice(0, 10));
  if (source.staleSince) parts.push(`⚠️ ${notReviewedSince(source.staleSince, now)}`);
  return parts.join(' — ');
}

/**
 * How many leading items of each list fit in `budget` bytes. Each list first gets a fair share (so a
 * long field side cannot crowd research or sources out), then what is left goes to them in order.
 */
function allot(sizes: number[][], budget: number): number[] {
  const counts = sizes.map(() => 0);
  let left = budget;
  const fill = (i: number, cap: number) => {
    const list = sizes[i] ?? [];
    let spent = 0;
    let count = counts[i] ?? 0;
    for (; count < list.length; count++) {
      const size = list[count] ?? 0;
      if (spent + size > cap) break;
      spent += size;
    }
    counts[i] = count;
    left -= spent;
  };
  const shares = [0.4, 0.25, 0.35];
  sizes.forEach((_, i) => {
    fill(i, Math.floor(budget * (shares[i] ?? 0)));
  });
  sizes.forEach((_, i) => {
    fill(i, left);
  });
  return counts;
}

function moreLine(omitted: number, noun: string, small: boolean): TextBlock {
  return text(`_…and ${omitted} more ${omitted === 1 ? noun : `${noun}s`}_`, small ? { size: 'Small' } : {});
}

function text(markdown: string, extra: Omit<Partial<TextBlock>, 'type' | 'text' | 'wrap'> = {}): TextBlock {
  return { type: 'TextBlock', text: markdown, wrap: true, ...extra };
}

function execute(
  title: string,
  verb: string,
  questionId: number,
  style?: ExecuteAction['style'],
): ExecuteAction {
  return { type: 'Action.Execute', title, verb, data: { q: questionId }, ...(style ? { style } : {}) };
}

function card(parts: Pick<AnswerCard, 'fallbackText' | 'body' | 'actions'>): AnswerCard {
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: '1.5',
    ...parts,
    msteams: { width: 'Full' },
  };
}

function bytes(value: unknown) {
  return Buffer.byteLength(JSON.stringify(value), 'utf8');
}
