const HEADING = /^ {0,3}#[ \t]+(.*?)(?:[ \t]+#+)?[ \t]*$/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;

/**
 * Finds the first `# Heading` (outside code fences, where `#` is usually a comment) and returns
 * its text with the body lines minus that heading.
 */
export function takeTitleHeading(lines: readonly string[]): { title: string; body: string[] } | undefined {
  let fence: string | undefined;
  for (const [index, line] of lines.entries()) {
    const fenceMark = FENCE.exec(line)?.[1];
    if (fenceMark !== undefined) {
      if (fence === undefined) fence = fenceMark;
      else if (closes(line, fence)) fence = undefined;
      continue;
    }
    if (fence !== undefined) continue;
    const title = HEADING.exec(line)?.[1]?.trim();
    if (title) return { title, body: lines.filter((_, other) => other !== index) };
  }
  return undefined;
}

function closes(line: string, fence: string): boolean {
  const mark = line.trim();
  return mark.length >= fence.length && [...mark].every((char) => char === fence[0]);
}
