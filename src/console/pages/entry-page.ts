import { type Entry, KIND_NAMES } from '../../knowledge/entry.ts';
import type { EntryCitations } from '../entry-activity/entry-citations.ts';
import type { AnswerVotes, EntryFeedback } from '../entry-activity/entry-feedback.ts';
import { day, type Html, html, moment, safeHref } from './html.ts';
import { layout, type Viewer } from './layout.ts';
import { weekChart } from './week-chart.ts';

const DAY_MS = 86_400_000;

/**
 * An entry as everyone in the organization may read it: its words, tags and credit, where it came
 * from, how often answers cited it and how people voted on those answers. Curators also get Edit and
 * Merge.
 */
export function entryPage(options: {
  viewer: Viewer;
  entry: Entry;
  citations: EntryCitations;
  feedback: EntryFeedback;
  now: Date;
}): Html {
  const { viewer, entry, citations, feedback, now } = options;
  const curator = viewer.role === 'curator';
  return layout({
    title: entry.title,
    viewer,
    current: null,
    body: html`<h1>${entry.title}</h1>
<p class="muted">${KIND_NAMES[entry.kind]} · ${entry.status}${entry.audience ? ' · 🔒 private to the conversation it was captured in' : ''}</p>
${
  curator
    ? html`<p class="actions"><a class="button" href="/console/entries/${entry.id}/edit">Edit<span class="visually-hidden"> ${entry.title}</span></a> <a href="/console/entries/${entry.id}/merge">Merge into a duplicate</a></p>`
    : ''
}
<div class="entry-text">${entry.body}</div>
<h2>Details</h2>
<dl class="facts">${facts(entry, now)}</dl>
<h2>Sources</h2>
${sources(entry)}
<h2>Citations</h2>
${citationsSection(citations)}
<h2>Feedback</h2>
${feedbackSection(feedback)}`,
  });
}

function row(name: string, value: Html | string | null | undefined): Html | '' {
  return value ? html`<dt>${name}</dt><dd>${value}</dd>` : '';
}

function facts(entry: Entry, now: Date): Html {
  return html`${row('Kind', KIND_NAMES[entry.kind])}
${row('Topics', entry.topics.join(', ') || 'none')}
${row('Buying stage', entry.stage ?? 'any')}
${row('Industry', entry.industry ?? 'any')}
${row('Buyer roles', entry.roles.join(', ') || 'any')}
${row('Account', entry.sourceAccount)}
${row('Author', entry.sourceAuthor)}
${row('Credited to', entry.contributor && entry.contributor !== entry.sourceAuthor ? entry.contributor : null)}
${row('Added', moment(entry.createdAt))}
${row('Updated', moment(entry.updatedAt))}
${row('Review by', entry.reviewBy ? reviewDate(entry.reviewBy, now) : 'not set')}`;
}

function reviewDate(reviewBy: Date, now: Date): Html {
  const days = Math.floor((reviewBy.getTime() - now.getTime()) / DAY_MS);
  if (days < 0) return html`${day(reviewBy)} <strong class="overdue">due for review</strong>`;
  return html`${day(reviewBy)} <span class="muted">(not due yet: in ${days} day${days === 1 ? '' : 's'})</span>`;
}

/** Where the entry came from: the captured message and its conversation, or the id an import gave it. */
function sources(entry: Entry): Html {
  const captured = /^(slack|teams):/.exec(entry.externalId ?? '')?.[1];
  const href = safeHref(entry.sourceUrl);
  const rows = [
    row(
      'Origin',
      captured
        ? `Captured from a ${captured === 'slack' ? 'Slack' : 'Teams'} message`
        : entry.externalId
          ? 'Imported from a file'
          : null,
    ),
    row('Conversation', entry.sourceChannel),
    row('Link', href ? html`<a href="${href}">${href}</a>` : entry.sourceUrl),
    row(
      'Who may see it',
      entry.audience
        ? 'Only members of that private conversation; in the console, only curators among them'
        : null,
    ),
    row(captured ? 'Message id' : 'External id', entry.externalId),
  ].filter((item) => item !== '');
  if (rows.length === 0) return html`<p>Written directly: no captured message or imported file.</p>`;
  return html`<dl class="facts">${rows}</dl>`;
}

function citationsSection(citations: EntryCitations): Html {
  const weeks = citations.weeks.map((week) => ({ week: week.week, count: week.cited }));
  const lately = weeks.reduce((sum, week) => sum + week.count, 0);
  return html`<p>Cited in <strong>${citations.total}</strong> answer${citations.total === 1 ? '' : 's'} in all${
    citations.lastCited ? html`, last on ${day(citations.lastCited)}` : html`; never cited yet`
  }. ${lately} in the last ${weeks.length} weeks.</p>
${weekChart({ id: 'citations', title: `Answers citing this entry per week, last ${weeks.length} weeks`, weeks })}`;
}

function feedbackSection(feedback: EntryFeedback): Html {
  if (feedback.answers.length === 0) return html`<p>Nobody has voted on an answer citing this entry yet.</p>`;
  return html`<p><strong>${feedback.helpful}</strong> helpful, <strong>${feedback.notHelpful}</strong> not helpful, on answers citing this entry.</p>
<table>
<caption class="visually-hidden">Votes on answers citing this entry, most recently voted first</caption>
<thead><tr><th scope="col">Question</th><th scope="col">Asked</th><th scope="col">Helpful</th><th scope="col">Not helpful</th></tr></thead>
<tbody>${feedback.answers.map(answerRow)}</tbody>
</table>`;
}

function answerRow(votes: AnswerVotes): Html {
  return html`<tr><td>${votes.question ?? html`<span class="muted">Asked in a private conversation</span>`}</td><td>${day(votes.askedAt)}</td><td>${votes.helpful}</td><td>${votes.notHelpful}</td></tr>`;
}
