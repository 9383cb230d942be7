import type { Command } from 'commander';
import { z } from 'zod';
import type { ChatPlatform } from '../../delivery/people-directory.ts';
import { buildDigest } from '../../digest/build-digest.ts';
import { digestText } from '../../digest/digest-text.ts';
import { describeSchedule, isTimeZone, nextOccurrence } from '../../digest/weekly-schedule.ts';
import { EarshotError } from '../../errors.ts';
import { connectMessenger, type Earshot } from '../../main.ts';
import { dateOption, WORKSPACE_HELP, workspaceOption } from '../options.ts';
import { runInWorkspace } from '../run-command.ts';

const DAY_MS = 24 * 60 * 60_000;

const timeZoneOption = z
  .string()
  .trim()
  .refine(isTimeZone, 'must be an IANA time zone such as Europe/Berlin or UTC');

const showOptions = z.object({
  workspace: workspaceOption,
  from: dateOption.optional(),
  to: dateOption.optional(),
  topics: z
    .string()
    .optional()
    .transform((value) => value?.split(',').map((topic) => topic.trim())),
  curators: z.boolean().optional(),
  timeZone: timeZoneOption.default('UTC'),
});

const runOptions = z.object({
  workspace: workspaceOption,
  channel: z.string().trim().min(1, 'must name a channel: a Slack channel id or a Teams conversation id'),
  platform: z.enum(['slack', 'teams']).optional(),
  timeZone: timeZoneOption.default('UTC'),
});

const listOptions = z.object({ workspace: workspaceOption.optional() });

export function registerDigest(program: Command) {
  const digest = program.command('digest').description('the weekly digest of what the field is hearing');
  digest
    .command('show')
    .description('print a digest in full (default: the last 7 days)')
    .option('-w, --workspace <id>', WORKSPACE_HELP, 'local')
    .option('--from <date>', 'start of the period (date or ISO time); default: 7 days before --to')
    .option('--to <date>', 'end of the period, exclusive; default: now')
    .option('--topics <list>', 'only these topics, comma-separated')
    .option('--curators', "the curators' digest: also unanswered questions and the review queue")
    .option('--time-zone <zone>', 'show dates in this zone', 'UTC')
    .action((raw: unknown) =>
      runInWorkspace(
        () => showOptions.parse(raw),
        async (earshot, options) => {
          const to = options.to ?? earshot.clock.now();
          const from = options.from ?? new Date(to.getTime() - 7 * DAY_MS);
          const shown = await buildDigest(earshot, {
            workspaceId: options.workspace,
            from,
            to,
            topics: options.topics,
            forCurators: options.curators ?? false,
            limits: 'full',
          });
          process.stdout.write(`${digestText(shown, { timeZone: options.timeZone })}\n`);
        },
      ),
    );
  digest
    .command('run')
    .description(
      "post a channel's digest now, for the period since its last one (needs Slack or Teams credentials)",
    )
    .option('-w, --workspace <id>', WORKSPACE_HELP, 'local')
    .requiredOption('-c, --channel <id>', 'the channel: a Slack channel id or a Teams conversation id')
    .option('--platform <slack|teams>', 'when the channel id is known on both')
    .option('--time-zone <zone>', 'for dates, when the channel has no subscription', 'UTC')
    .action((raw: unknown) =>
      runInWorkspace(
        () => runOptions.parse(raw),
        async (earshot, options) => {
          const channel = {
            platform: await platformOf(earshot, options),
            workspaceId: options.workspace,
            conversationId: options.channel,
          };
          await connectMessenger(earshot, channel.platform);
          const run = await earshot.digests.postNow(channel, { timeZone: options.timeZone });
          if (run.status !== 'posted') {
            throw new EarshotError({
              code: 'not_found',
              message: `the digest could not be posted to ${options.channel}: ${run.lastError}`,
            });
          }
          process.stdout.write(
            `Posted the digest for ${run.periodFrom.toISOString()} – ${run.periodTo.toISOString()} to ${channel.platform} ${options.channel}.\n`,
          );
        },
      ),
    );
  digest
    .command('list')
    .description('subscribed channels, their schedules and their last digest')
    .option('-w, --workspace <id>', 'only this workspace')
    .action((raw: unknown) =>
      runInWorkspace(
        () => listOptions.parse(raw),
        async (earshot, options) => {
          const now = earshot.clock.now();
          const subscriptions = (await earshot.digests.subscriptions.all()).filter(
            (subscription) => !options.workspace || subscription.workspaceId === options.workspace,
          );
          for (const subscription of subscriptions) {
            const [last] = await earshot.digests.runs.recent(subscription, 1);
            const extras = [
              subscription.topics.length > 0 ? `topics: ${subscription.topics.join(', ')}` : null,
              subscription.forCurators ? 'for curators' : null,
              `next ${nextOccurrence(subscription.schedule, now).toISOString()}`,
              last
                ? `last ${last.scheduledFor.toISOString()} ${last.status}${last.late ? ' (late)' : ''}${last.lastError ? `: ${last.lastError}` : ''}`
                : 'none posted yet',
            ].filter(Boolean);
            process.stdout.write(
              `${subscription.workspaceId} ${subscription.conversationId}: ${describeSchedule(subscription.schedule)}; ${extras.join('; ')}\n`,
            );
          }
          if (subscriptions.length === 0) {
            process.stdout.write(
              'No digest subscriptions yet: `/earshot digest weekly mon 09:00` in a Slack channel, or `digest weekly mon 09:00` to Earshot in a Teams channel.\n',
            );
          }
        },
      ),
    );
}

/** The channel's platform: as given, else the one where Earshot knows the channel. */
async function platformOf(
  earshot: Earshot,
  options: { workspace: string; channel: string; platform?: ChatPlatform },
): Promise<ChatPlatform> {
  if (options.platform) return options.platform;
  const known: ChatPlatform[] = [];
  for (const platform of ['slack', 'teams'] as const) {
    const channel = { platform, workspaceId: options.workspace, conversationId: options.channel };
    const found =
      (await earshot.digests.subscriptions.find(channel)) ??
      (await earshot.conversations.find(platform, options.workspace, options.channel));
    if (found) known.push(platform);
  }
  if (known.length === 1 && known[0]) return known[0];
  throw new EarshotError({
    code: 'invalid_input',
    message:
      known.length === 0
        ? `Earshot knows no channel ${options.channel} in workspace ${options.workspace}: subscribe it first (\`/earshot digest weekly mon 09:00\` in Slack, \`digest weekly mon 09:00\` in Teams) or check --workspace`
        : `channel ${options.channel} is known on both Slack and Teams: add --platform slack or --platform teams`,
  });
}
