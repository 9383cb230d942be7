import type { RespondFn, SlashCommand } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { SlackMessage } from '../blocks/answer-blocks.ts';
import { referenceListBlocks } from '../blocks/reference-list-blocks.ts';
import type { SlackDeps } from '../slack-context.ts';

/** Slack wants the ack within 3 s; a list ready sooner is the ack itself, saving a round trip. */
const ACK_BUDGET_MS = 1500;
const FAILED = "Sorry, I couldn't check the references just now. Please try again in a minute.";

type Ack = (message: { response_type: 'ephemeral' } & Partial<SlackMessage>) => Promise<void>;

/** `/earshot references [criteria]`: who can take a reference call now, shown only to the asker. */
export async function listReferences(
  deps: SlackDeps,
  options: {
    client: WebClient;
    command: SlashCommand;
    /** The organization the command's workspace uses. */
    workspaceId: string;
    criteria: string;
    ack: Ack;
    respond: RespondFn;
  },
): Promise<void> {
  const { client, command, workspaceId, criteria } = options;
  const listing = (async (): Promise<SlackMessage> => {
    const [references, isCurator] = await Promise.all([
      deps.earshot.references.check({ workspaceId, criteria }),
      // Without the user group lookup the list still helps; only the override buttons are missing.
      deps.curators.isCurator(client, workspaceId, command.user_id).catch(() => false),
    ]);
    return referenceListBlocks(references, { criteria, isCurator });
  })().catch((error: unknown) => {
    deps.logger.error(
      {
        err: error,
        platform: 'slack',
        workspace: workspaceId,
        channel: command.channel_id,
      },
      'failed to check references',
    );
    return { text: FAILED, blocks: [] };
  });
  const quick = await within(listing, ACK_BUDGET_MS);
  if (quick) {
    await options.ack({ response_type: 'ephemeral', ...quick });
    return;
  }
  await options.ack({ response_type: 'ephemeral', text: 'Checking which references can take a call…' });
  await options.respond({ response_type: 'ephemeral', replace_original: true, ...(await listing) });
}

function within<T>(promise: Promise<T>, ms: number): Promise<T | null> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<null>((resolve) => {
    timer = setTimeout(() => resolve(null), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}
