import { type Capped, type Digest, gapTotal } from '../digest/digest.ts';
import type { DigestMessage } from '../digest/digest-message.ts';
import { counted } from './digest-credit.ts';

/** The notification line: which week and what is in it, e.g. "Late Earshot digest, 16–22 Nov 2026: 2 new tips". */
export function digestSummary(message: DigestMessage, period: string): string {
  const prefix = message.preview ? 'Preview of the ' : message.late ? 'Late ' : '';
  const what = message.digest.empty ? 'quiet week, nothing new was heard' : contents(message.digest);
  return `${prefix}Earshot digest, ${period}: ${what}`;
}

function contents(digest: Digest): string {
  const total = (capped: Capped<unknown>) => capped.items.length + capped.more;
  const parts = [
    digest.chatter.entries > 0
      ? `${counted(digest.chatter.entries, 'field note')} from ${counted(digest.chatter.reps, 'rep')}`
      : null,
    total(digest.tips) > 0 ? counted(total(digest.tips), 'new tip') : null,
    total(digest.citedTips) > 0 ? `${counted(total(digest.citedTips), 'older tip')} cited` : null,
    total(digest.research) > 0
      ? counted(total(digest.research), 'new research entry', 'new research entries')
      : null,
    total(digest.triggers) > 0 ? counted(total(digest.triggers), 'buying trigger') : null,
    digest.gaps && gapTotal(digest.gaps.unanswered) > 0
      ? counted(gapTotal(digest.gaps.unanswered), 'unanswered question')
      : null,
  ].filter((part) => part !== null);
  return parts.length > 0 ? parts.join(', ') : 'content gaps for curators';
}
