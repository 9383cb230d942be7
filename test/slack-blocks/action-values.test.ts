import { describe, expect, it } from 'vitest';
import { EarshotError } from '../../src/errors.ts';
import { encodeActionValue, parseActionValue } from '../../src/slack/blocks/action-values.ts';

describe('parseActionValue', () => {
  it('reads back what a button was given', () => {
    expect(parseActionValue(encodeActionValue({ q: 42 }))).toEqual({ q: 42 });
    expect(parseActionValue('{"q": 2147483647}')).toEqual({ q: 2147483647 });
    // Past the largest row id a question can have: a forged value.
    expect(() => parseActionValue('{"q": 2147483648}')).toThrow(EarshotError);
  });

  it.each([
    ['missing', undefined],
    ['empty', ''],
    ['not JSON', 'q=42'],
    ['JSON null', 'null'],
    ['an array', '[42]'],
    ['no question', '{}'],
    ['a string id', '{"q":"42"}'],
    ['zero', '{"q":0}'],
    ['negative', '{"q":-1}'],
    ['a fraction', '{"q":1.5}'],
    ['unsafe integer', '{"q":1e300}'],
    ['extra keys', '{"q":42,"workspace":"other"}'],
    ['too long', `{"q":42,"pad":"${'x'.repeat(3000)}"}`],
  ])('rejects a tampered value: %s', (_, raw) => {
    let caught: unknown;
    try {
      parseActionValue(raw);
    } catch (error) {
      caught = error;
    }
    expect(caught).toBeInstanceOf(EarshotError);
    expect(caught).toMatchObject({
      code: 'invalid_input',
      userMessage: 'That button is out of date. Ask again.',
    });
  });
});
