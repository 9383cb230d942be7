/** Block Kit's documented limits; a message that breaks one is rejected whole (`invalid_blocks`). */
export const SLACK_LIMITS = {
  blocksPerMessage: 50,
  sectionText: 3000,
  contextElements: 10,
  contextText: 3000,
  buttonText: 75,
  buttonValue: 2000,
  blockId: 255,
  actionId: 255,
} as const;

/**
 * Joins lines into at most `maxChunks` chunks of at most `maxChars` characters each. Lines that do not
 * fit are dropped and counted in a closing `more(omitted)` line, so the reader knows something was cut.
 * Lines are expected to be shorter than `maxChars`; a longer one is cut as a last resort.
 */
export function packLines(
  lines: string[],
  options: { maxChars: number; maxChunks: number; more: (omitted: number) => string },
): string[] {
  const { maxChars, maxChunks, more } = options;
  if (maxChunks <= 0 || lines.length === 0) return [];
  const done: string[][] = [];
  let current: string[] = [];
  let placed = 0;
  for (const raw of lines) {
    const line = raw.length > maxChars ? `${raw.slice(0, maxChars - 1)}…` : raw;
    if (joinedLength(current) + (current.length > 0 ? 1 : 0) + line.length <= maxChars) {
      current.push(line);
    } else if (done.length + 1 < maxChunks) {
      done.push(current);
      current = [line];
    } else {
      break;
    }
    placed += 1;
  }
  let omitted = lines.length - placed;
  if (omitted > 0) {
    while (current.length > 0 && joinedLength([...current, more(omitted)]) > maxChars) {
      current.pop();
      omitted += 1;
    }
    current.push(more(omitted).slice(0, maxChars));
  }
  return [...done, current].filter((chunk) => chunk.length > 0).map((chunk) => chunk.join('\n'));
}

function joinedLength(lines: string[]) {
  return lines.reduce((sum, line) => sum + line.length, 0) + Math.max(0, lines.length - 1);
}
