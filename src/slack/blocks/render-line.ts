import { citationList } from '../../render/citation-list.ts';
import type { Line, PersonRef, Span } from '../../views/view-model.ts';
import { escapeMrkdwn, linkTarget, mrkdwnLink, personMention, slackDate } from './mrkdwn.ts';

/** Citations stay well under a section's 3000 characters, links included. */
const MAX_CITATIONS = 1200;

/** A line of a view as Slack mrkdwn: user text escaped, links only to safe web urls. */
export function mrkdwnLine(line: Line): string {
  return line.map(mrkdwnSpan).join('');
}

function mrkdwnSpan(span: Span): string {
  if (typeof span === 'string') return escapeMrkdwn(span);
  if ('date' in span) return slackDate(span.date);
  if ('person' in span) return personName(span.person);
  if ('code' in span) return `\`${escapeMrkdwn(span.code.replace(/`/g, "'"))}\``;
  if ('command' in span) return mrkdwnSpan({ code: `/earshot ${span.command}` });
  if ('citations' in span) {
    const targets = new Map(span.citations.map(({ n, href }) => [n, linkTarget(href)]));
    return citationList(
      span.citations.map(({ n }) => n),
      targets,
      mrkdwnLink,
      MAX_CITATIONS,
    );
  }
  let text = escapeMrkdwn(span.text);
  const target = linkTarget(span.href);
  if (target) text = mrkdwnLink(target, text);
  if (span.bold) text = `*${text}*`;
  if (span.italic) text = `_${text}_`;
  return text;
}

/** A Slack user as a mention; anyone else by name (a Teams user cannot be mentioned in Slack). */
function personName(person: PersonRef): string {
  if (person.platform === 'slack' || !person.name) return personMention(person);
  return escapeMrkdwn(person.name);
}

/** A line for a plain_text object (buttons, headers, labels): no markup at all. */
export function plainLine(line: Line): string {
  return line
    .map((span) => {
      if (typeof span === 'string') return span;
      if ('date' in span)
        return Number.isNaN(span.date.getTime()) ? '' : span.date.toISOString().slice(0, 10);
      if ('person' in span) return span.person.name ?? 'someone';
      if ('code' in span) return span.code;
      if ('command' in span) return `/earshot ${span.command}`;
      if ('citations' in span) return span.citations.map(({ n }) => `[${n}]`).join('');
      return span.text;
    })
    .join('');
}
