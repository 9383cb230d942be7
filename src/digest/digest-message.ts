import type { Digest } from './digest.ts';

/** A digest ready for a platform to render: the content plus how it is being delivered. */
export interface DigestMessage {
  digest: Digest;
  /** Dates are shown in the subscription's zone. */
  timeZone: string;
  /** Posted well after its scheduled time because Earshot was down then. */
  late: boolean;
  /** Shown only to the person who asked for a preview; nothing is recorded as posted. */
  preview: boolean;
  /** The command that prints this digest in full, for sections cut short in chat. */
  showCommand: string;
}

/** `earshot digest show …` with the same workspace, period, topics and audience as the digest. */
export function showCommandFor(digest: Digest): string {
  const parts = [
    'earshot digest show',
    `--workspace ${digest.workspaceId}`,
    `--from ${digest.period.from.toISOString()}`,
    `--to ${digest.period.to.toISOString()}`,
  ];
  if (digest.topics) parts.push(`--topics "${digest.topics.join(',')}"`);
  if (digest.forCurators) parts.push('--curators');
  return parts.join(' ');
}
