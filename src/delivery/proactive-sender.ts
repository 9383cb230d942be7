import type { StoredConversation } from './conversation-refs.ts';

/** A message Earshot starts on its own (an alert, a digest): plain text for now, each platform renders it. */
export interface OutboundMessage {
  /** Markdown-ish text both Slack (mrkdwn) and Teams render well enough. */
  text: string;
}

/** The one way out for proactive messages, implemented once per platform. */
export interface ProactiveSender {
  readonly platform: StoredConversation['platform'];
  send(to: StoredConversation, message: OutboundMessage): Promise<void>;
}
