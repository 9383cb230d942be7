import type { Command } from 'commander';
import { z } from 'zod';
import { loadConfig } from '../../config.ts';
import { CONSOLE_PATH } from '../../console/console-env.ts';
import { consoleRoleOf } from '../../console/console-roles.ts';
import { SignInLinks } from '../../console/sign-in-links.ts';
import { EarshotError } from '../../errors.ts';
import { organizationOption } from '../organization-option.ts';
import { reportError, runChecked } from '../run-command.ts';

const linkOptions = z.object({
  org: z.string().trim().min(1, 'name the organization: --org ORG'),
  as: z.email('must be an email address, such as ana@example.com').transform((email) => email.toLowerCase()),
});

/** `earshot console`: where the curator web console is; `earshot console link`: a one-time sign-in link. */
export function registerConsole(program: Command) {
  const consoleCommand = program
    .command('console')
    .description(
      'the curator web console that `earshot serve` serves: print its address (EARSHOT_PUBLIC_URL)',
    )
    .action(() => {
      try {
        const { publicUrl } = loadConfig();
        process.stdout.write(
          `${publicUrl}${CONSOLE_PATH}\nSign in with a one-time link: earshot console link --org ORG --as EMAIL\n`,
        );
      } catch (error) {
        process.exitCode = reportError(error);
      }
    });
  consoleCommand
    .command('link')
    .description(
      'print a one-time sign-in link to the console for someone of an organization (15 minutes, single use)',
    )
    .requiredOption(
      '--org <org>',
      'the organization: its id, its name, or a linked Slack team / Teams tenant id',
    )
    .requiredOption('--as <email>', "the person's email, as their Slack or Teams profile has it")
    .action((raw: unknown) =>
      runChecked(
        () => linkOptions.parse(raw),
        async (earshot, options) => {
          const organization = await organizationOption(earshot, options.org, { create: false });
          const role = await consoleRoleOf(earshot, organization, options.as);
          if (!role) {
            throw new EarshotError({
              code: 'invalid_input',
              message:
                `Nobody in "${organization}" has the email ${options.as}. Earshot knows a person's email once they have used it in Slack or Teams; ` +
                `a curator can also be named by email (earshot curators add ${options.as} --org ${organization}).`,
            });
          }
          const token = await new SignInLinks({ db: earshot.db, clock: earshot.clock }).create({
            organization,
            email: options.as,
          });
          const url = `${earshot.config.publicUrl}${CONSOLE_PATH}/sign-in?token=${token}`;
          process.stdout.write(
            `${url}\nSigns in ${options.as} as ${role === 'curator' ? 'a curator' : 'a member (browse and search)'} of "${organization}". Works once, within 15 minutes.\n`,
          );
        },
      ),
    );
}
