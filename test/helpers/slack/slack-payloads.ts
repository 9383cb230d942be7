/** Builders for what Slack sends an app, with overrides; each `…Body()` serializes one as Slack puts it on the wire. */
export * from './slack-event-payloads.ts';
export { nextSlackTs, SLACK_IDS, userHandle } from './slack-ids.ts';
export * from './slack-interaction-payloads.ts';
