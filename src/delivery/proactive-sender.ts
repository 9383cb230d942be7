import type { DigestMessage } from '../digest/digest-message.ts';
import type { NudgeView } from '../nudges/nudge-view.ts';
import type { ReferenceRequestView } from '../nudges/references/reference-views.ts';
import type { StoredConversation } from './conversation-refs.ts';

/**
 * A message Earshot starts on its own. Core code says what to tell; each platform renders it
 * (Block Kit in Slack, Adaptive Cards in Teams) with the buttons that belong to it.
 */
export type OutboundMessage =
  /** Markdown-ish text both Slack (mrkdwn) and Teams render well enough. */
  | { kind: 'text'; text: string }
  /** A buying-trigger alert to an account owner: Snooze / Dismiss / Helpful. */
  | { kind: 'nudge'; nudge: NudgeView }
  /** A rep asks a reference's owner: Approve / Decline with a note. */
  | { kind: 'reference_request'; request: ReferenceRequestView }
  /** The weekly digest to a subscribed channel. */
  | ({ kind: 'digest' } & DigestMessage);

/** Where a proactive message landed, so a later button click can update it. */
export interface SentMessage {
  conversationId: string;
  /** Slack message ts or Teams activity id, when the platform returned one. */
  messageId: string | undefined;
}

/** The one way out for proactive messages, implemented once per platform. */
export interface ProactiveSender {
  readonly platform: StoredConversation['platform'];
  send(to: StoredConversation, message: OutboundMessage): Promise<SentMessage>;
}
