import { describeSchedule } from '../../digest/weekly-schedule.ts';
import { zonedDayTime } from '../../digest/zoned-dates.ts';
import type { DigestRow } from '../digests/digest-rows.ts';
import { conversationLabel, platformLabel, runLabel, topicsLabel } from './digest-labels.ts';
import { type Html, html } from './html.ts';
import { layout, type Viewer } from './layout.ts';

/** The organization's weekly digest subscriptions, each with its last run, and how to add one in chat. */
export function digestsPage(options: { viewer: Viewer; rows: DigestRow[]; notice?: string | null }): Html {
  const { viewer, rows, notice } = options;
  return layout({
    title: 'Digests',
    viewer,
    current: 'digests',
    body: html`<h1>Weekly digests</h1>
<div role="status">${notice ? html`<p class="notice">${notice}</p>` : ''}</div>
<p>Channels that get the weekly digest of what the field is hearing. Change a schedule, its topics or
whether it carries the content gaps, preview this week's digest, or stop it.</p>
${
  rows.length === 0
    ? html`<p>No channel gets a weekly digest yet.</p>`
    : html`<table>
<caption class="visually-hidden">Weekly digest subscriptions</caption>
<thead><tr><th scope="col">Channel</th><th scope="col">When</th><th scope="col">Topics</th><th scope="col">Content gaps</th><th scope="col">Set up by</th><th scope="col">Last digest</th><th scope="col"><span class="visually-hidden">Actions</span></th></tr></thead>
<tbody>${rows.map((row) => rowHtml(row))}</tbody>
</table>`
}
<h2>Adding a channel</h2>
<p>A digest is set up in the channel itself, where Earshot can check it may post there. A curator types
there, in Slack <code>/earshot digest weekly mon 09:00 Europe/Berlin</code>, in Teams
<code>digest weekly mon 09:00 Europe/Berlin</code>. Add <code>topics: pricing, healthcare</code> for some
topics only, and <code>for curators</code> for the content gaps. It then shows up here.</p>`,
  });
}

function rowHtml(row: DigestRow): Html {
  const { subscription } = row;
  const zone = subscription.schedule.timeZone;
  const [last] = row.runs;
  return html`<tr>
<td>${platformLabel(subscription.platform)}: ${conversationLabel(row)}</td>
<td>${describeSchedule(subscription.schedule)}<br><span class="muted">next ${zonedDayTime(row.next, zone)}</span></td>
<td>${topicsLabel(subscription.topics)}</td>
<td>${subscription.forCurators || row.curatorsChannel ? 'yes' : 'no'}</td>
<td>${row.createdBy}</td>
<td>${last ? runLabel(last, zone) : 'none yet'}</td>
<td><a href="/console/digests/${subscription.id}">Change<span class="visually-hidden"> the digest in ${conversationLabel(row)}</span></a>
· <a href="/console/digests/${subscription.id}/preview">Preview<span class="visually-hidden"> the digest in ${conversationLabel(row)}</span></a></td>
</tr>`;
}
