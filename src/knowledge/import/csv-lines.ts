const LINE_BREAK = /\r\n?|\n/g;
const LEADING_BLANK_LINES = /^(?:[ \t]*(?:\r\n?|\n))*/;

/**
 * Tracks which file line each CSV record starts on, from the raw text csv-parse hands back with it.
 * csv-parse's own `info.lines` counts a CRLF inside a quoted cell as two lines, so it can't be used.
 */
export class CsvLineCounter {
  /** Line breaks consumed so far, i.e. the number of lines read completely. */
  linesRead = 0;

  /** `raw` is the record as it appeared in the file, including any blank lines skipped before it. */
  recordStart(raw: string): number {
    const blank = LEADING_BLANK_LINES.exec(raw)?.[0] ?? '';
    const start = this.linesRead + 1 + countLineBreaks(blank);
    this.linesRead += countLineBreaks(raw);
    return start;
  }
}

function countLineBreaks(text: string): number {
  return text.match(LINE_BREAK)?.length ?? 0;
}
