import type { Digest } from '../digest/digest.ts';
import type { DigestMessage } from '../digest/digest-message.ts';
import { QUIET_WEEK } from '../digest/digest-text.ts';
import { zonedDay, zonedDayRange } from '../digest/zoned-dates.ts';
import { clip } from './clip.ts';
import { counted, credit, personSpan, titleSpan } from './digest-credit.ts';
import { fieldSection } from './digest-field-view.ts';
import { gapsSection, reviewQueueLine } from './digest-gaps-view.ts';
import { listSection, SHOWN_IN_CHAT } from './digest-section.ts';
import { digestSummary } from './digest-summary.ts';
import { KIND_LABELS } from './kind-labels.ts';
import type { Line, MessageView, ViewBlock } from './view-model.ts';

export const DIGEST_NOTES = {
  late: 'Late: Earshot was offline at the scheduled time',
  preview: 'Preview — only you can see this',
  forCurators: 'For curators: includes content gaps and the review queue',
} as const;

const MAX_TOPICS = 500;
const MAX_NAME = 80;
/** A command longer than this (thousands of typed topics) is cut: a message that breaks limits is lost. */
const MAX_COMMAND = 1900;

/**
 * The weekly digest: what the field is hearing, new tips credited to who shared them, older tips cited
 * this week, new research, buying triggers, content gaps (curators only) and top contributors. Each
 * section shows its first few items; when any is cut, the command that prints it in full follows.
 */
export function digestView(message: DigestMessage): MessageView {
  const { digest, timeZone } = message;
  const period = periodLabel(digest, timeZone);
  const blocks: ViewBlock[] = [{ type: 'heading', text: `Earshot digest · ${period}` }, ...notes(message)];
  const fallback = digestSummary(message, period);
  if (digest.empty) {
    const queue = digest.gaps?.reviewQueueSize ?? 0;
    blocks.push({ type: 'text', lines: [[QUIET_WEEK], ...(queue > 0 ? [[reviewQueueLine(queue)]] : [])] });
    return { fallback, blocks };
  }
  const day = (date: Date) => zonedDay(date, timeZone);
  const sections = [
    fieldSection(digest),
    ...listSections(digest, day),
    digest.gaps ? gapsSection(digest.gaps, day) : [],
    listSection({
      title: 'Top contributors',
      capped: digest.contributors,
      noun: 'contributor',
      max: SHOWN_IN_CHAT.contributors,
      bullets: false,
      item: (person, index): Line => [
        `${index + 1}. `,
        personSpan(person.person),
        `: ${counted(person.entries, 'entry', 'entries')}`,
      ],
    }),
  ].filter((section) => section.length > 0);
  sections.forEach((section, index) => {
    if (index > 0) blocks.push({ type: 'divider' });
    blocks.push(...section);
  });
  const full: ViewBlock = {
    type: 'text',
    subtle: true,
    lines: [['Full digest: ', { code: clip(message.showCommand, MAX_COMMAND) }]],
  };
  return { fallback, blocks, whenCut: [full] };
}

function listSections(digest: Digest, day: (date: Date) => string): ViewBlock[][] {
  return [
    listSection({
      title: 'New tips',
      capped: digest.tips,
      noun: 'tip',
      max: SHOWN_IN_CHAT.tips,
      item: (tip) => [titleSpan(tip), ...credit(tip.author)],
    }),
    listSection({
      title: 'Older tips cited this week',
      capped: digest.citedTips,
      noun: 'tip',
      max: SHOWN_IN_CHAT.citedTips,
      item: (tip) => [titleSpan(tip), ...credit(tip.author), ` · cited ${counted(tip.citations, 'time')}`],
    }),
    listSection({
      title: 'New research and expert content',
      capped: digest.research,
      noun: 'entry',
      nouns: 'entries',
      max: SHOWN_IN_CHAT.research,
      item: (entry) => [`${KIND_LABELS[entry.kind]}: `, titleSpan(entry), ...credit(entry.author)],
    }),
    listSection({
      title: 'Buying triggers',
      capped: digest.triggers,
      noun: 'trigger',
      max: SHOWN_IN_CHAT.triggers,
      item: (trigger) => {
        const account = trigger.account ? ` · ${clip(trigger.account, MAX_NAME)}` : '';
        return [
          `${day(trigger.occurredAt)} · ${clip(trigger.typeLabel, MAX_NAME)}${account}: `,
          titleSpan(trigger),
        ];
      },
    }),
  ];
}

function notes(message: DigestMessage): ViewBlock[] {
  const { digest } = message;
  const lines: Line[] = [];
  if (message.preview) lines.push([{ text: `👀 ${DIGEST_NOTES.preview}`, bold: true }]);
  if (message.late) lines.push([`⏳ ${DIGEST_NOTES.late}`]);
  if (digest.topics) lines.push([`Topics: ${clip(digest.topics.join(', '), MAX_TOPICS)}`]);
  if (digest.gaps) lines.push([DIGEST_NOTES.forCurators]);
  return lines.length > 0 ? [{ type: 'text', subtle: true, lines }] : [];
}

/** "16–22 Nov 2026" in the subscription's zone. */
export function periodLabel(digest: Digest, timeZone: string): string {
  // The period ends just before `to`; its last day is the day of the millisecond before.
  const lastDay = new Date(digest.period.to.getTime() - 1);
  return zonedDayRange(digest.period.from, lastDay, timeZone);
}
