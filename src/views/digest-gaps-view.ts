import { askedInPrivateNote, type DigestGaps, type GapList, gapTotal } from '../digest/digest.ts';
import { clip } from './clip.ts';
import { counted, personSpan } from './digest-credit.ts';
import { cappedList, SHOWN_IN_CHAT } from './digest-section.ts';
import type { Line, ViewBlock } from './view-model.ts';

const MAX_QUESTION = 300;

/** Content gaps, for curators: what nobody could answer, what was not helpful, and the review queue. */
export function gapsSection(gaps: DigestGaps, day: (date: Date) => string): ViewBlock[] {
  const unanswered = gapList('Questions nobody could answer', gaps.unanswered, 'question', (question) => [
    `“${clip(question.text, MAX_QUESTION)}”`,
    ...(question.askedBy ? [' — ', personSpan(question.askedBy)] : []),
    `, ${day(question.askedAt)}`,
  ]);
  const notHelpful = gapList('Answers marked not helpful', gaps.notHelpful, 'answer', (answer) => [
    `“${clip(answer.text, MAX_QUESTION)}”: ${counted(answer.votes, 'not-helpful vote')}`,
  ]);
  return [
    { type: 'text', lines: [[{ text: 'Content gaps', bold: true }]] },
    ...unanswered,
    ...notHelpful,
    { type: 'text', lines: [[reviewQueueLine(gaps.reviewQueueSize)]] },
  ];
}

export function reviewQueueLine(size: number): string {
  return `Review queue: ${counted(size, 'entry', 'entries')} waiting.`;
}

/** Questions asked in other private conversations are counted, never quoted, not even in full. */
function gapList<T>(title: string, gap: GapList<T>, noun: string, item: (item: T) => Line): ViewBlock[] {
  if (gapTotal(gap) === 0) return [];
  const blocks: ViewBlock[] = [
    { type: 'text', lines: [[{ text: title, bold: true }, ` (${gapTotal(gap)})`]] },
  ];
  if (gap.items.length > 0) {
    blocks.push(cappedList({ capped: gap, noun, max: SHOWN_IN_CHAT.gaps, item }));
  }
  if (gap.askedInPrivate > 0) {
    blocks.push({ type: 'text', subtle: true, lines: [[askedInPrivateNote(gap.askedInPrivate)]] });
  }
  return blocks;
}
