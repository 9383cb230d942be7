import type { AnyMiddlewareArgs, Context, Middleware } from '@slack/bolt';
import type { WebClient } from '@slack/web-api';
import type { EventKey } from '../events/event-claims.ts';
import type { EventJob, EventRunner, EventWork } from '../events/event-runner.ts';
import type { Logger } from '../logger.ts';
import { slackWorkspaceOf } from './pin-workspace.ts';
import { APOLOGY } from './slack-context.ts';

/** What a Slack event's claim stores: the event as Slack sent it, and the placeholder once posted. */
export interface SlackEventPayload {
  body: unknown;
  placeholderTs?: string;
}

/** The client acting in the workspace an event came from; null when Earshot is no longer installed there. */
export type ClientFor = (body: unknown) => Promise<WebClient | null>;

/** Runs the event through Bolt's middleware and listeners again (a retry, or a takeover after a crash). */
export type Rerun = (body: unknown, rerun: RerunContext) => Promise<void>;

export interface RerunContext {
  work: EventWork<SlackEventPayload>;
  finished(error?: unknown): void;
}

const RERUN = 'earshotRerun';
const WORK = 'earshotEventWork';

/**
 * Every Slack event (it has an `event_id`) is handled through the event runner: claimed once, its
 * listeners retried while the database is down, apologised for when they cannot succeed. Bolt has
 * already acknowledged the event over HTTP by now, so none of this holds up Slack's 3-second ack.
 */
export function handleEventsOnce(deps: {
  runner: EventRunner;
  clientFor: ClientFor;
  rerun: Rerun;
  logger: Logger;
}): Middleware<AnyMiddlewareArgs> {
  return async ({ body, context, next }) => {
    const rerun = context[RERUN] as RerunContext | undefined;
    if (rerun) {
      context[WORK] = rerun.work;
      try {
        await next();
        rerun.finished();
      } catch (error) {
        rerun.finished(error);
      }
      return;
    }
    const eventId = 'event_id' in body && typeof body.event_id === 'string' ? body.event_id : undefined;
    if (!eventId) {
      await next();
      return;
    }
    const key: EventKey = { platform: 'slack', workspaceId: slackWorkspaceOf(context), eventId };
    // Bolt's `next` runs once, and only while this request's chain runs; later tries (retries on
    // timers) go through the whole chain again.
    let nextUsable = true;
    // The legacy verification token in every payload is a credential of sorts: it is not stored.
    const { token: _token, ...stored } = body as Record<string, unknown>;
    const job = slackEventJob(deps, key, { body: stored }, async (work) => {
      if (!nextUsable) return false;
      nextUsable = false;
      context[WORK] = work;
      await next();
      return true;
    });
    await deps.runner.run(job);
    nextUsable = false;
  };
}

/** The job for one Slack event; `first` handles it in the request's own middleware chain when it can. */
export function slackEventJob(
  deps: { clientFor: ClientFor; rerun: Rerun; logger: Logger },
  key: EventKey,
  payload: SlackEventPayload,
  first?: (work: EventWork<SlackEventPayload>) => Promise<boolean>,
): EventJob<SlackEventPayload> {
  return {
    key,
    payload,
    work: async (work) => {
      if (first && (await first(work))) return;
      await new Promise<void>((resolve, reject) => {
        let finished = false;
        const context: RerunContext = {
          work,
          finished: (error) => {
            finished = true;
            if (error === undefined) resolve();
            else reject(error);
          },
        };
        deps.rerun(work.payload.body, context).then(() => {
          if (!finished) reject(new Error('the event stopped before reaching the listeners'));
        }, reject);
      });
    },
    apologise: async (stored) => {
      const client = await deps.clientFor(stored.body);
      if (client) await apologise(client, stored);
    },
    logger: deps.logger,
  };
}

/** The event's claim as its listener sees it; undefined for requests that are not events (commands, actions). */
export function slackEventWork(context: Context): EventWork<SlackEventPayload> | undefined {
  return context[WORK] as EventWork<SlackEventPayload> | undefined;
}

/** The custom properties that make `app.processEvent` a rerun of a claimed event. */
export function rerunProperties(rerun: RerunContext): Record<string, unknown> {
  return { [RERUN]: rerun };
}

/** Says sorry where the question was asked: in place of the placeholder when there is one. */
async function apologise(client: WebClient, payload: SlackEventPayload) {
  const question = questionOf(payload);
  if (!question) return;
  if (payload.placeholderTs) {
    await client.chat.update({
      channel: question.channel,
      ts: payload.placeholderTs,
      text: APOLOGY,
      blocks: [],
    });
    return;
  }
  await client.chat.postMessage({ channel: question.channel, thread_ts: question.threadTs, text: APOLOGY });
}

/**
 * Where an event that asks Earshot something came from: a mention (answered in its thread), a DM, or
 * a reply in a thread that Earshot had started answering (it posted a placeholder): other thread
 * replies were never questions, and an apology there would be noise.
 */
function questionOf(payload: SlackEventPayload): { channel: string; threadTs: string | undefined } | null {
  const event = (payload.body as { event?: Record<string, unknown> } | null)?.event;
  if (!event || typeof event.channel !== 'string') return null;
  const text = (key: string) => (typeof event[key] === 'string' ? (event[key] as string) : undefined);
  if (event.type === 'app_mention')
    return { channel: event.channel, threadTs: text('thread_ts') ?? text('ts') };
  if (event.type === 'message' && event.channel_type === 'im' && event.subtype === undefined && event.user) {
    return { channel: event.channel, threadTs: text('thread_ts') };
  }
  if (event.type === 'message' && text('thread_ts') && payload.placeholderTs)
    return { channel: event.channel, threadTs: text('thread_ts') };
  return null;
}
