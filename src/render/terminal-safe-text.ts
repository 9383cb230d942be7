// biome-ignore-all lint/suspicious/noControlCharactersInRegex: finding control characters is this file's job
// Escape sequences a terminal acts on: CSI (cursor, erase, colours), string commands such as OSC 8
// hyperlinks and OSC 52 clipboard writes (up to their terminator, never past a line), and two-byte escapes.
const ESCAPE_SEQUENCE =
  /\u001b(?:\[[0-?]*[ -/]*[@-~]?|[\]PX^_][^\u0007\u001b\n]*(?:\u0007|\u001b\\)?|[ -/]*[0-~]?)/g;
// Other C0 controls: carriage return, backspace, bell, form feed, vertical tab... Tab and newline stay.
const C0_CONTROL = /[\u0000-\u0008\u000b-\u001f]/g;
// DEL, C1 controls (8-bit CSI, OSC...) and the bidi embeddings, overrides and isolates that reorder
// what a reader sees ("Trojan Source").
const INVISIBLE_CONTROL = /[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;

/**
 * Text that cannot drive a terminal: escape sequences and C0 controls are removed; DEL, C1 and bidi
 * controls become visible `\uXXXX` escapes. Valid JSON stays valid and parses to the same value
 * (JSON.stringify already escapes C0, and the rest can only occur inside its strings), so one filter
 * serves plain text and --json alike.
 */
export function terminalSafeText(text: string): string {
  return text
    .replace(ESCAPE_SEQUENCE, '')
    .replace(C0_CONTROL, '')
    .replace(INVISIBLE_CONTROL, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
