import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import { csrfTokenOf, hashSecret, newSecret } from './console-secrets.ts';
import type { LinkHolder } from './sign-in-links.ts';

/** A session ends after this long without a request. */
export const SESSION_IDLE_MS = 8 * 3_600_000;

export interface ConsoleSession extends LinkHolder {
  /** The synchronizer token every form of this session carries. */
  csrfToken: string;
}

/** Signed-in console browsers: the cookie holds a random id, the table only its hash. */
export class ConsoleSessions {
  constructor(private readonly deps: { db: Database; clock: Clock }) {}

  /** Starts a session and returns its id, for the cookie; expired sessions are cleared meanwhile. */
  async start(holder: LinkHolder): Promise<string> {
    const now = this.deps.clock.now();
    const id = newSecret();
    const sessions = this.deps.db.prisma.consoleSession;
    await sessions.deleteMany({ where: { expiresAt: { lte: now } } });
    await sessions.create({
      data: {
        idHash: hashSecret(id),
        workspaceId: holder.organization,
        email: holder.email,
        createdAt: now,
        expiresAt: new Date(now.getTime() + SESSION_IDLE_MS),
      },
    });
    return id;
  }

  /** The live session with this id, kept alive for another idle period; null when unknown or expired. */
  async find(id: string): Promise<ConsoleSession | null> {
    const now = this.deps.clock.now();
    const idHash = hashSecret(id);
    const touched = await this.deps.db.prisma.consoleSession.updateManyAndReturn({
      where: { idHash, expiresAt: { gt: now } },
      data: { expiresAt: new Date(now.getTime() + SESSION_IDLE_MS) },
      select: { workspaceId: true, email: true },
    });
    const [session] = touched;
    if (!session) return null;
    return { organization: session.workspaceId, email: session.email, csrfToken: csrfTokenOf(id) };
  }

  async end(id: string): Promise<void> {
    await this.deps.db.prisma.consoleSession.deleteMany({ where: { idHash: hashSecret(id) } });
  }
}
