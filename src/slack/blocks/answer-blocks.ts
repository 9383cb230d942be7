import type { types } from '@slack/bolt';
import type { Answer, Source, Statement } from '../../knowledge/answer/answer-types.ts';
import { entriesNote } from '../../knowledge/answer/days-ago.ts';
import { citationList } from '../../render/citation-list.ts';
import { ACTION_IDS, encodeActionValue } from './action-values.ts';
import { answerReferenceBlocks } from './answer-reference-blocks.ts';
import { packLines, SLACK_LIMITS } from './block-limits.ts';
import { inlineText, linkTarget, mrkdwnLink } from './mrkdwn.ts';
import { type SourceLinks, sourceBlocks } from './source-blocks.ts';

export interface AnswerBlocksOptions {
  now?: Date;
  /** Adds a "Share in channel" button, for answers first shown only to the asker. */
  shareable?: boolean;
  /** A Slack permalink for a source without a url (e.g. chatter captured from a message). */
  permalinkFor?: (source: Source) => string | null;
}

export interface SlackMessage {
  text: string;
  blocks: types.KnownBlock[];
}

/** Each bullet stays well under a section's 3000 characters, links included. */
const MAX_STATEMENT = 700;
const MAX_CITATIONS = 1200;
const MAX_SUBJECT = 300;
const MAX_HEADLINE = 300;
const MAX_FALLBACK = 300;
const MAX_SOURCE_BLOCKS = 5;

export const ANSWER_BLOCK_IDS = {
  actions: 'earshot_answer_actions',
  curators: 'earshot_curators_actions',
} as const;

/** The answer as a Slack message: field chatter and research kept apart, every claim cited. */
export function answerBlocks(answer: Answer, options: AnswerBlocksOptions = {}): SlackMessage {
  const message = answer.heard ? heardBlocks(answer, options) : notHeardBlocks(answer);
  const facets = facetsContext(answer);
  return facets ? { ...message, blocks: [facets, ...message.blocks] } : message;
}

/** "Filtered to: healthcare · CFO · decide stage", so the rep knows what narrowed the answer. */
function facetsContext(answer: Answer): types.ContextBlock | null {
  const labels = answer.facets?.labels ?? [];
  if (labels.length === 0) return null;
  const applied = labels.map((label) => inlineText(label, 80)).join(' · ');
  return { type: 'context', elements: [{ type: 'mrkdwn', text: `Filtered to: ${applied}` }] };
}

function referenceBlocks(answer: Answer): types.KnownBlock[] {
  return answer.references ? answerReferenceBlocks(answer.references) : [];
}

function heardBlocks(answer: Answer, options: AnswerBlocksOptions): SlackMessage {
  const links: SourceLinks = new Map(
    answer.sources.map((source) => [
      source.n,
      linkTarget(source.url) ?? linkTarget(options.permalinkFor?.(source)),
    ]),
  );
  const subject = inlineText(answer.subject, MAX_SUBJECT);
  const { summary, statements } = answer.field;
  const objective = answer.objective.statements;

  const now = options.now ?? new Date();
  const references = referenceBlocks(answer);
  const sources = sourceBlocks(answer.sources, links, MAX_SOURCE_BLOCKS, now);
  const footer: types.KnownBlock[] = [...references, ...sources];
  if (answer.model) {
    const model = inlineText(answer.model, 100);
    footer.push({
      type: 'context',
      elements: [{ type: 'mrkdwn', text: `Written by ${model} from the sources above` }],
    });
  }
  footer.push(feedbackActions(answer.questionId, options.shareable ?? false));

  // The field side and the research side share what the footer leaves of the 50-block budget.
  const budget = SLACK_LIMITS.blocksPerMessage - footer.length;
  const fieldLines =
    statements.length > 0
      ? [fieldHeading(answer, now), ...statements.map((s) => bullet(s, links))]
      : [`Nothing heard from the field yet about ${subject}.`];
  const field = sections(fieldLines, budget - (objective.length > 0 ? 2 : 0));
  const research =
    objective.length > 0
      ? sections(
          ['*Research and expert content*', ...objective.map((s) => bullet(s, links))],
          budget - field.length - 1,
        )
      : [];

  return {
    text:
      statements.length > 0
        ? inlineText(`What the field is hearing about ${answer.subject}: ${summary.headline}`, MAX_FALLBACK)
        : `Nothing heard from the field yet about ${subject}.`,
    blocks: [
      ...field,
      ...(research.length > 0 ? [{ type: 'divider' } as const, ...research] : []),
      ...footer,
    ],
  };
}

function notHeardBlocks(answer: Answer): SlackMessage {
  const subject = inlineText(answer.subject, MAX_SUBJECT);
  if (answer.facets?.withoutFindsMore) return onlyWithoutFacets(answer);
  return {
    text: `Nothing heard yet about ${subject}.`,
    blocks: [
      {
        type: 'section',
        text: {
          type: 'mrkdwn',
          text: `Nothing heard yet about *${subject}*. No chatter, tips, research or expert content matches. The question was logged so curators can fill the gap.`,
        },
      },
      ...referenceBlocks(answer),
      {
        type: 'actions',
        block_id: ANSWER_BLOCK_IDS.curators,
        elements: [button('Ask the curators', ACTION_IDS.routeToCurators, answer.questionId, 'primary')],
      },
    ],
  };
}

/** Nothing within the facets, but the question alone finds something: offer to ask without them. */
function onlyWithoutFacets(answer: Answer): SlackMessage {
  const applied = (answer.facets?.labels ?? []).map((label) => inlineText(label, 80)).join(' · ');
  const text = `Nothing matches *${applied}*, but there are answers without those filters.`;
  return {
    text: `Nothing matches ${applied}, but there are answers without those filters.`,
    blocks: [
      { type: 'section', text: { type: 'mrkdwn', text } },
      {
        type: 'actions',
        block_id: ANSWER_BLOCK_IDS.curators,
        elements: [
          button('Ask without filters', ACTION_IDS.dropFacets, answer.questionId, 'primary'),
          button('Ask the curators', ACTION_IDS.routeToCurators, answer.questionId),
        ],
      },
    ],
  };
}

function fieldHeading(answer: Answer, now: Date) {
  const { summary } = answer.field;
  return `*What the field is hearing* — ${inlineText(summary.headline, MAX_HEADLINE)} (${entriesNote(summary, now)})`;
}

function bullet(statement: Statement, links: SourceLinks) {
  const citations = citationLinks(statement.citations, links);
  return `• ${inlineText(statement.text, MAX_STATEMENT)} ${citations}`.trimEnd();
}

/** `<url|[n]>` for each cited source with somewhere to go, `[n]` otherwise, cut off at a budget. */
function citationLinks(citations: number[], links: SourceLinks) {
  return citationList(citations, links, mrkdwnLink, MAX_CITATIONS);
}

function sections(lines: string[], maxBlocks: number): types.SectionBlock[] {
  return packLines(lines, {
    maxChars: SLACK_LIMITS.sectionText,
    maxChunks: maxBlocks,
    more: (omitted) => `_…and ${omitted} more ${omitted === 1 ? 'statement' : 'statements'}_`,
  }).map((text) => ({ type: 'section', text: { type: 'mrkdwn', text } }));
}

function feedbackActions(questionId: number, shareable: boolean): types.ActionsBlock {
  const elements = [
    button('Helpful', ACTION_IDS.helpful, questionId),
    button('Not helpful', ACTION_IDS.notHelpful, questionId),
  ];
  if (shareable) elements.push(button('Share in channel', ACTION_IDS.share, questionId));
  return { type: 'actions', block_id: ANSWER_BLOCK_IDS.actions, elements };
}

function button(label: string, actionId: string, questionId: number, style?: 'primary'): types.Button {
  return {
    type: 'button',
    text: { type: 'plain_text', text: label },
    action_id: actionId,
    value: encodeActionValue({ q: questionId }),
    ...(style ? { style } : {}),
  };
}
