import type { Database } from '../../db/database.ts';
import { EarshotError } from '../../errors.ts';
import type { Answer, Source } from '../answer/answer-types.ts';
import { ensureWorkspace } from '../workspaces/ensure-workspace.ts';

export type StoredAnswer = Omit<Answer, 'questionId'>;

export interface AskedQuestion {
  workspaceId: string;
  text: string;
  askedBy?: string;
  platform?: string;
  channel?: string;
  /** The private conversation it was asked in (platform-qualified), or null when asked in the open. */
  audience?: string | null;
  answered: boolean;
  sourceIds: number[];
  usedModel: boolean;
  /** The answer as given, kept so it can be shown again exactly (sharing, reviews). */
  answer?: StoredAnswer;
}

export interface LoggedQuestion {
  id: number;
  text: string;
  askedBy: string | null;
  answered: boolean;
  createdAt: Date;
  helpful: number;
  notHelpful: number;
}

/** Every question asked, whether it was answered, and the feedback it got later. */
export class QuestionLog {
  /** Workspaces known to exist: a question is logged on every ask, so this saves a round trip each time. */
  private readonly knownWorkspaces = new Set<string>();

  constructor(private readonly db: Database) {}

  async record(question: AskedQuestion): Promise<number> {
    if (!this.knownWorkspaces.has(question.workspaceId)) {
      await ensureWorkspace(this.db, question.workspaceId);
      this.knownWorkspaces.add(question.workspaceId);
    }
    const row = await this.db.prisma.question.create({
      data: {
        workspaceId: question.workspaceId,
        text: question.text,
        askedBy: question.askedBy,
        platform: question.platform ?? 'cli',
        channel: question.channel,
        audience: question.audience ?? null,
        answered: question.answered,
        sourceIds: question.sourceIds,
        usedModel: question.usedModel,
        answer: question.answer ? JSON.parse(JSON.stringify(question.answer)) : undefined,
      },
    });
    return row.id;
  }

  /**
   * A logged question to ask again in the conversation (a conversation key) it is shown in, e.g.
   * without the facets it named; null when it is not in this workspace. A question asked in a private
   * conversation is asked again only there, and stays private.
   */
  async toAskAgain(
    workspaceId: string,
    questionId: number,
    conversationKey: string,
  ): Promise<{ text: string; privateConversation: boolean } | null> {
    const row = await this.db.prisma.question.findFirst({
      where: { id: questionId, workspaceId },
      select: { text: true, audience: true },
    });
    if (!row) return null;
    if (row.audience !== null && row.audience !== conversationKey) {
      throw new EarshotError({
        code: 'forbidden',
        message: `Question ${questionId} is private to another conversation than ${conversationKey}`,
        userMessage:
          'That question was asked in another private conversation, so it cannot be asked again here.',
      });
    }
    return { text: row.text, privateConversation: row.audience !== null };
  }

  /** A logged question's answer as it was given, or null when it is not in this workspace. */
  async answerOf(workspaceId: string, questionId: number): Promise<Answer | null> {
    const row = await this.db.prisma.question.findFirst({ where: { id: questionId, workspaceId } });
    if (!row?.answer) return null;
    const stored = row.answer as unknown as StoredAnswer;
    return {
      ...stored,
      questionId: row.id,
      field: {
        ...stored.field,
        summary: { ...stored.field.summary, newest: reviveDate(stored.field.summary.newest) },
      },
      sources: stored.sources.map(reviveSource),
      ...(stored.closest ? { closest: stored.closest.map(reviveSource) } : {}),
      references: stored.references
        ? {
            ...stored.references,
            matches: stored.references.matches.map((match) => ({
              ...match,
              availableFrom: reviveDate(match.availableFrom),
            })),
          }
        : null,
    };
  }

  /**
   * A logged answer to post in a conversation (a conversation key) for everyone there, or null when it
   * is not in this workspace. Refused when the question was asked in another private conversation or
   * the answer cites or lists as closest an entry private to one: sharing never carries private words
   * elsewhere.
   */
  async answerToShare(
    workspaceId: string,
    questionId: number,
    conversationKey: string,
  ): Promise<Answer | null> {
    const answer = await this.answerOf(workspaceId, questionId);
    if (!answer) return null;
    const question = await this.db.prisma.question.findFirst({
      where: { id: questionId, workspaceId },
      select: { audience: true },
    });
    const cited = await this.db.prisma.entry.findMany({
      where: {
        workspaceId,
        id: { in: [...answer.sources, ...(answer.closest ?? [])].map((source) => source.id) },
      },
      select: { audience: true },
    });
    const audiences = [question?.audience ?? null, ...cited.map((entry) => entry.audience)];
    if (audiences.some((audience) => audience !== null && audience !== conversationKey)) {
      throw new EarshotError({
        code: 'forbidden',
        message: `Question ${questionId} or its sources are private to another conversation than ${conversationKey}`,
        userMessage:
          'This answer draws on messages private to another conversation, so it cannot be shared here.',
      });
    }
    return answer;
  }

  /** One vote per person: voting again replaces the earlier vote. */
  async recordFeedback(options: {
    workspaceId: string;
    questionId: number;
    userId: string;
    helpful: boolean;
  }) {
    const { workspaceId, questionId, userId, helpful } = options;
    const question = await this.db.prisma.question.findFirst({ where: { id: questionId, workspaceId } });
    if (!question) {
      throw new EarshotError({
        code: 'not_found',
        message: `No question ${questionId} in workspace "${workspaceId}"`,
        userMessage: 'That answer is no longer available for feedback.',
      });
    }
    await this.db.prisma.questionFeedback.upsert({
      where: { questionId_userId: { questionId, userId } },
      create: { questionId, userId, helpful },
      update: { helpful, createdAt: new Date() },
    });
  }

  async list(options: {
    workspaceId: string;
    answered?: boolean;
    since?: Date;
    limit?: number;
  }): Promise<LoggedQuestion[]> {
    const rows = await this.db.prisma.question.findMany({
      where: {
        workspaceId: options.workspaceId,
        answered: options.answered,
        createdAt: { gte: options.since },
      },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: options.limit,
      include: { feedback: { select: { helpful: true } } },
    });
    return rows.map((row) => ({
      id: row.id,
      text: row.text,
      askedBy: row.askedBy,
      answered: row.answered,
      createdAt: row.createdAt,
      helpful: row.feedback.filter((vote) => vote.helpful).length,
      notHelpful: row.feedback.filter((vote) => !vote.helpful).length,
    }));
  }
}

function reviveDate(value: Date | string | null): Date | null {
  return value === null ? null : new Date(value);
}

/** A source as stored in JSON, with its dates back as dates. */
function reviveSource(source: Source): Source {
  return {
    ...source,
    createdAt: new Date(source.createdAt),
    staleSince: reviveDate(source.staleSince ?? null),
  };
}
