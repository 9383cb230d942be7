import { describe, expect, it } from 'vitest';
import type { DigestStatus } from '../../src/digest/digests.ts';
import { slackReplyText } from '../../src/slack/blocks/render-reply.ts';
import { teamsReplyText } from '../../src/teams/render-reply.ts';
import { digestReplies } from '../../src/views/digest-replies.ts';

const status = (topics: string[], lastError: string | null) =>
  ({
    subscription: {
      schedule: { weekday: 1, time: '09:00', timeZone: 'Europe/Berlin' },
      topics,
      forCurators: true,
    },
    next: new Date('2026-11-30T08:00:00Z'),
    last: lastError
      ? { scheduledFor: new Date('2026-11-23T08:00:00Z'), status: 'failed', late: false, lastError }
      : null,
  }) as unknown as DigestStatus;

describe('digest command replies on Slack and Teams', () => {
  it('say the same on both, with each platform’s command as code', () => {
    const slack = slackReplyText(digestReplies('/earshot digest').subscribed(status(['pricing'], null)));
    const teams = teamsReplyText(digestReplies('digest').subscribed(status(['pricing'], null)));
    const firstLine =
      'Weekly digest here: Mondays at 09:00 (Europe/Berlin), next on Mon 30 Nov at 09:00; topics: pricing; includes content gaps.';
    expect(slack).toBe(
      `${firstLine}\n\`/earshot digest preview\` shows what it would post now; \`/earshot digest off\` stops it.`,
    );
    expect(teams).toBe(
      `${firstLine}\n\`digest preview\` shows what it would post now; \`digest off\` stops it.`,
    );
  });

  it('keep typed topics and errors from pinging, linking or formatting on either platform', () => {
    const typed = '<!channel> [click](https://evil.example)';
    const slack = slackReplyText(digestReplies('/earshot digest').status(status([typed], typed)));
    const teams = teamsReplyText(digestReplies('digest').status(status([typed], typed)));
    expect(slack).not.toContain('<!channel>');
    expect(slack).toContain('&lt;!channel&gt;');
    expect(teams).not.toContain('](https://evil.example)');
    expect(slack).toContain('Last digest: Mon 23 Nov at 09:00, could not be posted (');
    expect(teams).toContain('Last digest: Mon 23 Nov at 09:00, could not be posted (');
  });

  it('spell the usage with the commands people type there', () => {
    expect(slackReplyText(digestReplies('/earshot digest').usage())).toContain(
      '`/earshot digest weekly mon 09:00`',
    );
    expect(teamsReplyText(digestReplies('digest').usage())).toContain('`digest weekly mon 09:00`');
    expect(teamsReplyText(digestReplies('digest').usage())).not.toContain('/earshot');
  });
});
