import type { Command } from 'commander';
import { z } from 'zod';
import { EarshotError } from '../../errors.ts';
import {
  CURATOR_ID_FORMS,
  type CuratorId,
  describeCuratorId,
  parseCuratorId,
} from '../../knowledge/curation/curator-ids.ts';
import type { CuratorChannel } from '../../knowledge/curation/organization-curators.ts';
import type { ChatPlatform } from '../../knowledge/workspaces/platform-ids.ts';
import type { Earshot } from '../../main.ts';
import { organizationOption } from '../organization-option.ts';
import { runChecked } from '../run-command.ts';

const KIND_LABELS: Record<CuratorId['kind'], string> = {
  slackUser: 'Slack user',
  slackGroup: 'Slack user group',
  teamsUser: 'Teams user',
  email: 'email, either platform',
};
const SLACK_CHANNEL = /^(?:slack:)?([CG][A-Z0-9_]{2,})$/;
const TEAMS_CONVERSATION = /^(?:teams:)?(19:[^\s;]+)(?:;messageid=\d+)?$/;

const orgOnly = z.object({ org: z.string().trim().min(1, 'name the organization: --org ORG') });

const channelOptions = orgOnly
  .extend({
    slack: z
      .string()
      .trim()
      .regex(SLACK_CHANNEL, 'must be a Slack channel id such as C0123ABC (copy it from the channel details)')
      .transform((value) => SLACK_CHANNEL.exec(value)?.[1] as string)
      .optional(),
    teams: z
      .string()
      .trim()
      .regex(
        TEAMS_CONVERSATION,
        'must be a Teams channel or group chat id such as 19:abc…@thread.tacv2 (from "Get link to channel")',
      )
      .transform((value) => TEAMS_CONVERSATION.exec(value)?.[1] as string)
      .optional(),
    clear: z.enum(['slack', 'teams'], 'must be slack or teams').optional(),
    json: z.boolean().optional(),
  })
  .refine((value) => !value.clear || !value[value.clear], {
    message: 'either set a channel or clear it, not both',
    path: ['clear'],
  });

/** Each identity typed, or one error naming every form Earshot accepts. */
function curatorIdsOf(inputs: string[]): CuratorId[] {
  return inputs.map((input) => {
    const id = parseCuratorId(input);
    if (id) return id;
    throw new EarshotError({
      code: 'invalid_input',
      message: `"${input}" is not a curator identity: give ${CURATOR_ID_FORMS}.`,
    });
  });
}

export function registerCurators(program: Command) {
  const curators = program
    .command('curators')
    .description(
      "an organization's curators (who reviews captures) and its curators' channel on each platform; without its own, EARSHOT_CURATORS and EARSHOT_CURATOR_CHANNEL apply",
    );
  curators
    .command('list')
    .description("the organization's curators, or the EARSHOT_CURATORS default it uses")
    .requiredOption(
      '--org <org>',
      'the organization: its id, its name, or a linked Slack team / Teams tenant id',
    )
    .option('--json', 'print JSON Lines')
    .action((raw: unknown) =>
      runChecked(
        () => orgOnly.extend({ json: z.boolean().optional() }).parse(raw),
        async (earshot, options) => {
          const organization = await organizationOption(earshot, options.org, { create: false });
          const list = await earshot.curators.of(organization);
          if (options.json) {
            for (const curator of list.curators) {
              const identity = describeCuratorId(curator);
              process.stdout.write(
                `${JSON.stringify({ identity, kind: curator.kind, source: list.source })}\n`,
              );
            }
            return;
          }
          if (list.source === 'default') {
            process.stdout.write(
              list.curators.length === 0
                ? `No curators in "${organization}": anyone may watch channels and set up digests, nobody may review. Add one: earshot curators add U0123ABC --org ${organization}\n`
                : `No curators of its own in "${organization}": EARSHOT_CURATORS applies.\n`,
            );
          }
          for (const curator of list.curators) {
            process.stdout.write(`${describeCuratorId(curator)} (${KIND_LABELS[curator.kind]})\n`);
          }
        },
      ),
    );
  curators
    .command('add')
    .description('make people curators of the organization (replaces the EARSHOT_CURATORS default there)')
    .argument('<identity...>', 'Slack user id (U…) or user group (S…), Teams AAD object id, or email')
    .requiredOption(
      '--org <org>',
      'the organization: its id, its name, or a linked Slack team / Teams tenant id',
    )
    .action((inputs: string[], raw: unknown) =>
      runChecked(
        () => ({ ids: curatorIdsOf(inputs), org: orgOnly.parse(raw).org }),
        async (earshot, { ids, org }) => {
          const organization = await organizationOption(earshot, org, { create: true });
          const before = await earshot.curators.of(organization);
          for (const id of ids) {
            const added = await earshot.curators.add(organization, id);
            process.stdout.write(
              added
                ? `Added ${describeCuratorId(id)} as a curator of "${organization}".\n`
                : `${describeCuratorId(id)} already curates "${organization}".\n`,
            );
          }
          if (before.source === 'default' && before.curators.length > 0) {
            process.stdout.write(
              `"${organization}" now has curators of its own: EARSHOT_CURATORS no longer applies to it.\n`,
            );
          }
        },
      ),
    );
  curators
    .command('remove')
    .description("remove curators of the organization's own")
    .argument('<identity...>', 'as added (see `earshot curators list`)')
    .requiredOption(
      '--org <org>',
      'the organization: its id, its name, or a linked Slack team / Teams tenant id',
    )
    .action((inputs: string[], raw: unknown) =>
      runChecked(
        () => ({ ids: curatorIdsOf(inputs), org: orgOnly.parse(raw).org }),
        async (earshot, { ids, org }) => {
          const organization = await organizationOption(earshot, org, { create: false });
          const before = await earshot.curators.of(organization);
          // All or none: a typo in the third id should not leave the first two removed.
          for (const id of ids) {
            const own = before.source === 'organization' && before.curators.some((c) => sameId(c, id));
            if (!own) throw notACurator(earshot, organization, id);
          }
          for (const id of ids) {
            await earshot.curators.remove(organization, id);
            process.stdout.write(
              `Removed ${describeCuratorId(id)} from the curators of "${organization}".\n`,
            );
          }
          const after = await earshot.curators.of(organization);
          if (after.source === 'default') {
            process.stdout.write(
              after.curators.length > 0
                ? `"${organization}" has no curators of its own now: EARSHOT_CURATORS applies.\n`
                : `"${organization}" has no curators now: anyone may watch channels and set up digests, nobody may review.\n`,
            );
          }
        },
      ),
    );
  curators
    .command('channel')
    .description(
      "show or set where the organization's curators get unanswered questions and their digest, per platform",
    )
    .requiredOption(
      '--org <org>',
      'the organization: its id, its name, or a linked Slack team / Teams tenant id',
    )
    .option('--slack <channel-id>', 'a Slack channel id (C…, or G… for an older private channel)')
    .option('--teams <conversation-id>', 'a Teams channel or group chat id (19:…) Earshot has been added to')
    .option('--clear <platform>', 'go back to EARSHOT_CURATOR_CHANNEL on slack or teams')
    .option('--json', 'print JSON')
    .action((raw: unknown) =>
      runChecked(
        () => channelOptions.parse(raw),
        async (earshot, options) => {
          const changes = Boolean(options.slack || options.teams || options.clear);
          const organization = await organizationOption(earshot, options.org, { create: changes });
          for (const platform of ['slack', 'teams'] as const) {
            const conversation = options[platform];
            if (conversation) await earshot.curators.setChannel(organization, platform, conversation);
          }
          if (options.clear) await earshot.curators.setChannel(organization, options.clear, null);
          const channels = {
            slack: await earshot.curators.channelOf(organization, 'slack'),
            teams: await earshot.curators.channelOf(organization, 'teams'),
          };
          if (options.json) {
            process.stdout.write(`${JSON.stringify({ organization, ...channels })}\n`);
            return;
          }
          for (const platform of ['slack', 'teams'] as const) {
            process.stdout.write(`${channelLine(organization, platform, channels[platform])}\n`);
          }
        },
      ),
    );
}

function channelLine(organization: string, platform: ChatPlatform, channel: CuratorChannel | null): string {
  const name = platform === 'slack' ? 'Slack' : 'Teams';
  if (!channel) return `${name}: no curators' channel for "${organization}"`;
  const source = channel.source === 'organization' ? 'its own' : 'EARSHOT_CURATOR_CHANNEL';
  return `${name}: ${channel.conversationId} (${source})`;
}

function notACurator(earshot: Earshot, organization: string, id: CuratorId): EarshotError {
  const fromDefault = earshot.config.curators.some((entry) => {
    const named = parseCuratorId(entry);
    return named !== null && sameId(named, id);
  });
  return new EarshotError({
    code: 'not_found',
    message: fromDefault
      ? `${describeCuratorId(id)} is not a curator of "${organization}" of its own: it is named in EARSHOT_CURATORS, which applies to every organization without curators of its own.`
      : `${describeCuratorId(id)} is not a curator of "${organization}" (see \`earshot curators list --org ${organization}\`).`,
  });
}

function sameId(a: CuratorId, b: CuratorId): boolean {
  return a.kind === b.kind && a.id === b.id;
}
