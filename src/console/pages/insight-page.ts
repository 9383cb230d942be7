import { KIND_NAMES } from '../../knowledge/entry.ts';
import { INSIGHT_PERIODS, type Insight } from '../insight/insight.ts';
import { bar } from './bar.ts';
import { day, type Html, html } from './html.ts';
import { layout, type Viewer } from './layout.ts';

/** Gaps, feedback, activity, leaderboard and most-cited entries over the chosen period; no scripts. */
export function insightPage(options: { viewer: Viewer; insight: Insight; created: string | null }): Html {
  const { insight } = options;
  return layout({
    title: 'Insight',
    viewer: options.viewer,
    current: 'insight',
    body: html`<h1>Insight</h1>
<div role="status">${options.created ? html`<p class="notice">Created the entry “${options.created}”.</p>` : ''}</div>
<form method="get" action="/console/insight" class="period">
  <label for="days">Period</label>
  <select id="days" name="days">${INSIGHT_PERIODS.map(
    (days) =>
      html`<option value="${days}"${days === insight.period ? ' selected' : ''}>Last ${days} days</option>`,
  )}</select>
  <button type="submit" class="secondary">Show</button>
  <span class="muted">${day(insight.from)} to ${day(insight.to)}</span>
</form>
${unansweredSection(insight)}
${notHelpfulSection(insight)}
${weeksSection(insight)}
${contributorsSection(insight)}
${mostCitedSection(insight)}`,
  });
}

function unansweredSection({ unanswered }: Insight): Html {
  const { subjects, askedInPrivate } = unanswered;
  return html`<h2 id="gaps-heading">Unanswered questions by subject</h2>
${
  subjects.length === 0
    ? html`<p>Every question in this period found an answer.</p>`
    : html`<table aria-labelledby="gaps-heading">
<thead><tr><th scope="col">Subject</th><th scope="col">Times asked</th><th scope="col">First asked</th><th scope="col">Last asked</th><th scope="col">Latest question</th><th scope="col">Fill the gap</th></tr></thead>
<tbody>${subjects.map(
        (
          gap,
        ) => html`<tr><td>${gap.subject}</td><td>${gap.count}</td><td>${day(gap.firstAsked)}</td><td>${day(gap.lastAsked)}</td><td>${gap.latest}</td>
<td><a href="/console/new-entry?${new URLSearchParams({ question: gap.latest })}">Create entry<span class="visually-hidden"> about ${gap.subject}</span></a></td></tr>`,
      )}</tbody>
</table>`
}
${askedInPrivate > 0 ? html`<p class="muted">…and ${askedInPrivate} asked in private conversations (counted, not shown).</p>` : ''}`;
}

function notHelpfulSection({ notHelpful }: Insight): Html {
  return html`<h2 id="unhelpful-heading">Answers voted not helpful</h2>
${
  notHelpful.items.length === 0
    ? html`<p>No answer was voted not helpful in this period.</p>`
    : html`<table aria-labelledby="unhelpful-heading">
<thead><tr><th scope="col">Question</th><th scope="col">Not-helpful votes</th><th scope="col">Asked</th></tr></thead>
<tbody>${notHelpful.items.map(
        (answer) =>
          html`<tr><td>${answer.text}</td><td>${answer.votes}</td><td>${day(answer.askedAt)}</td></tr>`,
      )}</tbody>
</table>`
}
${notHelpful.more > 0 ? html`<p class="muted">…and ${notHelpful.more} more.</p>` : ''}
${notHelpful.askedInPrivate > 0 ? html`<p class="muted">…and ${notHelpful.askedInPrivate} asked in private conversations (counted, not shown).</p>` : ''}`;
}

function weeksSection({ weeks }: Insight): Html {
  const most = Math.max(0, ...weeks.map((week) => week.asked));
  const asked = weeks.reduce((sum, week) => sum + week.asked, 0);
  const answered = weeks.reduce((sum, week) => sum + week.answered, 0);
  return html`<h2 id="weeks-heading">Questions per week and answered rate</h2>
<p>${asked} ${asked === 1 ? 'question' : 'questions'} in the period, ${percent(answered, asked)} answered.</p>
<table aria-labelledby="weeks-heading" class="chart">
<thead><tr><th scope="col">Week of</th><th scope="col">Questions</th><th scope="col">Answered rate</th></tr></thead>
<tbody>${weeks.map(
    (week) => html`<tr><td>${day(week.week)}</td>
<td>${bar(week.asked, most)} ${week.asked}</td>
<td>${bar(week.answered, week.asked)} ${week.asked === 0 ? 'no questions' : `${percent(week.answered, week.asked)} (${week.answered} of ${week.asked})`}</td></tr>`,
  )}</tbody>
</table>`;
}

function contributorsSection({ contributors }: Insight): Html {
  const most = contributors[0]?.entries ?? 0;
  return html`<h2 id="leaders-heading">Top contributors</h2>
<p class="muted">New published entries shared in the period, credited to whoever said or shared them.</p>
${
  contributors.length === 0
    ? html`<p>Nobody shared a published entry in this period.</p>`
    : html`<table aria-labelledby="leaders-heading" class="chart">
<thead><tr><th scope="col">Rank</th><th scope="col">Contributor</th><th scope="col">Entries</th></tr></thead>
<tbody>${contributors.map(
        (person, index) =>
          html`<tr><td>${index + 1}</td><td>${person.person}</td><td>${bar(person.entries, most)} ${person.entries}</td></tr>`,
      )}</tbody>
</table>`
}`;
}

function mostCitedSection({ mostCited }: Insight): Html {
  return html`<h2 id="cited-heading">Most-cited entries</h2>
${
  mostCited.length === 0
    ? html`<p>No answer cited a published entry in this period.</p>`
    : html`<table aria-labelledby="cited-heading">
<thead><tr><th scope="col">Entry</th><th scope="col">Kind</th><th scope="col">Citations</th></tr></thead>
<tbody>${mostCited.map(
        (entry) =>
          html`<tr><td><a href="/console/entries/${entry.id}">#${entry.id} ${entry.title}</a></td><td>${KIND_NAMES[entry.kind]}</td><td>${entry.citations}</td></tr>`,
      )}</tbody>
</table>`
}`;
}

function percent(part: number, whole: number): string {
  return whole === 0 ? '0%' : `${Math.round((part / whole) * 100)}%`;
}
