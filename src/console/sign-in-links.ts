import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import { hashSecret, newSecret } from './console-secrets.ts';

export const SIGN_IN_LINK_MS = 15 * 60_000;
const KEEP_SPENT_MS = 24 * 3_600_000;

/** Who a sign-in link was made for. */
export interface LinkHolder {
  organization: string;
  email: string;
}

export type Redeemed =
  | { ok: true; holder: LinkHolder }
  | { ok: false; reason: 'unknown' | 'used' | 'expired' };

/** One-time sign-in links to the console: only the token's hash is stored, and it works once, for 15 minutes. */
export class SignInLinks {
  constructor(private readonly deps: { db: Database; clock: Clock }) {}

  /** A new link's token for the person; links spent or expired for a day are cleared meanwhile. */
  async create(holder: LinkHolder): Promise<string> {
    const now = this.deps.clock.now();
    const token = newSecret();
    await this.deps.db.prisma.consoleSignInLink.deleteMany({
      where: { expiresAt: { lt: new Date(now.getTime() - KEEP_SPENT_MS) } },
    });
    await this.deps.db.prisma.consoleSignInLink.create({
      data: {
        tokenHash: hashSecret(token),
        workspaceId: holder.organization,
        email: holder.email.toLowerCase(),
        createdAt: now,
        expiresAt: new Date(now.getTime() + SIGN_IN_LINK_MS),
      },
    });
    return token;
  }

  /** Whom a link would sign in, without spending it; why not when it is no longer valid. */
  async check(token: string): Promise<Redeemed> {
    const link = await this.deps.db.prisma.consoleSignInLink.findUnique({
      where: { tokenHash: hashSecret(token) },
    });
    if (!link) return { ok: false, reason: 'unknown' };
    if (link.usedAt) return { ok: false, reason: 'used' };
    if (link.expiresAt <= this.deps.clock.now()) return { ok: false, reason: 'expired' };
    return { ok: true, holder: { organization: link.workspaceId, email: link.email } };
  }

  /** Spends the link: its holder the first time while it is valid, why not otherwise. */
  async redeem(token: string): Promise<Redeemed> {
    const now = this.deps.clock.now();
    const tokenHash = hashSecret(token);
    // One conditional update: two clicks at once cannot both get through.
    const spent = await this.deps.db.prisma.consoleSignInLink.updateMany({
      where: { tokenHash, usedAt: null, expiresAt: { gt: now } },
      data: { usedAt: now },
    });
    const link = await this.deps.db.prisma.consoleSignInLink.findUnique({ where: { tokenHash } });
    if (!link) return { ok: false, reason: 'unknown' };
    if (spent.count === 1) return { ok: true, holder: { organization: link.workspaceId, email: link.email } };
    return { ok: false, reason: link.usedAt ? 'used' : 'expired' };
  }
}
