import {
  askedInPrivateNote,
  type Capped,
  type Digest,
  type DigestExample,
  type DigestGaps,
  type DigestTheme,
  type GapList,
  gapTotal,
} from '../../digest/digest.ts';
import type { DigestMessage } from '../../digest/digest-message.ts';
import { QUIET_WEEK } from '../../digest/digest-text.ts';
import { zoned, zonedDay } from '../../digest/zoned-dates.ts';
import { type CardElement, paragraph, type RichCard, type RichTextBlock, richCard } from './card-elements.ts';
import { inlineText, linkTarget, markdownLink, neutralizeLabel } from './card-markdown.ts';
import { cardBytes, MAX_CARD_BYTES, type TextBlock } from './card-types.ts';

/**
 * How many items each section shows and examples each theme; the first that fits Teams' message limit
 * wins (long links are what can make a week's digest too big).
 */
const SHOWN: ReadonlyArray<Shown> = [
  { items: 5, examples: 3 },
  { items: 4, examples: 2 },
  { items: 3, examples: 2 },
  { items: 2, examples: 1 },
  { items: 1, examples: 1 },
];

const MAX_TITLE = 150;
const MAX_EXCERPT = 200;
const MAX_NAME = 80;
const MAX_QUESTION = 200;

interface Shown {
  items: number;
  examples: number;
}

/** Dates in the subscription's zone, as the period in the title. */
interface Days {
  day(date: Date): string;
  period(from: Date, to: Date): string;
}

/**
 * The weekly digest as an Adaptive Card, in digestText's section order: a few items per section, each
 * cut section ending with "…and N more", then the command that prints the digest in full.
 */
export function digestCard(message: DigestMessage): RichCard {
  let card = render(message, SHOWN[0] as Shown);
  for (const shown of SHOWN.slice(1)) {
    if (cardBytes(card) <= MAX_CARD_BYTES) break;
    card = render(message, shown);
  }
  return card;
}

/** One line for notifications and clients that cannot show the card. */
export function digestSummary(message: DigestMessage): string {
  const { digest } = message;
  const title = `Earshot digest, ${daysIn(message.timeZone).period(digest.period.from, digest.period.to)}`;
  if (digest.empty) return `${title}: ${QUIET_WEEK}`;
  const counts = [
    digest.chatter.entries > 0 ? plural(digest.chatter.entries, 'field note') : '',
    total(digest.tips) > 0 ? plural(total(digest.tips), 'new tip') : '',
    total(digest.research) > 0 ? `${total(digest.research)} research and expert` : '',
    total(digest.triggers) > 0 ? plural(total(digest.triggers), 'buying trigger') : '',
  ].filter(Boolean);
  return counts.length > 0 ? `${title}: ${counts.join(', ')}` : title;
}

function render(message: DigestMessage, shown: Shown): RichCard {
  const { digest } = message;
  const days = daysIn(message.timeZone);
  const body: CardElement[] = [
    paragraph(`**Earshot digest** · ${days.period(digest.period.from, digest.period.to)}`, {
      size: 'Large',
    }),
    ...(message.preview ? [note('👁 Preview — only you can see this')] : []),
    ...(message.late ? [note('⏰ Late: Earshot was offline at the scheduled time')] : []),
    ...(digest.topics ? [note(`Topics: ${inlineText(digest.topics.join(', '), 300)}`)] : []),
    ...(digest.forCurators ? [note('For curators: with content gaps and the review queue')] : []),
  ];
  if (digest.empty) {
    body.push(paragraph(QUIET_WEEK, { spacing: 'Medium' }));
    if (digest.gaps && digest.gaps.reviewQueueSize > 0) body.push(paragraph(reviewQueue(digest.gaps)));
    return richCard({ fallbackText: digestSummary(message), body });
  }
  const sections = [
    themes(digest, shown),
    section('New tips', digest.tips, shown, 'tip', (tip) => `• ${titled(tip)}${by(tip.author)}`),
    section(
      'Older tips cited this week',
      digest.citedTips,
      shown,
      'tip',
      (tip) => `• ${titled(tip)}${by(tip.author)} · cited ${plural(tip.citations, 'time')}`,
    ),
    section(
      'New research and expert content',
      digest.research,
      shown,
      'entry',
      (entry) => `• _${entry.kind}_ · ${titled(entry)}${by(entry.author)}`,
    ),
    section('Buying triggers', digest.triggers, shown, 'trigger', (trigger) => {
      const account = trigger.account ? ` · ${inlineText(trigger.account, MAX_NAME)}` : '';
      return `• ${days.day(trigger.occurredAt)} · **${inlineText(trigger.typeLabel, 60, neutralizeLabel)}**${account}: ${titled(trigger)}`;
    }),
    digest.gaps ? gaps(digest.gaps, shown, days) : { elements: [], cut: false },
    section(
      'Top contributors',
      digest.contributors,
      shown,
      'contributor',
      (person) => `• ${inlineText(person.person, MAX_NAME)} · ${plural(person.entries, 'entry', 'entries')}`,
    ),
  ];
  body.push(...sections.flatMap((part) => part.elements));
  if (sections.some((part) => part.cut)) body.push(fullDigest(message.showCommand));
  return richCard({ fallbackText: digestSummary(message), body });
}

interface Part {
  elements: CardElement[];
  /** Some of it was left out: the card then points to the full digest. */
  cut: boolean;
}

function themes(digest: Digest, shown: Shown): Part {
  const { chatter } = digest;
  if (chatter.entries === 0) return { elements: [], cut: false };
  const elements: CardElement[] = [
    heading('What the field is hearing'),
    paragraph(
      `${plural(chatter.entries, 'new field note')} from ${plural(chatter.reps, 'rep')} across ${plural(chatter.accounts, 'account')}.`,
    ),
  ];
  const listed = digest.themes.items.slice(0, shown.items);
  for (const theme of listed) elements.push(themeBlock(theme, shown));
  const hidden = total(digest.themes) - listed.length;
  if (hidden > 0) elements.push(moreLine(hidden, 'theme'));
  const fewerExamples = listed.some((theme) => theme.examples.length > shown.examples);
  return { elements, cut: hidden > 0 || fewerExamples };
}

function themeBlock(theme: DigestTheme, shown: Shown): CardElement {
  const counts = `${plural(theme.entries, 'entry', 'entries')} from ${plural(theme.reps, 'rep')} across ${plural(theme.accounts, 'account')}`;
  return {
    type: 'Container',
    spacing: 'Medium',
    items: [
      paragraph(`**${inlineText(theme.label, MAX_NAME, neutralizeLabel)}** · ${counts}`),
      ...theme.examples
        .slice(0, shown.examples)
        .map((example) => paragraph(exampleLine(example), { spacing: 'Small' })),
    ],
  };
}

/** • “excerpt” — author, account; the excerpt links to the source when it may. */
function exampleLine(example: DigestExample): string {
  const target = linkTarget(example.url);
  const quoted = `“${inlineText(example.excerpt || example.title, MAX_EXCERPT, target ? neutralizeLabel : undefined)}”`;
  const who = [example.author, example.account]
    .filter((part): part is string => !!part)
    .map((part) => inlineText(part, MAX_NAME));
  return `• ${target ? markdownLink(target, quoted) : quoted}${who.length > 0 ? ` — ${who.join(', ')}` : ''}`;
}

function gaps(gaps: DigestGaps, shown: Shown, days: Days): Part {
  const unanswered = gapList(
    'Questions nobody could answer',
    gaps.unanswered,
    shown,
    'question',
    (question) =>
      `• “${inlineText(question.text, MAX_QUESTION)}”${question.askedBy ? ` — ${inlineText(question.askedBy, MAX_NAME)}` : ''} · ${days.day(question.askedAt)}`,
  );
  const notHelpful = gapList(
    'Answers marked not helpful',
    gaps.notHelpful,
    shown,
    'answer',
    (answer) => `• “${inlineText(answer.text, MAX_QUESTION)}” · ${plural(answer.votes, 'not-helpful vote')}`,
  );
  return {
    elements: [
      heading('For curators: content gaps'),
      ...unanswered.elements,
      ...notHelpful.elements,
      paragraph(reviewQueue(gaps), { spacing: 'Medium' }),
    ],
    cut: unanswered.cut || notHelpful.cut,
  };
}

/** A gap list: questions asked in other private conversations are counted, never quoted. */
function gapList<T>(
  title: string,
  gap: GapList<T>,
  shown: Shown,
  noun: string,
  line: (item: T) => string,
): Part {
  if (gapTotal(gap) === 0) return { elements: [], cut: false };
  const label = paragraph(`**${title}** (${gapTotal(gap)})`, { spacing: 'Medium' });
  const listed =
    gap.items.length > 0 ? labelled(label, gap, shown, noun, line) : { elements: [label], cut: false };
  const note =
    gap.askedInPrivate > 0
      ? [paragraph(askedInPrivateNote(gap.askedInPrivate), { isSubtle: true, spacing: 'Small' })]
      : [];
  return { elements: [...listed.elements, ...note], cut: listed.cut };
}

function section<T>(
  title: string,
  capped: Capped<T>,
  shown: Shown,
  noun: string,
  line: (item: T) => string,
): Part {
  return labelled(heading(`${title} (${total(capped)})`), capped, shown, noun, line);
}

/** The label, the first few items and "…and N more"; nothing at all for an empty list. */
function labelled<T>(
  label: TextBlock,
  capped: Capped<T>,
  shown: Shown,
  noun: string,
  line: (item: T) => string,
): Part {
  if (capped.items.length === 0) return { elements: [], cut: false };
  const listed = capped.items.slice(0, shown.items);
  const hidden = total(capped) - listed.length;
  return {
    elements: [
      label,
      ...listed.map((item) => paragraph(line(item), { spacing: 'Small' })),
      ...(hidden > 0 ? [moreLine(hidden, noun)] : []),
    ],
    cut: hidden > 0,
  };
}

/** A title, linked to its source when the link is safe to show. */
function titled(item: { title: string; url: string | null }): string {
  const target = linkTarget(item.url);
  if (!target) return inlineText(item.title, MAX_TITLE);
  return markdownLink(target, inlineText(item.title, MAX_TITLE, neutralizeLabel));
}

function by(person: string | null): string {
  return person ? ` — by ${inlineText(person, MAX_NAME)}` : '';
}

function reviewQueue(gaps: DigestGaps): string {
  return `Review queue: ${plural(gaps.reviewQueueSize, 'entry', 'entries')} waiting.`;
}

function heading(title: string): TextBlock {
  return paragraph(`**${title}**`, { separator: true, spacing: 'Medium' });
}

function note(text: string): TextBlock {
  return paragraph(text, { isSubtle: true, spacing: 'None' });
}

function moreLine(hidden: number, noun: string): TextBlock {
  const nouns = noun === 'entry' ? 'entries' : `${noun}s`;
  return paragraph(`_…and ${hidden} more ${hidden === 1 ? noun : nouns}_`, {
    size: 'Small',
    spacing: 'Small',
  });
}

/** Plain text runs: the command may carry typed topics, which must not be read as markdown. */
function fullDigest(showCommand: string): RichTextBlock {
  return {
    type: 'RichTextBlock',
    separator: true,
    spacing: 'Medium',
    inlines: [
      { type: 'TextRun', text: 'Full digest: ', isSubtle: true, size: 'Small' },
      { type: 'TextRun', text: showCommand, fontType: 'Monospace', size: 'Small' },
    ],
  };
}

function total(capped: Capped<unknown>): number {
  return capped.items.length + capped.more;
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

function daysIn(timeZone: string): Days {
  const local = (date: Date) => zoned(date, timeZone);
  return {
    day: (date) => zonedDay(date, timeZone),
    period: (from, to) => {
      const first = local(from);
      // The period ends just before `to`; its last day is the day of the millisecond before.
      const last = local(new Date(to.getTime() - 1));
      if (first.hasSame(last, 'day')) return last.toFormat('ccc d LLL yyyy');
      const start = first.toFormat(first.hasSame(last, 'year') ? 'ccc d LLL' : 'ccc d LLL yyyy');
      return `${start} – ${last.toFormat('ccc d LLL yyyy')}`;
    },
  };
}
