import type { RecordedActivity } from './fake-bot-connector.ts';

/** The first Adaptive Card an activity sent to the connector carried, as JSON text ("null" without one). */
export const cardOf = (recorded: RecordedActivity): string =>
  JSON.stringify(
    (recorded.activity.attachments as Array<{ content: unknown }> | undefined)?.[0]?.content ?? null,
  );

/** Whether the activity carried attachments (a card) rather than plain text. */
export const withCard = (recorded: RecordedActivity): boolean => Array.isArray(recorded.activity.attachments);
