import type { RequestOutcome } from '../nudges/references/reference-desk.ts';
import { clip } from './clip.ts';
import type { Line } from './view-model.ts';

const MAX_NAME = 150;

/** What the rep is told once their reference request went out, or could not reach the owner. */
export function requestSentReply(outcome: RequestOutcome, platformName: string): Line[] {
  const account = { text: clip(outcome.reference.account, MAX_NAME), bold: true } as const;
  const override = outcome.overridden ? ' Your override is recorded.' : '';
  if (!outcome.deliveredTo) {
    return [
      [
        'Your request for ',
        account,
        ` is recorded, but I couldn't reach its owner in ${platformName}; contact ${clip(outcome.owner, MAX_NAME)} directly.${override}`,
      ],
    ];
  }
  const owner = {
    person: {
      platform: outcome.deliveredTo.platform,
      userId: outcome.deliveredTo.userId,
      // The email the platform gave for the owner reads better than a chat id from the references file.
      name: outcome.deliveredTo.email ?? outcome.owner,
    },
  };
  return [
    [
      'Asked ',
      owner,
      ', who owns ',
      account,
      `, to approve your request. I'll tell you when they decide.${override}`,
    ],
  ];
}
