import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';

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
});
