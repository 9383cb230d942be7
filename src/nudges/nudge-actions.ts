import type { Clock } from '../clock.ts';
import type { Database } from '../db/database.ts';
import type { ChatPlatform } from '../delivery/people-directory.ts';
import { EarshotError } from '../errors.ts';

export const SNOOZE_DAYS = 7;

/** What the owner has done with an alert after a click, for showing it again. */
export interface NudgeOwnerState {
  snoozedUntil: Date | null;
  helpful: boolean;
  dismissed: boolean;
}

export interface NudgeActor {
  workspaceId: string;
  nudgeId: number;
  platform: ChatPlatform;
  userId: string;
}

/** What the owner can do with an alert: snooze it for a week, dismiss it, or say it helped. */
export class NudgeActions {
  constructor(private readonly deps: { db: Database; clock: Clock }) {}

  /** Sends the alert again in a week, as a reminder. */
  async snooze(actor: NudgeActor): Promise<NudgeOwnerState> {
    await this.ownNudge(actor);
    const until = new Date(this.deps.clock.now().getTime() + SNOOZE_DAYS * 86_400_000);
    const nudge = await this.deps.db.prisma.nudge.update({
      where: { id: actor.nudgeId },
      data: { status: 'pending', dueAt: until, snoozeCount: { increment: 1 }, claimedAt: null, attempts: 0 },
    });
    return ownerState(nudge);
  }

  /** Never shows this alert again, including a snoozed reminder. */
  async dismiss(actor: NudgeActor): Promise<NudgeOwnerState> {
    await this.ownNudge(actor);
    const nudge = await this.deps.db.prisma.nudge.update({
      where: { id: actor.nudgeId },
      data: { status: 'dismissed' },
    });
    return ownerState(nudge);
  }

  async markHelpful(actor: NudgeActor): Promise<NudgeOwnerState> {
    await this.ownNudge(actor);
    const nudge = await this.deps.db.prisma.nudge.update({
      where: { id: actor.nudgeId },
      data: { helpful: true },
    });
    return ownerState(nudge);
  }

  /** Only the person the alert went to may act on it, and only in their own workspace. */
  private async ownNudge(actor: NudgeActor) {
    const nudge = await this.deps.db.prisma.nudge.findFirst({
      where: { id: actor.nudgeId, workspaceId: actor.workspaceId },
    });
    if (!nudge || nudge.platform !== actor.platform || nudge.recipientId !== actor.userId) {
      throw new EarshotError({
        code: nudge ? 'forbidden' : 'not_found',
        message: `nudge ${actor.nudgeId} cannot be changed by ${actor.platform}:${actor.userId}`,
        userMessage: 'That alert was for someone else, so it was left as it was.',
      });
    }
    if (nudge.status === 'dismissed') {
      throw new EarshotError({
        code: 'invalid_input',
        message: `nudge ${actor.nudgeId} is dismissed`,
        userMessage: 'You already dismissed this alert.',
      });
    }
    return nudge;
  }
}

/** A snoozed alert waits (pending) for its reminder; one that was never snoozed was never pending after a click. */
function ownerState(nudge: {
  status: string;
  snoozeCount: number;
  dueAt: Date;
  helpful: boolean | null;
}): NudgeOwnerState {
  return {
    snoozedUntil: nudge.status === 'pending' && nudge.snoozeCount > 0 ? nudge.dueAt : null,
    helpful: nudge.helpful === true,
    dismissed: nudge.status === 'dismissed',
  };
}
