import { day, type Html, html } from './html.ts';

const BAR_WIDTH = 28;
const GAP = 8;
const PLOT_HEIGHT = 100;
const LABEL_HEIGHT = 18;
/** Room above the tallest column for its count. */
const TOP = 14;

/**
 * Counts per week as an inline SVG column chart (attributes, not styles, so the console's
 * Content-Security-Policy allows it), named and summarised for screen readers, with the same numbers
 * in a table they can read cell by cell. `id` makes the chart's title and description unique.
 */
export function weekChart(options: {
  id: string;
  title: string;
  weeks: { week: Date; count: number }[];
}): Html {
  const { id, title, weeks } = options;
  const max = Math.max(0, ...weeks.map((week) => week.count));
  const total = weeks.reduce((sum, week) => sum + week.count, 0);
  const width = weeks.length * (BAR_WIDTH + GAP);
  const height = TOP + PLOT_HEIGHT + LABEL_HEIGHT;
  const first = weeks[0];
  const summary = first
    ? `${total} in all from the week of ${day(first.week)}; at most ${max} in one week.`
    : 'No weeks.';
  const columns = weeks.map((week, index) => {
    const barHeight = max > 0 ? Math.round((week.count / max) * PLOT_HEIGHT) : 0;
    const x = index * (BAR_WIDTH + GAP);
    const top = TOP + PLOT_HEIGHT - barHeight;
    const count =
      week.count > 0
        ? html`<text x="${x + BAR_WIDTH / 2}" y="${top - 3}" font-size="10" text-anchor="middle" fill="#1a1a1a">${week.count}</text>`
        : '';
    return html`<g><title>Week of ${day(week.week)}: ${week.count}</title><rect x="${x}" y="${top}" width="${BAR_WIDTH}" height="${barHeight}" fill="#0b4f8a"/><rect x="${x}" y="${TOP + PLOT_HEIGHT - 1}" width="${BAR_WIDTH}" height="1" fill="#6b6b6b"/>${count}<text x="${x + BAR_WIDTH / 2}" y="${height - 4}" font-size="10" text-anchor="middle" fill="#4a4a4a">${day(week.week).slice(5)}</text></g>`;
  });
  return html`<figure class="week-chart">
<svg role="img" aria-labelledby="${id}-title ${id}-desc" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}"><title id="${id}-title">${title}</title><desc id="${id}-desc">${summary}</desc>${columns}</svg>
<table class="visually-hidden"><caption>${title}</caption>
<thead><tr><th scope="col">Week of</th><th scope="col">Count</th></tr></thead>
<tbody>${weeks.map((week) => html`<tr><th scope="row">${day(week.week)}</th><td>${week.count}</td></tr>`)}</tbody>
</table>
</figure>`;
}
