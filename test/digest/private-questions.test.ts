import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { buildDigest } from '../../src/digest/build-digest.ts';
import { showCommandFor } from '../../src/digest/digest-message.ts';
import { digestText } from '../../src/digest/digest-text.ts';
import type { Earshot } from '../../src/main.ts';
import { renderSlackMessage } from '../../src/slack/blocks/render-message.ts';
import { renderTeamsCard } from '../../src/teams/cards/render-card.ts';
import { digestView } from '../../src/views/digest-view.ts';
import { testEarshot } from '../helpers/earshot.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';
import { shownText } from '../slack-blocks/digests.ts';
import { richTexts } from '../teams-cards/cards.ts';

const TEAM = 'T_TEAM';
// Questions are logged at the database's own now.
const FROM = new Date(Date.now() - 24 * 60 * 60_000);
const TO = new Date(Date.now() + 24 * 60 * 60_000);

const OPEN = 'Do we support SCIM provisioning?';
const IN_DM = 'Is Harborview about to churn, asking for a friend?';
const IN_ROOM = 'Can we give Secretco 40% off to beat Ledgerline?';
const IN_TEAMS_CHAT = 'What did Globex say about the layoffs?';

describe.each(DATABASE_KINDS)("private questions in the curators' digest on %s", (kind) => {
  let db: Database;
  let earshot: Earshot;

  beforeEach(async () => {
    db = await openTestDatabase(kind);
    earshot = await testEarshot(db);
  });
  afterEach(() => earshot.close());

  /** Nothing is known, so every question goes unanswered. */
  const askUnanswered = async () => {
    const ask = (question: string, platform: string, channel: string, privateConversation: boolean) =>
      earshot.ask({
        workspaceId: TEAM,
        question,
        platform,
        channel,
        privateConversation,
        askedBy: 'U_ASKER',
      });
    await ask(OPEN, 'slack', 'C_GENERAL', false);
    await ask(IN_DM, 'slack', 'D_ALICE', true);
    const room = await ask(IN_ROOM, 'slack', 'G_DEALS', true);
    await ask(IN_TEAMS_CHAT, 'teams', 'a:1chat', true);
    // Someone found the private answer unhelpful too.
    await earshot.questions.recordFeedback({
      workspaceId: TEAM,
      questionId: room.questionId ?? 0,
      userId: 'U_BOB',
      helpful: false,
    });
  };

  const curatorsDigest = (shownIn?: string) =>
    buildDigest(
      { db },
      { workspaceId: TEAM, from: FROM, to: TO, forCurators: true, shownIn, limits: 'full' },
    );

  const everyRendering = async (shownIn?: string) => {
    const digest = await curatorsDigest(shownIn);
    const message = {
      digest,
      timeZone: 'UTC',
      late: false,
      preview: false,
      showCommand: showCommandFor(digest),
    };
    const blocks = renderSlackMessage(digestView(message));
    return [
      digestText(digest),
      `${blocks.text}\n${shownText(blocks.blocks)}`,
      richTexts(renderTeamsCard(digestView(message))).join('\n'),
    ];
  };

  it('records the platform-qualified conversation of a privately asked question, and nothing for open ones', async () => {
    await askUnanswered();
    const rows = await db.prisma.question.findMany({
      orderBy: { id: 'asc' },
      select: { text: true, audience: true },
    });
    expect(rows).toEqual([
      { text: OPEN, audience: null },
      { text: IN_DM, audience: 'slack:D_ALICE' },
      { text: IN_ROOM, audience: 'slack:G_DEALS' },
      { text: IN_TEAMS_CHAT, audience: 'teams:a:1chat' },
    ]);
  });

  it('counts private questions but prints only open ones, outside any conversation and in another channel', async () => {
    await askUnanswered();
    for (const shownIn of [undefined, 'slack:C_CURATORS', 'teams:D_ALICE']) {
      const digest = await curatorsDigest(shownIn);
      expect(digest.gaps?.unanswered).toMatchObject({ items: [{ text: OPEN }], more: 0, askedInPrivate: 3 });
      expect(digest.gaps?.notHelpful).toMatchObject({ items: [], more: 0, askedInPrivate: 1 });
      for (const shown of await everyRendering(shownIn)) {
        expect(shown).toContain(OPEN);
        expect(shown).toContain('3 asked in private conversations (not shown here)');
        expect(shown).toContain('1 asked in private conversations (not shown here)');
        for (const secret of [IN_DM, IN_ROOM, IN_TEAMS_CHAT, 'Secretco', 'Harborview', 'Globex']) {
          expect(shown).not.toContain(secret);
        }
      }
    }
  });

  it('prints a private question in the conversation it was asked in', async () => {
    await askUnanswered();
    const digest = await curatorsDigest('slack:G_DEALS');
    expect(digest.gaps?.unanswered.items.map((item) => item.text).sort()).toEqual([IN_ROOM, OPEN].sort());
    expect(digest.gaps?.unanswered.askedInPrivate).toBe(2);
    expect(digest.gaps?.notHelpful).toMatchObject({
      items: [{ text: IN_ROOM, votes: 1 }],
      askedInPrivate: 0,
    });
    for (const shown of await everyRendering('slack:G_DEALS')) {
      expect(shown).toContain(IN_ROOM);
      expect(shown).not.toContain(IN_DM);
    }
  });

  it('is not a quiet week when the only gaps were asked in private', async () => {
    await earshot.ask({
      workspaceId: TEAM,
      question: IN_DM,
      platform: 'slack',
      channel: 'D_ALICE',
      privateConversation: true,
    });
    const digest = await curatorsDigest();
    expect(digest.empty).toBe(false);
    expect(digest.gaps?.unanswered).toEqual({ items: [], more: 0, askedInPrivate: 1 });
    for (const shown of await everyRendering()) {
      expect(shown).toMatch(/Questions nobody could answer\W* \(1\)/);
      expect(shown).not.toContain('Harborview');
    }
  });
});
