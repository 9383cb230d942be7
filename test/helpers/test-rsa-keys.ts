import { generateKeyPairSync, type KeyObject } from 'node:crypto';

const pairs = new Map<string, { publicKey: KeyObject; privateKey: KeyObject }>();

/**
 * An RSA key pair for a fake token issuer, made once per test worker for each `role` and reused: a
 * 2048-bit key costs 0.1–0.5 s of CPU, and the Teams tests start a fresh issuer for every test. Fakes
 * stay apart by their key ids and URLs; a different role gets a different key ("a key the issuer does
 * not publish", another provider's key).
 */
export function testRsaKeyPair(role: string): { publicKey: KeyObject; privateKey: KeyObject } {
  let pair = pairs.get(role);
  if (!pair) {
    pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
    pairs.set(role, pair);
  }
  return pair;
}
