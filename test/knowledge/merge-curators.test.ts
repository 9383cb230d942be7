import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import type { Earshot } from '../../src/main.ts';
import { testEarshot } from '../helpers/earshot.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';

const slackUser = (id: string) => ({ kind: 'slackUser' as const, id });

describe.each(DATABASE_KINDS)("merging organizations keeps everyone's curators (%s)", (kind) => {
  let db: Database;
  let earshot: Earshot;

  beforeEach(async () => {
    db = await openTestDatabase(kind);
    earshot = await testEarshot(db, { EARSHOT_CURATORS: 'U0ENV' });
  });
  afterEach(async () => {
    await earshot.close();
  });

  it("moves the merged organization's curators and channels in; the kept organization's channel wins", async () => {
    const acme = await earshot.organizations.create('Acme');
    // The Slack workspace has its own organization, with its curators and channels.
    const workspace = await earshot.organizations.ofInstallation('slack:T0EMEA');
    await earshot.curators.add(workspace, slackUser('U0CAROL'));
    await earshot.curators.add(workspace, { kind: 'email', id: 'dana@example.com' });
    await earshot.curators.setChannel(workspace, 'slack', 'C0EMEA');
    await earshot.curators.setChannel(workspace, 'teams', '19:emea@thread.tacv2');
    await earshot.curators.add(acme.id, { kind: 'email', id: 'dana@example.com' });
    await earshot.curators.setChannel(acme.id, 'teams', '19:acme@thread.tacv2');

    const linked = await earshot.organizations.link(acme.id, 'slack:T0EMEA');

    expect(linked.merged?.conflicts).toEqual([
      `curators' teams channel was 19:acme@thread.tacv2 in "acme" and 19:emea@thread.tacv2 in "${workspace}": 19:acme@thread.tacv2 kept`,
    ]);
    expect(await earshot.curators.of(acme.id)).toEqual({
      source: 'organization',
      curators: [slackUser('U0CAROL'), { kind: 'email', id: 'dana@example.com' }],
    });
    expect(await earshot.curators.channelOf(acme.id, 'slack')).toEqual({
      conversationId: 'C0EMEA',
      source: 'organization',
    });
    expect(await earshot.curators.channelOf(acme.id, 'teams')).toEqual({
      conversationId: '19:acme@thread.tacv2',
      source: 'organization',
    });
  });

  it('says when the kept organization stops using EARSHOT_CURATORS because the merged one named its own', async () => {
    const acme = await earshot.organizations.create('Acme');
    const workspace = await earshot.organizations.ofInstallation('slack:T0EMEA');
    await earshot.curators.add(workspace, slackUser('U0CAROL'));
    expect((await earshot.curators.of(acme.id)).curators).toEqual([slackUser('U0ENV')]);

    const linked = await earshot.organizations.link(acme.id, 'slack:T0EMEA');

    expect(linked.merged?.conflicts).toEqual([
      `"acme" had no curators of its own (EARSHOT_CURATORS applied) and now has the 1 of "${workspace}"; add others with \`earshot curators add\``,
    ]);
    expect(await earshot.curators.of(acme.id)).toEqual({
      source: 'organization',
      curators: [slackUser('U0CAROL')],
    });
  });
});
