import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import type { Logger } from '../logger.ts';
import type { Earshot } from '../main.ts';
import type { ConsoleAudit } from './console-audit.ts';
import type { ConsoleSessions } from './console-sessions.ts';
import type { OidcSignIn } from './oidc/oidc-sign-in.ts';
import type { Viewer } from './pages/layout.ts';
import type { SignInLinks } from './sign-in-links.ts';

/** What the console uses of Earshot, and its own stores. */
export interface ConsoleDeps {
  db: Database;
  clock: Clock;
  logger: Logger;
  entries: Earshot['entries'];
  search: Earshot['search'];
  curators: Earshot['curators'];
  /** Chat platforms the server serves: Slack user groups that name curators are asked of Slack. */
  messengers: Earshot['messengers'];
  askWithoutLogging: Earshot['askWithoutLogging'];
  /** The reference desk: availability by the same rules as chat. */
  references: Earshot['references'];
  /** Weekly digests: the organization's subscriptions, their runs and previews. */
  digests: Earshot['digests'];
  /** The alert sender, woken when the console queues alerts (an account added, a trigger matched). */
  nudges: Pick<Earshot['nudges'], 'kick'>;
  links: SignInLinks;
  sessions: ConsoleSessions;
  audit: ConsoleAudit;
  /** Sign-in with Slack and Microsoft Entra ID: the providers configured (none: no buttons, no routes). */
  oidc: OidcSignIn;
  /** Cookies get `Secure` when people reach the console over https. */
  secureCookies: boolean;
  /** EARSHOT_PUBLIC_URL's origin: behind a proxy that ends TLS, what browsers send as `Origin`. */
  publicOrigin: string;
}

/** Hono's per-request variables once the session is known; `form` is the parsed body of a POST. */
export interface ConsoleEnv {
  Variables: {
    viewer: Viewer;
    sessionId: string;
    form: Record<string, string | File | (string | File)[]>;
  };
}

export const SESSION_COOKIE = 'earshot_console';
export const CONSOLE_PATH = '/console';
