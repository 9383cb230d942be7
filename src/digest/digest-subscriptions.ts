import type { Database } from '../db/database.ts';
import type { ChatPlatform } from '../delivery/people-directory.ts';
import type { WeeklySchedule } from './weekly-schedule.ts';

/** Which conversation: digests are keyed by platform, workspace and channel. */
export interface DigestChannel {
  platform: ChatPlatform;
  workspaceId: string;
  conversationId: string;
}

export interface DigestSubscription extends DigestChannel {
  id: number;
  schedule: WeeklySchedule;
  topics: string[];
  forCurators: boolean;
  createdBy: string;
  scheduledSince: Date;
}

export interface SubscribeRequest extends DigestChannel {
  schedule: WeeklySchedule;
  topics: string[];
  forCurators: boolean;
  createdBy: string;
  /** When the schedule was set; occurrences before it are never posted. */
  now: Date;
}

/** The weekly digest subscriptions, one per channel: subscribing again replaces the schedule. */
export class DigestSubscriptions {
  constructor(private readonly db: Database) {}

  async subscribe(request: SubscribeRequest): Promise<DigestSubscription> {
    const { platform, workspaceId, conversationId, schedule } = request;
    const data = {
      weekday: schedule.weekday,
      time: schedule.time,
      timeZone: schedule.timeZone,
      topics: request.topics,
      forCurators: request.forCurators,
      createdBy: request.createdBy,
      scheduledSince: request.now,
    };
    const row = await this.db.prisma.digestSubscription.upsert({
      where: { platform_workspaceId_conversationId: { platform, workspaceId, conversationId } },
      create: { platform, workspaceId, conversationId, ...data },
      update: data,
    });
    return toSubscription(row);
  }

  /** True when there was a subscription to remove. Posted runs stay, so "since the last digest" holds. */
  async unsubscribe(channel: DigestChannel): Promise<boolean> {
    const { count } = await this.db.prisma.digestSubscription.deleteMany({ where: { ...channel } });
    return count > 0;
  }

  async find(channel: DigestChannel): Promise<DigestSubscription | null> {
    const row = await this.db.prisma.digestSubscription.findUnique({
      where: { platform_workspaceId_conversationId: channel },
    });
    return row ? toSubscription(row) : null;
  }

  async byId(id: number): Promise<DigestSubscription | null> {
    const row = await this.db.prisma.digestSubscription.findUnique({ where: { id } });
    return row ? toSubscription(row) : null;
  }

  /**
   * Changes the subscription's schedule, topics and audience, if it is the organization's. The schedule
   * counts from `now`, as when subscribing again in chat: an occurrence already past is never posted
   * (twice) because the time moved. Null when the organization has no such subscription.
   */
  async change(
    id: number,
    workspaceId: string,
    change: { schedule: WeeklySchedule; topics: string[]; forCurators: boolean; now: Date },
  ): Promise<DigestSubscription | null> {
    const { count } = await this.db.prisma.digestSubscription.updateMany({
      where: { id, workspaceId },
      data: {
        weekday: change.schedule.weekday,
        time: change.schedule.time,
        timeZone: change.schedule.timeZone,
        topics: change.topics,
        forCurators: change.forCurators,
        scheduledSince: change.now,
      },
    });
    return count > 0 ? this.byId(id) : null;
  }

  /** The organization's subscriptions, on every platform, oldest first. */
  async ofWorkspace(workspaceId: string): Promise<DigestSubscription[]> {
    const rows = await this.db.prisma.digestSubscription.findMany({
      where: { workspaceId },
      orderBy: { id: 'asc' },
    });
    return rows.map(toSubscription);
  }

  async all(platforms?: ChatPlatform[]): Promise<DigestSubscription[]> {
    const rows = await this.db.prisma.digestSubscription.findMany({
      where: platforms ? { platform: { in: platforms } } : {},
      orderBy: { id: 'asc' },
    });
    return rows.map(toSubscription);
  }
}

function toSubscription(row: {
  id: number;
  platform: string;
  workspaceId: string;
  conversationId: string;
  weekday: number;
  time: string;
  timeZone: string;
  topics: string[];
  forCurators: boolean;
  createdBy: string;
  scheduledSince: Date;
}): DigestSubscription {
  return {
    id: row.id,
    platform: row.platform as ChatPlatform,
    workspaceId: row.workspaceId,
    conversationId: row.conversationId,
    schedule: { weekday: row.weekday, time: row.time, timeZone: row.timeZone },
    topics: row.topics,
    forCurators: row.forCurators,
    createdBy: row.createdBy,
    scheduledSince: row.scheduledSince,
  };
}
