/**
 * A piece of an entry that reads on its own when quoted: a whole sentence, a list item (with the line
 * that introduced the list, when there was one), or a whole short list with its introduction.
 */
export interface ReadingUnit {
  text: string;
  /** The next unit follows this one in the text, so the two can be quoted together. */
  joinsNext: boolean;
}

/** Words shortened with a period that do not end a sentence (lowercase, period dropped). */
const ABBREVIATIONS = new Set(
  `mr mrs ms dr prof sr sra srta jr st mt vs approx appt apt assn avg bros ca cf co corp dept dist est
  fig ft gov govt inc incl ltd mfg misc mgmt no nos nr op pp pt qty ref resp sq tel univ viz vol vols
  jan feb mar apr jun jul aug sep sept oct nov dec bzw ggf mme mlle dra esp pág`.split(/\s+/),
);
/** Abbreviations that only stand before a number: "No. 5", "pp. 12". */
const BEFORE_NUMBERS = new Set(['no', 'nos', 'nr', 'pp', 'fig', 'vol', 'vols', 'op']);

const LIST_MARKER = /^\s*(?:[-*•+▪◦]|\d{1,3}[.)]|[a-zA-Z][.)](?=\s))\s+/;
const QUOTE_MARKER = /^\s*(?:>\s*)+/;
const HEADING = /^\s*#{1,6}\s/;
const TABLE_ROW = /^\s*\|/;
const FENCE = /^\s*(?:```|~~~)/;
const TERMINAL = /[.!?…]["'”’)\]]*$/;
const CLOSERS = /["'”’)\]*_]+$/;
const OPENERS = /^["'“‘([*_]+/;

/** Lists longer than this are quoted item by item. */
const MAX_JOINED_LIST = 280;

interface Block {
  kind: 'text' | 'item';
  text: string;
  /** The paragraph this block belongs to; list items of one tight list share it. */
  paragraph: number;
  /** Headings, tables, code and rules start a new section: an introduction never reaches across. */
  section: number;
}

/** Splits an entry body into reading units in text order. */
export function readingUnits(body: string): ReadingUnit[] {
  const units: ReadingUnit[] = [];
  const blocks = toBlocks(body);
  for (let i = 0; i < blocks.length; i++) {
    const block = blocks[i] as Block;
    const next = blocks[i + 1];
    const sentences = splitSentences(block.text);
    if (block.kind === 'text' && endsWithColon(block.text)) {
      // "Kessler asked for three things:" reads as a fragment alone: it is quoted with what it
      // introduces, or not at all when a table or heading follows.
      const intro = sentences.pop() as string;
      units.push(...sentences.map((text) => ({ text, joinsNext: true })));
      if (next?.section !== block.section) continue;
      if (next.kind === 'text') {
        next.text = `${intro} ${next.text}`;
        continue;
      }
      let end = i + 1;
      while (blocks[end]?.kind === 'item' && blocks[end]?.section === block.section) end++;
      units.push(...listUnits(intro, blocks.slice(i + 1, end)));
      i = end - 1;
      continue;
    }
    sentences.forEach((text, index) => {
      units.push({ text, joinsNext: index < sentences.length - 1 || next?.paragraph === block.paragraph });
    });
  }
  return units;
}

function listUnits(intro: string, items: Block[]): ReadingUnit[] {
  const introText = intro.trim();
  const texts = items.map((item) => item.text.trim().replace(/[.;,]$/, ''));
  const joined = `${introText} ${texts.join('; ')}`;
  const whole = joined.length <= MAX_JOINED_LIST ? [{ text: endSentence(joined), joinsNext: false }] : [];
  const each = texts.map((text) => ({ text: endSentence(`${introText} ${text}`), joinsNext: false }));
  return [...whole, ...each];
}

function endSentence(text: string): string {
  return TERMINAL.test(text) ? text : `${text}.`;
}

/**
 * Lines become blocks: a paragraph's wrapped lines are joined, list items stand alone, headings, tables
 * and code are left out. A line ending in ":" is joined with the line after it.
 */
function toBlocks(body: string): Block[] {
  const blocks: Block[] = [];
  let paragraph = 0;
  let section = 0;
  let inFence = false;
  let open: Block | null = null;
  for (const raw of body.split(/\r?\n/)) {
    const line = raw.replace(QUOTE_MARKER, '').replace(/\s+/g, ' ').trim();
    if (
      FENCE.test(raw) ||
      inFence ||
      HEADING.test(raw) ||
      TABLE_ROW.test(line) ||
      /^[-=_*]{3,}$/.test(line)
    ) {
      if (FENCE.test(raw)) inFence = !inFence;
      open = null;
      paragraph++;
      section++;
      continue;
    }
    if (!line) {
      open = null;
      paragraph++;
      continue;
    }
    const marker = LIST_MARKER.exec(line);
    if (marker) {
      open = { kind: 'item', text: line.slice(marker[0].length).trim(), paragraph, section };
      blocks.push(open);
      continue;
    }
    if (open && continues(open.text, line)) {
      open.text = `${open.text} ${line}`;
      continue;
    }
    if (open?.kind === 'item') paragraph++;
    open = { kind: 'text', text: line, paragraph, section };
    blocks.push(open);
  }
  return blocks;
}

/** A line continues the one before when that one stopped mid-sentence or introduced it with a colon. */
function continues(previous: string, line: string): boolean {
  if (endsWithColon(previous)) return true;
  if (TERMINAL.test(previous)) return false;
  // Chat messages put one thought per line without a period; a wrapped sentence goes on in lowercase.
  return /^[\p{Ll}(,;–—-]/u.test(line);
}

function endsWithColon(text: string): boolean {
  return /:["'”’)\]]*$/.test(text.trim());
}

/** Sentences of one block, keeping abbreviations ("e.g.", "U.S.", "Dr."), initials and decimals whole. */
export function splitSentences(text: string): string[] {
  const words = text.split(/\s+/).filter(Boolean);
  const sentences: string[] = [];
  let current: string[] = [];
  words.forEach((word, index) => {
    current.push(word);
    const next = words[index + 1];
    if (next !== undefined && endsSentence(word, next)) {
      sentences.push(current.join(' '));
      current = [];
    }
  });
  if (current.length > 0) sentences.push(current.join(' '));
  return sentences;
}

function endsSentence(word: string, next: string): boolean {
  const core = word.replace(CLOSERS, '');
  if (/(?:[!?]|…|\.\.\.)$/.test(core)) return /^["'“‘([]?[\p{Lu}\p{N}]/u.test(next);
  if (!core.endsWith('.')) return false;
  const stem = core.slice(0, -1).replace(OPENERS, '');
  if (stem === '') return false;
  // Dotted abbreviations and initials: e.g. i.e. U.S. a.m. J. Smith.
  if (/^(?:\p{L}\.)+\p{L}$/u.test(stem)) return false;
  if (/^\p{Lu}$/u.test(stem) && stem !== 'I') return false;
  const lower = stem.toLowerCase();
  if (BEFORE_NUMBERS.has(lower)) return !/^\p{N}/u.test(next);
  if (ABBREVIATIONS.has(lower)) return false;
  return /^["'“‘([$€£]?[\p{L}\p{N}]/u.test(next);
}
