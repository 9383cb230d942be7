import {
  askedInPrivateNote,
  type Capped,
  type Digest,
  type DigestExample,
  type GapList,
  gapTotal,
} from './digest.ts';

export const QUIET_WEEK = 'Quiet week: nothing new was heard.';

/** A digest as plain text with light Markdown: `earshot digest show` and the fallback text of chat posts. */
export function digestText(digest: Digest, options: { timeZone?: string } = {}): string {
  const day = dayFormatter(options.timeZone ?? 'UTC');
  // The period ends just before `to`; its last day is the day of the millisecond before.
  const lastDay = new Date(digest.period.to.getTime() - 1);
  const lines = [`# Earshot digest: ${day(digest.period.from)} – ${day(lastDay)}`];
  if (digest.topics) lines.push(`Topics: ${digest.topics.join(', ')}`);
  if (digest.empty) {
    lines.push('', QUIET_WEEK);
    if (digest.gaps && digest.gaps.reviewQueueSize > 0)
      lines.push(reviewQueueLine(digest.gaps.reviewQueueSize));
    return lines.join('\n');
  }
  lines.push(...themesSection(digest));
  lines.push(
    ...section(
      'New tips',
      digest.tips,
      (tip) => `- ${oneLine(tip.title)}${credit(tip.author)}${link(tip.url)}`,
    ),
  );
  lines.push(
    ...section(
      'Older tips cited this week',
      digest.citedTips,
      (tip) => `- ${oneLine(tip.title)}${credit(tip.author)}: cited ${plural(tip.citations, 'time')}`,
    ),
  );
  lines.push(
    ...section(
      'New research and expert content',
      digest.research,
      (entry) => `- [${entry.kind}] ${oneLine(entry.title)}${credit(entry.author)}${link(entry.url)}`,
    ),
  );
  lines.push(
    ...section('Buying triggers', digest.triggers, (trigger) => {
      const account = trigger.account ? ` · ${oneLine(trigger.account)}` : '';
      return `- ${day(trigger.occurredAt)} · ${trigger.typeLabel}${account}: ${oneLine(trigger.title)}${link(trigger.url)}`;
    }),
  );
  if (digest.gaps) {
    const { unanswered, notHelpful, reviewQueueSize } = digest.gaps;
    lines.push('', '## Content gaps');
    lines.push(
      ...gapList('Questions nobody could answer', unanswered, (question) => {
        return `- "${oneLine(question.text)}"${credit(question.askedBy)}, ${day(question.askedAt)}`;
      }),
    );
    lines.push(
      ...gapList(
        'Answers marked not helpful',
        notHelpful,
        (answer) => `- "${oneLine(answer.text)}": ${plural(answer.votes, 'not-helpful vote')}`,
      ),
    );
    lines.push(reviewQueueLine(reviewQueueSize));
  }
  lines.push(
    ...section(
      'Top contributors',
      digest.contributors,
      (person, index) =>
        `${index + 1}. ${oneLine(person.person)}: ${plural(person.entries, 'entry', 'entries')}`,
    ),
  );
  return lines.join('\n');
}

function themesSection(digest: Digest): string[] {
  const { chatter, themes } = digest;
  if (chatter.entries === 0) return [];
  const lines = [
    '',
    '## What the field is hearing',
    `${plural(chatter.entries, 'new field note')} from ${plural(chatter.reps, 'rep')} across ${plural(chatter.accounts, 'account')}.`,
  ];
  for (const theme of themes.items) {
    lines.push(
      '',
      `### ${oneLine(theme.label)}: ${plural(theme.entries, 'note')}, ${plural(theme.reps, 'rep')}, ${plural(theme.accounts, 'account')}`,
    );
    for (const example of theme.examples) lines.push(exampleLine(example));
  }
  if (themes.more > 0) lines.push('', `…and ${plural(themes.more, 'more theme')}.`);
  return lines;
}

function exampleLine(example: DigestExample): string {
  const who = [example.author, example.account].filter(Boolean).map((part) => oneLine(part as string));
  return `- "${oneLine(example.excerpt)}"${who.length > 0 ? ` (${who.join(', ')})` : ''}${link(example.url)}`;
}

function section<T>(title: string, capped: Capped<T>, line: (item: T, index: number) => string): string[] {
  if (capped.items.length === 0) return [];
  return ['', ...list(`## ${title}`, capped, line)];
}

function list<T>(title: string, capped: Capped<T>, line: (item: T, index: number) => string): string[] {
  if (capped.items.length === 0) return [];
  const lines = [`${title} (${capped.items.length + capped.more})`, ...capped.items.map(line)];
  if (capped.more > 0) lines.push(`…and ${capped.more} more.`);
  return lines;
}

function gapList<T>(title: string, gap: GapList<T>, line: (item: T) => string): string[] {
  if (gapTotal(gap) === 0) return [];
  const lines = [`${title} (${gapTotal(gap)})`, ...gap.items.map(line)];
  if (gap.more > 0) lines.push(`…and ${gap.more} more.`);
  if (gap.askedInPrivate > 0) lines.push(askedInPrivateNote(gap.askedInPrivate));
  return lines;
}

function reviewQueueLine(size: number): string {
  return `Review queue: ${plural(size, 'entry', 'entries')} waiting.`;
}

function credit(person: string | null): string {
  return person ? ` (${oneLine(person)})` : '';
}

function link(url: string | null): string {
  return url ? ` <${url}>` : '';
}

function oneLine(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${count} ${count === 1 ? singular : pluralForm}`;
}

function dayFormatter(timeZone: string): (date: Date) => string {
  // en-CA formats as YYYY-MM-DD.
  const format = new Intl.DateTimeFormat('en-CA', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  });
  return (date) => format.format(date);
}
