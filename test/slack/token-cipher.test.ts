import { randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { TokenCipher } from '../../src/slack/oauth/token-cipher.ts';

describe('tokens encrypted at rest', () => {
  const cipher = new TokenCipher(randomBytes(32));
  const token = 'xoxb-1111-2222-abcdefABCDEF';

  it('reads back what it sealed, and never writes the token or the same text twice', () => {
    const first = cipher.encrypt(token, 'slack:T1');
    const second = cipher.encrypt(token, 'slack:T1');
    expect(cipher.decrypt(first, 'slack:T1')).toBe(token);
    expect(first).not.toBe(second);
    expect(first).not.toContain('xoxb');
  });

  it("refuses another key, another installation's row, and any tampering", () => {
    const sealed = cipher.encrypt(token, 'slack:T1');
    expect(() => new TokenCipher(randomBytes(32)).decrypt(sealed, 'slack:T1')).toThrow();
    expect(() => cipher.decrypt(sealed, 'slack:T2')).toThrow();
    const [version, iv, tag, body] = sealed.split('.');
    const flipped = Buffer.from(body ?? '', 'base64url');
    flipped[0] = (flipped[0] ?? 0) ^ 1;
    expect(() =>
      cipher.decrypt([version, iv, tag, flipped.toString('base64url')].join('.'), 'slack:T1'),
    ).toThrow();
  });
});
