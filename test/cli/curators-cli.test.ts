import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { runCli } from '../helpers/run-cli.ts';

const AAD_ID = '00000000-0000-4000-8000-000000000001';
const FORMS =
  'a Slack user id (U0123ABC or W0123ABC), a Slack user group id (S0123ABC), a Teams AAD object id (a GUID) or Teams user id (29:…), or an email; write slack:… or teams:… to be explicit';
// Each command is a process of its own; a shared, busy machine can take a while to start them.
const SLOW = 180_000;

// On the embedded database only: the commands store through the same code on both, and
// test/slack/slack-curators-from-cli.test.ts runs `earshot curators add` against the server too.
describe('earshot curators', () => {
  let dataDir: string;
  const earshot = (args: string[], env: Record<string, string> = {}) => runCli(dataDir, args, env);

  beforeAll(async () => {
    dataDir = path.join(await mkdtemp(path.join(tmpdir(), 'earshot-curators-cli-')), 'data');
    expect((await earshot(['org', 'create', 'Acme Corp'])).code).toBe(0);
    expect((await earshot(['org', 'link', 'acme-corp', '--slack', 'T0ACME'])).code).toBe(0);
  }, SLOW);

  it(
    'adds, lists and removes the curators of an organization named by id, name or linked workspace',
    async () => {
      expect((await earshot(['curators', 'list', '--org', 'acme-corp'])).stdout).toBe(
        'No curators in "acme-corp": anyone may watch channels and set up digests, nobody may review. Add one: earshot curators add U0123ABC --org acme-corp\n',
      );
      const added = await earshot([
        'curators',
        'add',
        'U0CAROL',
        'S0LEADS',
        'Dana@Example.com',
        AAD_ID,
        '--org',
        'Acme Corp',
      ]);
      expect(added).toMatchObject({
        code: 0,
        stdout:
          'Added slack:U0CAROL as a curator of "acme-corp".\n' +
          'Added slack:S0LEADS as a curator of "acme-corp".\n' +
          'Added dana@example.com as a curator of "acme-corp".\n' +
          `Added teams:${AAD_ID} as a curator of "acme-corp".\n`,
      });
      expect((await earshot(['curators', 'add', 'slack:U0CAROL', '--org', 'T0ACME'])).stdout).toBe(
        'slack:U0CAROL already curates "acme-corp".\n',
      );
      const listed = await earshot(['curators', 'list', '--org', 'slack:T0ACME', '--json']);
      expect(
        listed.stdout
          .trim()
          .split('\n')
          .map((line) => JSON.parse(line)),
      ).toEqual([
        { identity: 'slack:U0CAROL', kind: 'slackUser', source: 'organization' },
        { identity: 'slack:S0LEADS', kind: 'slackGroup', source: 'organization' },
        { identity: 'dana@example.com', kind: 'email', source: 'organization' },
        { identity: `teams:${AAD_ID}`, kind: 'teamsUser', source: 'organization' },
      ]);

      expect((await earshot(['curators', 'remove', 'dana@example.com', '--org', 'acme-corp'])).stdout).toBe(
        'Removed dana@example.com from the curators of "acme-corp".\n',
      );
      expect((await earshot(['curators', 'list', '--org', 'acme-corp'])).stdout).toBe(
        `slack:U0CAROL (Slack user)\nslack:S0LEADS (Slack user group)\nteams:${AAD_ID} (Teams user)\n`,
      );
    },
    SLOW,
  );

  it(
    'refuses what is not a curator identity, an organization or a curator, and changes nothing then',
    async () => {
      const invalid = await earshot(['curators', 'add', 'U0NEW', '#sales-leads', '--org', 'acme-corp']);
      expect(invalid).toMatchObject({
        code: 2,
        stderr: `earshot: "#sales-leads" is not a curator identity: give ${FORMS}.\n`,
      });
      const missingOrg = await earshot(['curators', 'add', 'U0NEW']);
      expect(missingOrg.code).toBe(2);
      expect(missingOrg.stderr).toContain("required option '--org <org>' not specified");
      const noSuchOrg = await earshot(['curators', 'add', 'U0NEW', '--org', 'Initech']);
      expect(noSuchOrg.code).toBe(1);
      expect(noSuchOrg.stderr).toContain('No organization or installation "Initech"');

      const notACurator = await earshot(['curators', 'remove', 'U0CAROL', 'U0NOBODY', '--org', 'acme-corp']);
      expect(notACurator).toMatchObject({
        code: 1,
        stderr:
          'earshot: slack:U0NOBODY is not a curator of "acme-corp" (see `earshot curators list --org acme-corp`).\n',
      });
      const identities = (await earshot(['curators', 'list', '--org', 'acme-corp', '--json'])).stdout;
      expect(identities).toContain('slack:U0CAROL');
      expect(identities).not.toContain('U0NEW');
    },
    SLOW,
  );

  it(
    'applies EARSHOT_CURATORS only to an organization without curators of its own',
    async () => {
      const env = { EARSHOT_CURATORS: 'U0ENV,ops@example.com' };
      // A workspace Earshot has not heard from yet: its organization will be its own, with the default.
      expect((await earshot(['curators', 'list', '--org', 'T0OTHER'], env)).stdout).toBe(
        'No curators of its own in "slack:T0OTHER": EARSHOT_CURATORS applies.\nslack:U0ENV (Slack user)\nops@example.com (email, either platform)\n',
      );
      expect((await earshot(['curators', 'list', '--org', 'acme-corp'], env)).stdout).not.toContain('U0ENV');
      const fromEnv = await earshot(['curators', 'remove', 'U0ENV', '--org', 'T0OTHER'], env);
      expect(fromEnv.code).toBe(1);
      expect(fromEnv.stderr).toContain(
        'it is named in EARSHOT_CURATORS, which applies to every organization without curators of its own',
      );

      expect((await earshot(['curators', 'add', 'U0OWN', '--org', 'T0OTHER'], env)).stdout).toBe(
        'Added slack:U0OWN as a curator of "slack:T0OTHER".\n"slack:T0OTHER" now has curators of its own: EARSHOT_CURATORS no longer applies to it.\n',
      );
      expect((await earshot(['curators', 'list', '--org', 'T0OTHER'], env)).stdout).toBe(
        'slack:U0OWN (Slack user)\n',
      );
      expect((await earshot(['curators', 'remove', 'U0OWN', '--org', 'T0OTHER'], env)).stdout).toBe(
        'Removed slack:U0OWN from the curators of "slack:T0OTHER".\n"slack:T0OTHER" has no curators of its own now: EARSHOT_CURATORS applies.\n',
      );
    },
    SLOW,
  );

  it(
    "sets, shows and clears the curators' channel per platform, EARSHOT_CURATOR_CHANNEL on its own platform by default",
    async () => {
      const env = { EARSHOT_CURATOR_CHANNEL: 'C0DEFAULT' };
      expect((await earshot(['curators', 'channel', '--org', 'acme-corp'], env)).stdout).toBe(
        'Slack: C0DEFAULT (EARSHOT_CURATOR_CHANNEL)\nTeams: no curators\' channel for "acme-corp"\n',
      );
      const set = await earshot(
        [
          'curators',
          'channel',
          '--org',
          'T0ACME',
          '--slack',
          'C0CURATORS',
          '--teams',
          '19:abc123@thread.tacv2;messageid=1732000000000',
        ],
        env,
      );
      expect(set.stdout).toBe('Slack: C0CURATORS (its own)\nTeams: 19:abc123@thread.tacv2 (its own)\n');
      const cleared = await earshot(
        ['curators', 'channel', '--org', 'acme-corp', '--clear', 'slack', '--json'],
        env,
      );
      expect(JSON.parse(cleared.stdout)).toEqual({
        organization: 'acme-corp',
        slack: { conversationId: 'C0DEFAULT', source: 'default' },
        teams: { conversationId: '19:abc123@thread.tacv2', source: 'organization' },
      });

      const badSlack = await earshot(['curators', 'channel', '--org', 'acme-corp', '--slack', '#curators']);
      expect(badSlack.code).toBe(2);
      expect(badSlack.stderr).toBe(
        'earshot: option --slack: must be a Slack channel id such as C0123ABC (copy it from the channel details)\n',
      );
      const badTeams = await earshot(['curators', 'channel', '--org', 'acme-corp', '--teams', 'C0CURATORS']);
      expect(badTeams.code).toBe(2);
      expect(badTeams.stderr).toContain('option --teams: must be a Teams channel or group chat id');
      const both = await earshot([
        'curators',
        'channel',
        '--org',
        'acme-corp',
        '--slack',
        'C0X',
        '--clear',
        'slack',
      ]);
      expect(both.code).toBe(2);
      expect(both.stderr).toContain('either set a channel or clear it, not both');
      expect((await earshot(['curators', 'channel', '--org', 'acme-corp'], env)).stdout).toBe(
        'Slack: C0DEFAULT (EARSHOT_CURATOR_CHANNEL)\nTeams: 19:abc123@thread.tacv2 (its own)\n',
      );
    },
    SLOW,
  );
});
