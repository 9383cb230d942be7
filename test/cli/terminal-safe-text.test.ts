import { describe, expect, it } from 'vitest';
import { terminalSafeText } from '../../src/render/terminal-safe-text.ts';

const ALL_CONTROLS = [
  ...Array.from({ length: 0xa0 }, (_, code) => String.fromCharCode(code)).filter(
    (char) => char < ' ' || char >= '\u007f',
  ),
  ...'\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069',
];
const unsafeIn = (text: string) =>
  [...text].filter((char) => ALL_CONTROLS.includes(char) && !'\n\t'.includes(char));

describe('terminal-safe text', () => {
  it('drops escape sequences whole, so neither the command nor its parameters reach the screen', () => {
    expect(
      terminalSafeText('a\u001b[2Jb\u001b[31;1mc\u001b]52;c;cHduZWQ=\u0007d\u001b]8;;https://x\u001b\\e'),
    ).toBe('abcde');
  });

  it('keeps newlines and tabs, drops carriage returns and backspaces that overwrite a line', () => {
    expect(terminalSafeText('name\tvalue\r\nsafe\rEVIL\b\b\b\bgood\n')).toBe('name\tvalue\nsafeEVILgood\n');
  });

  it('shows C1 and bidi controls as visible escapes instead of letting them act', () => {
    expect(terminalSafeText('invoice\u202efdp.exe \u009b2J')).toBe('invoice\\u202efdp.exe \\u009b2J');
  });

  it('never lets an unterminated string command swallow the following lines', () => {
    expect(terminalSafeText('title \u001b]52;c;AAAA\nnext line\n')).toBe('title \nnext line\n');
  });

  it('leaves JSON valid and equal to what was written, for every control character', () => {
    const value = {
      text: ALL_CONTROLS.join(''),
      each: ALL_CONTROLS,
      nested: [{ t: `a${ALL_CONTROLS.join('b')}` }],
    };
    for (const json of [JSON.stringify(value), JSON.stringify(value, null, 2)]) {
      const safe = terminalSafeText(json);
      expect(unsafeIn(safe)).toEqual([]);
      expect(JSON.parse(safe)).toEqual(value);
    }
  });

  it('leaves ordinary text alone, including other scripts and emoji', () => {
    const text = 'Ledgerline pricing — 👍 3 · שלום · مرحبا · 東京\n  [1] Okta SSO — tip, 2026-11-01\n';
    expect(terminalSafeText(text)).toBe(text);
  });
});
