import type { Installation } from '@slack/oauth';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { Organizations } from '../../src/knowledge/organizations/organizations.ts';
import { createLogger } from '../../src/logger.ts';
import { SlackInstallationStore } from '../../src/slack/oauth/slack-installation-store.ts';
import { TokenCipher } from '../../src/slack/oauth/token-cipher.ts';
import { SlackTokens } from '../../src/slack/slack-tokens.ts';
import { openTestDatabase } from '../helpers/test-database.ts';

const installation = (teamId: string, token: string): Installation =>
  ({
    team: { id: teamId, name: teamId },
    enterprise: undefined,
    isEnterpriseInstall: false,
    user: { id: 'U_ADMIN', token: undefined, scopes: undefined },
    bot: { id: `B_${teamId}`, userId: `U_BOT_${teamId}`, token, scopes: ['chat:write'] },
  }) as Installation;

describe('which token answers which workspace', () => {
  let db: Database;
  let store: SlackInstallationStore;
  let tokens: SlackTokens;

  beforeEach(async () => {
    db = await openTestDatabase('pglite');
    const organizations = new Organizations(db);
    store = new SlackInstallationStore({
      db,
      cipher: new TokenCipher(Buffer.alloc(32, 5)),
      organizations,
      logger: createLogger('silent'),
    });
    tokens = new SlackTokens({ store, fixed: null, organizations, clientOptions: {} });
  });
  afterEach(async () => {
    await db.close().catch(() => {});
  });

  it('authorizes installed workspaces from memory once warmed, so requests go on while the database is down', async () => {
    await store.storeInstallation(installation('T_ONE', 'xoxb-one-token'));
    await tokens.warm();
    await db.close();
    expect(await tokens.forRequest({ teamId: 'T_ONE' })).toMatchObject({
      installationId: 'slack:T_ONE',
      token: 'xoxb-one-token',
      botUserId: 'U_BOT_T_ONE',
    });
    // A workspace never seen cannot be vouched for without the database.
    await expect(tokens.forRequest({ teamId: 'T_UNKNOWN' })).rejects.toThrow();
  });

  it('serves a workspace that installs after it was refused, and stops at once when told of an uninstall', async () => {
    expect(await tokens.forRequest({ teamId: 'T_TWO' })).toBeNull();
    await store.storeInstallation(installation('T_TWO', 'xoxb-two-token'));
    expect((await tokens.forRequest({ teamId: 'T_TWO' }))?.token).toBe('xoxb-two-token');
    await store.deleteTokens('slack:T_TWO');
    tokens.forget('slack:T_TWO');
    expect(await tokens.forRequest({ teamId: 'T_TWO' })).toBeNull();
  });
});
