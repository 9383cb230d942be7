import { citationList } from '../../render/citation-list.ts';
import type { Line, PersonRef, Span } from '../../views/view-model.ts';
import { localDate } from './card-elements.ts';
import { linkTarget, markdownLink, neutralizeLabel, neutralizeMarkdown } from './card-markdown.ts';

const MAX_CITATIONS = 1200;

/** A line of a view as Teams TextBlock markdown: user text can never open a link or a bold span. */
export function markdownLine(line: Line): string {
  return line.map(markdownSpan).join('');
}

function markdownSpan(span: Span): string {
  if (typeof span === 'string') return neutralizeMarkdown(span);
  if ('date' in span) return Number.isNaN(span.date.getTime()) ? 'an unknown date' : localDate(span.date);
  if ('person' in span) return neutralizeMarkdown(personName(span.person));
  if ('code' in span) return neutralizeLabel(span.code);
  if ('command' in span) return `**${neutralizeLabel(span.command)}**`;
  if ('citations' in span) {
    const targets = new Map(span.citations.map(({ n, href }) => [n, linkTarget(href)]));
    return citationList(
      span.citations.map(({ n }) => n),
      targets,
      markdownLink,
      MAX_CITATIONS,
    );
  }
  const target = linkTarget(span.href);
  let text = target || span.bold || span.italic ? neutralizeLabel(span.text) : neutralizeMarkdown(span.text);
  if (target) text = markdownLink(target, text);
  if (span.bold) text = `**${text}**`;
  if (span.italic) text = `_${text}_`;
  return text;
}

/** Teams cannot mention a Slack user; people are shown by name, or by platform when unnamed. */
function personName(person: PersonRef): string {
  if (person.name) return person.name;
  return `a ${person.platform === 'teams' ? 'Teams' : person.platform === 'slack' ? 'Slack' : person.platform} user`;
}
