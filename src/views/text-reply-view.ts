import { questionSubject } from '../knowledge/answer/question-subject.ts';
import { clip } from './clip.ts';
import type { Line, MessageView } from './view-model.ts';

const MAX_TEXT = 4000;
const MAX_SUBJECT = 300;

/** A reply of one paragraph: thanks, refusals, apologies, "Approved by …". The text is raw. */
export function textReplyView(text: string): MessageView {
  const shown = text.length > MAX_TEXT ? `${text.slice(0, MAX_TEXT - 1)}…` : text;
  return { fallback: shown, blocks: [{ type: 'text', lines: [[shown]] }] };
}

/** "Looking into what the field has heard about *SSO*…", with the subject of the question in bold. */
export function lookingLine(question: string): Line {
  return [
    'Looking into what the field has heard about ',
    { text: clip(questionSubject(question), MAX_SUBJECT), bold: true },
    '…',
  ];
}

/** The placeholder shown at once and replaced by the answer when it is ready. */
export function lookingView(question: string): MessageView {
  const line = lookingLine(question);
  const words = line
    .map((span) => (typeof span === 'string' ? span : 'text' in span ? span.text : ''))
    .join('');
  return { fallback: words, blocks: [{ type: 'text', subtle: true, lines: [['⏳ ', ...line]] }] };
}
