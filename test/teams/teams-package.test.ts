import { execFile } from 'node:child_process';
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(import.meta.dirname, '../..');
const run = promisify(execFile);
const APP_ID = '11111111-2222-4333-8444-555555555555';

const pngSize = (png: Uint8Array) => {
  const view = new DataView(png.buffer, png.byteOffset);
  return [view.getUint32(16), view.getUint32(20)];
};

describe('npm run teams:package', () => {
  it('builds an uploadable zip: the manifest with the bot id and host, and icons of the sizes Teams requires', async () => {
    const out = path.join(await mkdtemp(path.join(tmpdir(), 'earshot-teams-')), 'app.zip');
    await run(process.execPath, ['--import', 'tsx', 'scripts/teams-package.ts', out], {
      cwd: ROOT,
      env: { ...process.env, MICROSOFT_APP_ID: APP_ID, EARSHOT_PUBLIC_HOST: 'earshot.example.com' },
    });
    const files = unzipSync(await readFile(out));
    expect(Object.keys(files).sort()).toEqual(['color.png', 'manifest.json', 'outline.png']);
    const manifest = JSON.parse(new TextDecoder().decode(files['manifest.json']));
    expect(manifest).toMatchObject({
      id: APP_ID,
      manifestVersion: '1.22',
      validDomains: ['earshot.example.com'],
    });
    expect(manifest.bots[0]).toMatchObject({ botId: APP_ID, scopes: ['personal', 'team', 'groupChat'] });
    expect(manifest.webApplicationInfo.id).toBe(APP_ID);
    expect(manifest.composeExtensions[0]).toMatchObject({
      botId: APP_ID,
      commands: [
        expect.objectContaining({
          id: 'saveToEarshot',
          type: 'action',
          context: ['message'],
          fetchTask: true,
        }),
      ],
    });
    expect(manifest.authorization.permissions.resourceSpecific).toEqual([
      { name: 'ChannelMessage.Read.Group', type: 'Application' },
    ]);
    expect(JSON.stringify(manifest)).not.toContain('{{');
    expect(pngSize(files['color.png'] as Uint8Array)).toEqual([192, 192]);
    expect(pngSize(files['outline.png'] as Uint8Array)).toEqual([32, 32]);
  });

  it('refuses to build without a valid app id, naming the variable', async () => {
    const failed = await run(
      process.execPath,
      ['--import', 'tsx', 'scripts/teams-package.ts', '/tmp/never.zip'],
      {
        cwd: ROOT,
        env: { ...process.env, MICROSOFT_APP_ID: 'nope', EARSHOT_PUBLIC_HOST: 'earshot.example.com' },
      },
    ).catch((error: { code: number; stderr: string }) => error);
    expect(failed).toMatchObject({ code: 2 });
    expect((failed as { stderr: string }).stderr).toContain(
      'MICROSOFT_APP_ID: must be the Azure Bot app (client) id',
    );
  });
});
