/** Nearest-rank percentile of durations or any numbers. */
export function percentile(values: readonly number[], fraction: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)] as number;
}

/** Prints rows as an aligned table, then the summary as one JSON line (the last line of output). */
export function printReport(title: string, rows: Array<Record<string, string | number>>, summary: object) {
  console.log(`\n${title}`);
  const columns = Object.keys(rows[0] ?? {});
  const widths = columns.map((column) =>
    Math.max(column.length, ...rows.map((row) => String(row[column]).length)),
  );
  const line = (cells: string[]) => cells.map((cell, i) => cell.padStart(widths[i] ?? 0)).join('  ');
  console.log(line(columns));
  for (const row of rows) console.log(line(columns.map((column) => String(row[column]))));
  console.log(JSON.stringify(summary));
}

export const round = (value: number, digits = 1) => Number(value.toFixed(digits));
export const peakRssMb = () => round(process.resourceUsage().maxRSS / 1024, 0);
