import type { Answer, Source, Statement } from '../knowledge/answer/answer-types.ts';
import { entriesNote } from '../knowledge/answer/days-ago.ts';
import { notReviewedSince } from '../knowledge/answer/freshness.ts';
import { answerReferencesView } from './answer-references-view.ts';
import { clip } from './clip.ts';
import { actionButton } from './view-actions.ts';
import type { Line, MessageView, ViewBlock, ViewItem } from './view-model.ts';

export interface AnswerViewOptions {
  now?: Date;
  /** Adds a "Share in channel" button, for answers first shown only to the asker. */
  shareable?: boolean;
  /** Where a source without a url can be opened (e.g. the Slack message chatter was captured from). */
  linkFor?: (source: Source) => string | null;
}

export const ANSWER_BUTTON_IDS = {
  actions: 'earshot_answer_actions',
  curators: 'earshot_curators_actions',
} as const;

const MAX_STATEMENT = 700;
const MAX_SUBJECT = 300;
const MAX_HEADLINE = 300;
const MAX_TITLE = 200;
const MAX_NAME = 100;
const MAX_FACET = 80;

/** The answer: field chatter and research kept apart, every claim cited, the sources listed. */
export function answerView(answer: Answer, options: AnswerViewOptions = {}): MessageView {
  const view = answer.heard ? heardView(answer, options) : notHeardView(answer, options);
  const facets = appliedFacets(answer);
  const notes = [
    ...(answer.followUp ? [`Following up: “${clip(answer.question, MAX_SUBJECT)}”`] : []),
    ...(facets ? [`Filtered to: ${facets}`] : []),
  ];
  if (notes.length === 0) return view;
  const note: ViewBlock = { type: 'text', subtle: true, lines: [[notes.join(' · ')]] };
  return { ...view, blocks: [note, ...view.blocks] };
}

/** "healthcare · CFO · decide stage", or null when the question named no facet. */
function appliedFacets(answer: Answer): string | null {
  const labels = answer.facets?.labels ?? [];
  return labels.length > 0 ? labels.map((label) => clip(label, MAX_FACET)).join(' · ') : null;
}

function heardView(answer: Answer, options: AnswerViewOptions): MessageView {
  const now = options.now ?? new Date();
  const hrefs = new Map(answer.sources.map((source) => [source.n, hrefOf(source, options)]));
  const subject = clip(answer.subject, MAX_SUBJECT);
  const { summary, statements } = answer.field;
  const objective = answer.objective.statements;
  const nothingFromField = `Nothing heard from the field yet about ${subject}.`;
  const bullets = (list: Statement[]): ViewBlock => ({
    type: 'list',
    noun: 'statement',
    bullets: true,
    items: list.map((statement) => statementItem(statement, hrefs)),
  });

  const blocks: ViewBlock[] =
    statements.length > 0
      ? [
          {
            type: 'text',
            lines: [
              [
                { text: 'What the field is hearing', bold: true },
                ` — ${clip(summary.headline, MAX_HEADLINE)} (${entriesNote(summary, now)})`,
              ],
            ],
          },
          bullets(statements),
        ]
      : [{ type: 'text', lines: [[nothingFromField]] }];
  if (objective.length > 0) {
    blocks.push(
      { type: 'divider' },
      { type: 'text', lines: [[{ text: 'Research and expert content', bold: true }]] },
      bullets(objective),
    );
  }
  if (answer.references) blocks.push(...answerReferencesView(answer.references));
  if (answer.sources.length > 0) {
    blocks.push({ type: 'divider' }, { type: 'text', lines: [[{ text: 'Sources', bold: true }]] });
    blocks.push({
      type: 'list',
      noun: 'source',
      subtle: true,
      items: answer.sources.map((source) => ({ line: sourceLine(source, hrefs.get(source.n) ?? null, now) })),
    });
  }
  if (answer.model) {
    blocks.push({
      type: 'text',
      subtle: true,
      lines: [[`Written by ${clip(answer.model, 100)} from the sources above`]],
    });
  }
  const q = { q: answer.questionId };
  blocks.push({
    type: 'buttons',
    id: ANSWER_BUTTON_IDS.actions,
    buttons: [
      actionButton('helpful', 'Helpful', q),
      actionButton('notHelpful', 'Not helpful', q),
      ...(options.shareable ? [actionButton('share', 'Share in channel', q)] : []),
    ],
  });
  return {
    fallback:
      statements.length > 0
        ? `What the field is hearing about ${answer.subject}: ${summary.headline}`
        : nothingFromField,
    blocks,
  };
}

function notHeardView(answer: Answer, options: AnswerViewOptions): MessageView {
  const q = { q: answer.questionId };
  if (answer.facets?.withoutFindsMore) {
    const applied = appliedFacets(answer) ?? '';
    return {
      fallback: `Nothing matches ${applied}, but there are answers without those filters.`,
      blocks: [
        {
          type: 'text',
          lines: [
            [
              'Nothing matches ',
              { text: applied, bold: true },
              ', but there are answers without those filters.',
            ],
          ],
        },
        {
          type: 'buttons',
          id: ANSWER_BUTTON_IDS.curators,
          buttons: [
            actionButton('dropFacets', 'Ask without filters', q, { style: 'primary' }),
            actionButton('routeToCurators', 'Ask the curators', q),
          ],
        },
      ],
    };
  }
  const subject = clip(answer.subject, MAX_SUBJECT);
  const closest = answer.closest ?? [];
  const now = options.now ?? new Date();
  return {
    fallback: `Nothing heard yet about ${subject}.`,
    blocks: [
      {
        type: 'text',
        lines: [
          [
            'Nothing heard yet about ',
            { text: subject, bold: true },
            closest.length > 0
              ? '. Nothing in the knowledge base answers it; the closest entries are below. The question was logged so curators can fill the gap.'
              : '. No chatter, tips, research or expert content matches. The question was logged so curators can fill the gap.',
          ],
        ],
      },
      ...(closest.length > 0
        ? [
            { type: 'text', lines: [[{ text: 'Closest, not an answer', bold: true }]] } satisfies ViewBlock,
            {
              type: 'list',
              noun: 'entry',
              nouns: 'entries',
              subtle: true,
              items: closest.map((source) => ({
                line: sourceLine(source, hrefOf(source, options), now),
              })),
            } satisfies ViewBlock,
          ]
        : []),
      ...(answer.references ? answerReferencesView(answer.references) : []),
      {
        type: 'buttons',
        id: ANSWER_BUTTON_IDS.curators,
        buttons: [actionButton('routeToCurators', 'Ask the curators', q, { style: 'primary' })],
      },
    ],
  };
}

/** Where a source opens: its url, or where the platform says it was captured. */
function hrefOf(source: Source, options: AnswerViewOptions): string | null {
  return source.url ?? options.linkFor?.(source) ?? null;
}

function statementItem(statement: Statement, hrefs: ReadonlyMap<number, string | null>): ViewItem {
  return {
    line: [
      `${clip(statement.text, MAX_STATEMENT)} `,
      { citations: statement.citations.map((n) => ({ n, href: hrefs.get(n) ?? null })) },
    ],
  };
}

/** `[n] title — kind, author, account — YYYY-MM-DD`, and `⚠️ not reviewed since March` when overdue. */
export function sourceLine(source: Source, href: string | null, now: Date): Line {
  const title = clip(source.title, MAX_TITLE) || `Source ${source.n}`;
  const by = [source.author, source.account]
    .map((name) => (name ? clip(name, MAX_NAME) : ''))
    .filter(Boolean);
  const parts = [[source.kind, ...by].join(', ')];
  // A bad date in one source should cost that date, not the whole answer.
  if (!Number.isNaN(source.createdAt.getTime())) parts.push(source.createdAt.toISOString().slice(0, 10));
  if (source.staleSince) parts.push(`⚠️ ${notReviewedSince(source.staleSince, now)}`);
  return [
    { citations: [{ n: source.n, href: null }] },
    ' ',
    { text: title, href },
    ` — ${parts.join(' — ')}`,
  ];
}
