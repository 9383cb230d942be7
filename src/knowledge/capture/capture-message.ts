import type { Database } from '../../db/database.ts';
import { toEntry } from '../entries/entry-store.ts';
import { titleFromBody } from '../entries/entry-title.ts';
import type { BuyingStage, Entry, EntryKind } from '../entry.ts';
import { ensureWorkspace } from '../workspaces/ensure-workspace.ts';
import { type CapturedMessage, capturedAudience, capturedExternalId } from './captured-message.ts';
import { contentHash, plainMessageText } from './content-hash.ts';

export interface CaptureRequest {
  message: CapturedMessage;
  kind: EntryKind;
  title?: string;
  topics?: string[];
  stage?: BuyingStage;
  industry?: string;
  /** Canonical buyer roles. */
  roles?: string[];
}

export interface CaptureResult {
  entry: Entry;
  /** created: a new pending entry; existing: this message was captured before; merged: the same text was. */
  outcome: 'created' | 'existing' | 'merged';
}

/**
 * Turns a chat message into a pending entry for curators to review, attributed to its author.
 * Capturing a message twice, or the same text posted elsewhere, never stores it twice; but the same
 * text is matched only within one audience (public with public, a private conversation with itself),
 * so a public repost never reveals, joins or unlocks a private capture.
 */
export async function captureMessage(db: Database, request: CaptureRequest): Promise<CaptureResult> {
  const { message } = request;
  const externalId = capturedExternalId(message);
  const hash = contentHash(message.text);
  const audience = capturedAudience(message);
  await ensureWorkspace(db, message.workspaceId);
  const same = await db.prisma.entry.findFirst({ where: { workspaceId: message.workspaceId, externalId } });
  if (same) return { entry: toEntry(same), outcome: 'existing' };

  const duplicate = await db.prisma.entry.findFirst({
    where: { workspaceId: message.workspaceId, contentHash: hash, audience, status: { not: 'rejected' } },
    orderBy: { id: 'asc' },
  });
  if (duplicate) return { entry: toEntry(duplicate), outcome: 'merged' };

  const body = plainMessageText(message.text);
  const created = await db.prisma.entry.create({
    data: {
      workspaceId: message.workspaceId,
      externalId,
      kind: request.kind,
      title: request.title ?? titleFromBody(body),
      body,
      sourceUrl: message.permalink,
      sourceChannel: message.conversationName ?? message.conversationId,
      sourceAuthor: message.authorName ?? message.authorId,
      // Credit goes to whoever said it in the channel, not to whoever saved it.
      contributor: message.authorId,
      topics: request.topics ?? [],
      stage: request.stage,
      industry: request.industry ?? null,
      roles: request.roles ?? [],
      status: 'pending',
      audience,
      contentHash: hash,
      createdAt: message.postedAt,
    },
  });
  return { entry: toEntry(created), outcome: 'created' };
}

/**
 * An edited message updates its entry's text (and a title that was derived from it). An edit from a
 * conversation whose privacy changed since the capture (a public channel made private) is ignored:
 * the new words belong to a narrower audience than the entry's, and an edit never moves an audience.
 */
export async function updateCapturedMessage(
  db: Database,
  message: Pick<
    CapturedMessage,
    'workspaceId' | 'platform' | 'conversationId' | 'isPrivate' | 'messageId' | 'text'
  >,
): Promise<Entry | null> {
  const existing = await db.prisma.entry.findFirst({
    where: { workspaceId: message.workspaceId, externalId: capturedExternalId(message) },
  });
  if (!existing || existing.audience !== capturedAudience(message)) return null;
  const body = plainMessageText(message.text);
  const derivedTitle = existing.title === titleFromBody(existing.body);
  const updated = await db.prisma.entry.update({
    where: { id: existing.id },
    data: {
      body,
      contentHash: contentHash(message.text),
      ...(derivedTitle ? { title: titleFromBody(body) } : {}),
    },
  });
  return toEntry(updated);
}

/**
 * A message deleted in chat takes its words out of Earshot: the entry is archived and emptied. The row
 * stays (without the text) so every process's search index sees the removal.
 */
export async function removeCapturedMessage(
  db: Database,
  message: Pick<CapturedMessage, 'workspaceId' | 'platform' | 'conversationId' | 'messageId'>,
): Promise<boolean> {
  const { count } = await db.prisma.entry.updateMany({
    where: { workspaceId: message.workspaceId, externalId: capturedExternalId(message) },
    data: {
      status: 'archived',
      title: 'Deleted message',
      body: '(deleted by its author)',
      contentHash: null,
    },
  });
  return count > 0;
}
