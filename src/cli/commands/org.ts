import type { Command } from 'commander';
import { z } from 'zod';
import { EarshotError } from '../../errors.ts';
import type { LinkResult, OrganizationSummary } from '../../knowledge/organizations/organizations.ts';
import { GUID, SLACK_TEAM_ID, workspaceKey } from '../../knowledge/workspaces/platform-ids.ts';
import { runChecked, runCommand } from '../run-command.ts';

const installationOptions = z
  .object({
    slack: z.string().trim().optional(),
    teams: z.string().trim().optional(),
    json: z.boolean().optional(),
  })
  .refine((options) => Boolean(options.slack) !== Boolean(options.teams), {
    message:
      'name one installation: --slack TEAM_ID (T…, or E… for an Enterprise Grid org) or --teams TENANT_ID',
    path: ['slack'],
  });

/** `--slack T0123ABC` or `--teams <tenant GUID>` as an installation id, or an error naming the fix. */
function installationOf(options: z.output<typeof installationOptions>): string {
  if (options.slack) {
    const team = options.slack.replace(/^slack:/, '');
    if (!SLACK_TEAM_ID.test(team)) {
      throw new EarshotError({
        code: 'invalid_input',
        message: `option --slack: "${options.slack}" is not a Slack team id; it looks like T0123ABC (or E0123ABC for an Enterprise Grid org). Find it in Slack's workspace settings or in \`earshot org list\`.`,
      });
    }
    return workspaceKey('slack', team);
  }
  const tenant = (options.teams ?? '').replace(/^teams:/, '');
  if (!GUID.test(tenant)) {
    throw new EarshotError({
      code: 'invalid_input',
      message: `option --teams: "${options.teams}" is not a Microsoft Entra tenant id; it is a GUID such as 72f988bf-86f1-41af-91ab-2d7cd011db47.`,
    });
  }
  return workspaceKey('teams', tenant.toLowerCase());
}

export function registerOrg(program: Command) {
  const org = program
    .command('org')
    .description(
      'organizations: one knowledge base shared by the Slack workspaces and Teams tenants linked to it',
    );
  org
    .command('create')
    .description('create an organization to link installations to')
    .argument('<name>', 'e.g. "Acme Corp"')
    .action((name: string) =>
      runCommand(async (earshot) => {
        const created = await earshot.organizations.create(name);
        process.stdout.write(
          `Created organization "${created.name}" (id ${created.id}). Link its chat installations with \`earshot org link ${created.id} --slack TEAM_ID\` or \`--teams TENANT_ID\`.\n`,
        );
      }),
    );
  org
    .command('link')
    .description(
      'link a Slack workspace or Teams tenant to an organization; an organization it belonged to is merged in (nothing lost)',
    )
    .argument('<org>', 'the organization: its id, its name, or an installation already linked to it')
    .option('--slack <team-id>', 'a Slack team id (T…), or an Enterprise Grid org id (E…)')
    .option('--teams <tenant-id>', 'a Microsoft Entra tenant id (GUID)')
    .option('--json', 'print the result as JSON')
    .action((target: string, raw: unknown) =>
      runChecked(
        () => {
          const options = installationOptions.parse(raw);
          return { installation: installationOf(options), json: options.json };
        },
        async (earshot, { installation, json }) => {
          const result = await earshot.organizations.link(target, installation);
          process.stdout.write(json ? `${JSON.stringify(result)}\n` : linkText(result));
        },
      ),
    );
  org
    .command('unlink')
    .description('detach an installation: it gets an empty organization of its own; the knowledge stays')
    .option('--slack <team-id>', 'a Slack team id (T…) or Enterprise Grid org id (E…)')
    .option('--teams <tenant-id>', 'a Microsoft Entra tenant id (GUID)')
    .action((raw: unknown) =>
      runChecked(
        () => installationOf(installationOptions.parse(raw)),
        async (earshot, installation) => {
          const result = await earshot.organizations.unlink(installation);
          process.stdout.write(
            `Unlinked ${installation} from "${result.from}"; it now has its own organization "${result.organization}". The knowledge stays with "${result.from}".\n`,
          );
        },
      ),
    );
  org
    .command('list')
    .description('every organization and the installations linked to it')
    .option('--json', 'print JSON Lines')
    .action((raw: unknown) =>
      runChecked(
        () => z.object({ json: z.boolean().optional() }).parse(raw),
        async (earshot, { json }) => {
          for (const organization of await earshot.organizations.list()) {
            process.stdout.write(
              json ? `${JSON.stringify(organization)}\n` : `${summaryLine(organization)}\n`,
            );
          }
        },
      ),
    );
  org
    .command('show')
    .description("an organization's installations and how much knowledge it holds")
    .argument('<org>', 'its id, its name, or an installation linked to it')
    .option('--json', 'print JSON')
    .action((target: string, raw: unknown) =>
      runChecked(
        () => z.object({ json: z.boolean().optional() }).parse(raw),
        async (earshot, { json }) => {
          const details = await earshot.organizations.show(target);
          if (json) {
            process.stdout.write(`${JSON.stringify(details)}\n`);
            return;
          }
          const lines = [
            summaryLine(details),
            ...details.installations.map(
              (installation) => `  ${installation.id}${installation.name ? ` (${installation.name})` : ''}`,
            ),
            `  ${details.entries} entries, ${details.questions} questions, ${details.accounts} accounts, ${details.references} references`,
          ];
          process.stdout.write(`${lines.join('\n')}\n`);
        },
      ),
    );
}

function summaryLine(organization: OrganizationSummary): string {
  const name = organization.name ? ` "${organization.name}"` : '';
  const count = organization.installations.length;
  return `${organization.id}${name}: ${count === 0 ? 'no installations' : organization.installations.map((i) => i.id).join(', ')}`;
}

function linkText(result: LinkResult): string {
  if (!result.merged) return `Linked ${result.installation} to "${result.organization}".\n`;
  const { merged } = result;
  const lines = [
    `Linked ${result.installation} to "${result.organization}", merging "${merged.from}" into it: ${merged.entries} entries, ${merged.questions} questions, ${merged.accounts} accounts, ${merged.references} references, ${merged.installations} installations moved.`,
    ...merged.conflicts.map((conflict) => `  conflict: ${conflict}`),
  ];
  return `${lines.join('\n')}\n`;
}
