/** "today", "yesterday" or "N days ago", for how recent something was heard. */
export function daysAgo(date: Date, now: Date): string {
  const days = Math.floor((now.getTime() - date.getTime()) / 86_400_000);
  if (days <= 0) return 'today';
  if (days === 1) return 'yesterday';
  return `${days} days ago`;
}

/** "9 entries, latest yesterday": how much the field said and how fresh, beside the headline. */
export function entriesNote(summary: { entries: number; newest: Date | null }, now: Date): string {
  const latest = summary.newest ? `, latest ${daysAgo(summary.newest, now)}` : '';
  return `${summary.entries} ${summary.entries === 1 ? 'entry' : 'entries'}${latest}`;
}
