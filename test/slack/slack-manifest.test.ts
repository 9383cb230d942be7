import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { SLACK_BOT_SCOPES } from '../../src/slack/oauth/bot-scopes.ts';

const manifestPath = path.resolve(import.meta.dirname, '../../manifest/slack.yaml');

describe('the Slack app manifest', () => {
  it('points every Slack request at /slack/events and asks for what the listeners use', async () => {
    const manifest = parse(await readFile(manifestPath, 'utf8'));
    const urls = [
      manifest.settings.event_subscriptions.request_url,
      manifest.settings.interactivity.request_url,
      ...manifest.features.slash_commands.map((command: { url: string }) => command.url),
    ];
    expect(urls.every((url: string) => url.endsWith('/slack/events'))).toBe(true);
    expect(manifest.features.slash_commands.map((command: { command: string }) => command.command)).toEqual([
      '/earshot',
    ]);
    expect(manifest.features.slash_commands[0].usage_hint).toContain('digest weekly mon 09:00');
    expect(manifest.features.app_home.home_tab_enabled).toBe(true);
    expect(manifest.features.shortcuts).toEqual([
      expect.objectContaining({ type: 'message', callback_id: 'earshot_save' }),
    ]);
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(
      expect.arrayContaining([
        'app_mention',
        'message.im',
        'message.channels',
        'message.groups',
        'message.mpim',
        'reaction_added',
      ]),
    );
    expect(manifest.oauth_config.scopes.bot).toEqual(
      expect.arrayContaining([
        'app_mentions:read',
        'chat:write',
        'commands',
        'im:history',
        'channels:history',
        'groups:history',
        'reactions:read',
        'users:read',
        'users:read.email',
      ]),
    );
  });

  it('lets Earshot be installed by OAuth, org-wide on Enterprise Grid, asking for the scopes the install URL asks for', async () => {
    const manifest = parse(await readFile(manifestPath, 'utf8'));
    expect(manifest.oauth_config.redirect_urls).toEqual([expect.stringMatching(/\/slack\/oauth_redirect$/)]);
    expect(manifest.settings.org_deploy_enabled).toBe(true);
    // Capture by reaction in group DMs reads the message with mpim:history.
    expect([...manifest.oauth_config.scopes.bot].sort()).toEqual([...SLACK_BOT_SCOPES].sort());
    expect(manifest.oauth_config.scopes.bot).toContain('mpim:history');
    expect(manifest.settings.event_subscriptions.bot_events).toEqual(
      expect.arrayContaining(['app_uninstalled', 'tokens_revoked']),
    );
    // Earshot does not refresh rotating tokens.
    expect(manifest.settings.token_rotation_enabled).toBe(false);
  });
});
