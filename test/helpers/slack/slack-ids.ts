/** The workspace every Slack test helper assumes unless told otherwise: payloads and the fake API agree on it. */
export const SLACK_IDS = {
  teamId: 'T_TEAM',
  /** Earshot's id of that workspace, as the knowledge base stores it. */
  workspaceId: 'slack:T_TEAM',
  teamDomain: 'earshot-test',
  teamName: 'Earshot Test',
  appId: 'A_EARSHOT',
  botUserId: 'U_BOT',
  botId: 'B_BOT',
  botName: 'earshot',
  userId: 'U_ALICE',
  userName: 'alice',
  otherUserId: 'U_BOB',
  channelId: 'C_GENERAL',
  channelName: 'general',
  /** Slack still sends the deprecated verification token in every payload. */
  verificationToken: 'legacy-verification-token',
} as const;

let tsCounter = 0;

/** A message timestamp as Slack writes it (`seconds.micros`, fixed width), unique and increasing per process. */
export function nextSlackTs(seconds = Math.floor(Date.now() / 1000)): string {
  tsCounter += 1;
  return `${seconds}.${String(tsCounter).padStart(6, '0')}`;
}

/** The handle a test user id stands for: `U_ALICE` is `alice`. */
export function userHandle(userId: string): string {
  return userId.replace(/^U_?/, '').toLowerCase();
}
