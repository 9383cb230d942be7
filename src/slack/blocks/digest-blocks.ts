import type { types } from '@slack/bolt';
import {
  askedInPrivateNote,
  type Capped,
  type Digest,
  type DigestExample,
  type DigestTheme,
  type GapList,
  gapTotal,
  type UnansweredQuestion,
  type UnhelpfulAnswer,
} from '../../digest/digest.ts';
import type { DigestMessage } from '../../digest/digest-message.ts';
import { QUIET_WEEK } from '../../digest/digest-text.ts';
import { zonedDay, zonedDayRange } from '../../digest/zoned-dates.ts';
import type { SlackMessage } from './answer-blocks.ts';
import { SLACK_LIMITS } from './block-limits.ts';
import { KIND_LABELS, plainText } from './curation-modals.ts';
import { inlineText, linkTarget, mrkdwnLink } from './mrkdwn.ts';

export const DIGEST_NOTES = {
  late: 'Late: Earshot was offline at the scheduled time',
  preview: 'Preview — only you can see this',
} as const;

const MAX_HEADER = 150;
const MAX_FALLBACK = 300;
const MAX_TITLE = 200;
const MAX_EXCERPT = 300;
const MAX_NAME = 80;
const MAX_TOPICS = 500;
const MAX_COMMAND = 2900;

/**
 * How many items of each section chat shows; the rest are counted and left to the full digest. With
 * these the longest digest is about 25 blocks: header, notes, 1 + 5 + 1 for themes, one block per other
 * list (gaps take up to four), a divider between sections and the closing pointer, well under Slack's 50.
 */
const SHOWN = {
  themes: 5,
  examples: 3,
  tips: 5,
  citedTips: 5,
  research: 5,
  triggers: 8,
  gaps: 5,
  contributors: 5,
} as const;

/** Blocks of one part of the digest, and whether it left something out for the full digest. */
interface Part {
  blocks: types.KnownBlock[];
  cut: boolean;
}

/**
 * A digest as a Slack message: what the field is hearing, new tips credited to their authors, older
 * tips cited this week, new research, buying triggers, content gaps (curators only) and top
 * contributors. Long sections show their first items and point to the full digest.
 */
export function digestBlocks(message: DigestMessage): SlackMessage {
  const { digest, timeZone } = message;
  const period = periodLabel(digest, timeZone);
  const blocks: types.KnownBlock[] = [
    {
      type: 'header',
      text: { type: 'plain_text', text: plainText(`Earshot digest · ${period}`, MAX_HEADER) },
    },
  ];
  const notes = noteElements(message);
  if (notes.length > 0) blocks.push({ type: 'context', elements: notes });
  if (digest.empty) {
    const queue = digest.gaps?.reviewQueueSize ?? 0;
    blocks.push(section([QUIET_WEEK, ...(queue > 0 ? [reviewQueueLine(queue)] : [])].join('\n')));
    return { text: fallback(message, period, 'quiet week, nothing new was heard'), blocks };
  }
  const parts = [
    fieldPart(digest),
    listPart(
      'New tips',
      digest.tips,
      SHOWN.tips,
      (tip) => `• ${titleLink(tip.title, tip.url)}${credit(tip.author)}`,
    ),
    listPart(
      'Older tips cited this week',
      digest.citedTips,
      SHOWN.citedTips,
      (tip) =>
        `• ${titleLink(tip.title, tip.url)}${credit(tip.author)} · cited ${plural(tip.citations, 'time')}`,
    ),
    listPart(
      'New research and expert content',
      digest.research,
      SHOWN.research,
      (entry) => `• ${KIND_LABELS[entry.kind]}: ${titleLink(entry.title, entry.url)}${credit(entry.author)}`,
    ),
    listPart('Buying triggers', digest.triggers, SHOWN.triggers, (trigger) => {
      const account = trigger.account ? ` · ${inlineText(trigger.account, MAX_NAME)}` : '';
      const what = `${zonedDay(trigger.occurredAt, timeZone)} · ${inlineText(trigger.typeLabel, MAX_NAME)}${account}`;
      return `• ${what}: ${titleLink(trigger.title, trigger.url)}`;
    }),
    gapsPart(digest, timeZone),
    listPart(
      'Top contributors',
      digest.contributors,
      SHOWN.contributors,
      (person, index) => `${index + 1}. ${who(person.person)}: ${plural(person.entries, 'entry', 'entries')}`,
    ),
  ].filter((part) => part.blocks.length > 0);
  parts.forEach((part, index) => {
    if (index > 0) blocks.push({ type: 'divider' });
    blocks.push(...part.blocks);
  });
  if (parts.some((part) => part.cut)) {
    blocks.push(context(`Full digest: \`${inlineText(message.showCommand, MAX_COMMAND)}\``));
  }
  return { text: fallback(message, period, summary(digest)), blocks };
}

function periodLabel(digest: Digest, timeZone: string): string {
  // The period ends just before `to`; its last day is the day of the millisecond before.
  const lastDay = new Date(digest.period.to.getTime() - 1);
  return zonedDayRange(digest.period.from, lastDay, timeZone);
}

function noteElements(message: DigestMessage): types.MrkdwnElement[] {
  const { digest } = message;
  const notes = [
    message.preview ? `:eyes: *${DIGEST_NOTES.preview}*` : null,
    message.late ? `:hourglass: ${DIGEST_NOTES.late}` : null,
    digest.topics ? `Topics: ${inlineText(digest.topics.join(', '), MAX_TOPICS)}` : null,
    digest.gaps ? 'For curators: includes content gaps' : null,
  ];
  return notes.filter((note) => note !== null).map((text) => ({ type: 'mrkdwn', text }));
}

/** The notification text: which week and what is in it, in one short line. */
function fallback(message: DigestMessage, period: string, what: string): string {
  const prefix = message.preview ? 'Preview of the ' : message.late ? 'Late ' : '';
  return inlineText(`${prefix}Earshot digest, ${period}: ${what}`, MAX_FALLBACK);
}

function summary(digest: Digest): string {
  const total = (capped: Capped<unknown>) => capped.items.length + capped.more;
  const parts = [
    digest.chatter.entries > 0
      ? `${plural(digest.chatter.entries, 'field note')} from ${plural(digest.chatter.reps, 'rep')}`
      : null,
    total(digest.tips) > 0 ? plural(total(digest.tips), 'new tip') : null,
    total(digest.citedTips) > 0 ? `${plural(total(digest.citedTips), 'older tip')} cited` : null,
    total(digest.research) > 0
      ? plural(total(digest.research), 'new research entry', 'new research entries')
      : null,
    total(digest.triggers) > 0 ? plural(total(digest.triggers), 'buying trigger') : null,
    digest.gaps && gapTotal(digest.gaps.unanswered) > 0
      ? plural(gapTotal(digest.gaps.unanswered), 'unanswered question')
      : null,
  ].filter((part) => part !== null);
  return parts.length > 0 ? parts.join(', ') : 'content gaps for curators';
}

function fieldPart(digest: Digest): Part {
  const { chatter, themes } = digest;
  if (chatter.entries === 0) return { blocks: [], cut: false };
  const intro = `${plural(chatter.entries, 'new field note')} from ${plural(chatter.reps, 'rep')} across ${plural(chatter.accounts, 'account')}.`;
  const shown = themes.items.slice(0, SHOWN.themes);
  const hidden = themes.items.length - shown.length + themes.more;
  const blocks: types.KnownBlock[] = [
    section(`*What the field is hearing*\n${intro}`),
    ...shown.map(themeBlock),
  ];
  if (hidden > 0) blocks.push(context(`_…and ${plural(hidden, 'more theme')}_`));
  return { blocks, cut: hidden > 0 };
}

function themeBlock(theme: DigestTheme): types.SectionBlock {
  const label = inlineText(theme.label, MAX_NAME) || 'Other';
  const heading = `*${label}* · ${plural(theme.entries, 'note')} from ${plural(theme.reps, 'rep')} across ${plural(theme.accounts, 'account')}`;
  const lines = [heading];
  let length = heading.length;
  for (const example of theme.examples.slice(0, SHOWN.examples)) {
    const line = exampleLine(example);
    if (length + 1 + line.length > SLACK_LIMITS.sectionText) break;
    lines.push(line);
    length += 1 + line.length;
  }
  return section(lines.join('\n'));
}

function exampleLine(example: DigestExample): string {
  const quote = inlineText(example.excerpt || example.title, MAX_EXCERPT);
  const by = [
    example.author ? who(example.author) : null,
    example.account ? inlineText(example.account, MAX_NAME) : null,
  ]
    .filter((part) => part !== null)
    .join(', ');
  const target = linkTarget(example.url);
  return `• “${quote}”${by ? ` — ${by}` : ''}${target ? ` · ${mrkdwnLink(target, 'source')}` : ''}`;
}

function listPart<T>(
  title: string,
  capped: Capped<T>,
  max: number,
  line: (item: T, index: number) => string,
): Part {
  if (capped.items.length === 0) return { blocks: [], cut: false };
  const shown = capped.items.slice(0, max);
  const heading = `*${title}* (${capped.items.length + capped.more})`;
  const packed = listSection(heading, shown.map(line), capped.items.length - shown.length + capped.more);
  return { blocks: [packed.block], cut: packed.cut };
}

function gapsPart(digest: Digest, timeZone: string): Part {
  if (!digest.gaps) return { blocks: [], cut: false };
  const { unanswered, notHelpful, reviewQueueSize } = digest.gaps;
  const queue = reviewQueueLine(reviewQueueSize);
  const lists = [
    {
      title: 'Questions nobody could answer',
      gap: unanswered as GapList<UnansweredQuestion | UnhelpfulAnswer>,
    },
    { title: 'Answers marked not helpful', gap: notHelpful },
  ].filter((list) => gapTotal(list.gap) > 0);
  if (lists.length === 0) return { blocks: [section(`*Content gaps*\n${queue}`)], cut: false };
  const packed = lists.map(({ title, gap }, index) => {
    const shown = gap.items.slice(0, SHOWN.gaps);
    const heading = `${index === 0 ? '*Content gaps*\n' : ''}_${title} (${gapTotal(gap)})_`;
    const lines = shown.map((item) => {
      const text = `• “${inlineText(item.text, MAX_EXCERPT)}”`;
      if ('votes' in item) return `${text}: ${plural(item.votes, 'not-helpful vote')}`;
      return `${text}${item.askedBy ? ` — ${who(item.askedBy)}` : ''}, ${zonedDay(item.askedAt, timeZone)}`;
    });
    const list = listSection(heading, lines, gap.items.length - shown.length + gap.more);
    // Questions asked in other private conversations are counted, never quoted, not even in full.
    const note = gap.askedInPrivate > 0 ? [context(`_${askedInPrivateNote(gap.askedInPrivate)}_`)] : [];
    return { blocks: [list.block, ...note], cut: list.cut };
  });
  return {
    blocks: [...packed.flatMap((list) => list.blocks), context(queue)],
    cut: packed.some((list) => list.cut),
  };
}

/**
 * A heading and bullet lines in one section, as many as fit in Slack's 3000 characters; the lines
 * left out, and `hidden` more, are counted in a closing "…and N more".
 */
function listSection(
  heading: string,
  lines: string[],
  hidden: number,
): { block: types.SectionBlock; cut: boolean } {
  const max = SLACK_LIMITS.sectionText;
  const kept = [heading];
  let length = heading.length;
  for (const [index, line] of lines.entries()) {
    const left = lines.length - index - 1 + hidden;
    const tail = left > 0 ? 1 + moreLine(left).length : 0;
    if (length + 1 + line.length + tail > max) break;
    kept.push(line);
    length += 1 + line.length;
  }
  const left = lines.length - (kept.length - 1) + hidden;
  if (left > 0) kept.push(moreLine(left));
  return { block: section(kept.join('\n')), cut: left > 0 };
}

function moreLine(count: number): string {
  return `_…and ${count} more_`;
}

function reviewQueueLine(size: number): string {
  return `Review queue: ${plural(size, 'entry', 'entries')} waiting.`;
}

function titleLink(title: string, url: string | null): string {
  const label = inlineText(title, MAX_TITLE) || 'Untitled';
  const target = linkTarget(url);
  return `*${target ? mrkdwnLink(target, label) : label}*`;
}

function credit(person: string | null): string {
  return person ? ` — ${who(person)}` : '';
}

/**
 * A person credited: a mention when Earshot stored their Slack user id (no name could be looked up),
 * else their name as typed. Slack ids always have digits, which keeps names like "UBS" plain text.
 */
function who(person: string): string {
  const id = person.trim();
  return /^[UW][A-Z0-9_]{4,}$/.test(id) && /\d/.test(id) ? `<@${id}>` : inlineText(person, MAX_NAME);
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

function section(text: string): types.SectionBlock {
  return { type: 'section', text: { type: 'mrkdwn', text } };
}

function context(text: string): types.ContextBlock {
  return { type: 'context', elements: [{ type: 'mrkdwn', text }] };
}
