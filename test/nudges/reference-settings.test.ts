import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import type { Earshot } from '../../src/main.ts';
import { importReferences } from '../../src/nudges/references/import-references.ts';
import type { ReferenceActor } from '../../src/nudges/references/reference-desk.ts';
import { pendingReferenceRequests, referenceHistory } from '../../src/nudges/references/reference-history.ts';
import {
  pauseReference,
  resumeReference,
  setReferenceLimits,
  setReferenceOwner,
} from '../../src/nudges/references/reference-settings.ts';
import { testEarshot } from '../helpers/earshot.ts';
import { DAY_MS, FakeClock } from '../helpers/fake-clock.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';
import { REFERENCES_CSV, tempFile } from './nudge-fixtures.ts';

const W = 'T0SALES';

describe.each(DATABASE_KINDS)('managing reference customers (%s)', (kind) => {
  let db: Database;
  let earshot: Earshot;
  let clock: FakeClock;
  const rep: ReferenceActor = { workspaceId: W, platform: 'slack', userId: 'U0REP', isCurator: false };

  beforeEach(async () => {
    db = await openTestDatabase(kind);
    clock = new FakeClock('2026-11-22T15:00:00Z');
    earshot = await testEarshot(db, {}, { clock });
    await importReferences({ db, workspaceId: W, file: await tempFile('refs.csv', REFERENCES_CSV) });
  });
  afterEach(() => earshot.close());

  const idOf = async (account: string) =>
    (await db.prisma.reference.findFirstOrThrow({ where: { workspaceId: W, account } })).id;

  it('changes limits only when both are whole numbers in range, naming each bad field and its fix', async () => {
    const referenceId = await idOf('Northwind Health');
    const refused = await setReferenceLimits({
      db,
      workspaceId: W,
      referenceId,
      maxRequestsPer90Days: '2.5',
      cooldownDays: '',
    });
    expect(refused).toEqual({
      ok: false,
      problems: {
        maxRequestsPer90Days: 'Max requests per 90 days must be a whole number of 1 or more, such as 3.',
        cooldownDays: 'Cooldown days must be a whole number of 0 or more, such as 14.',
      },
    });
    expect(await db.prisma.reference.findUniqueOrThrow({ where: { id: referenceId } })).toMatchObject({
      maxRequestsPer90Days: 3,
      cooldownDays: 14,
    });
    const saved = await setReferenceLimits({
      db,
      workspaceId: W,
      referenceId,
      maxRequestsPer90Days: ' 1 ',
      cooldownDays: '0',
    });
    expect(saved).toEqual({
      ok: true,
      change: {
        account: 'Northwind Health',
        detail: "Northwind Health: 3 per 90 days, 14 days' cooldown → 1 per 90 days, 0 days' cooldown",
      },
    });
    expect((await earshot.references.availability(W, referenceId)).maxRequestsPer90Days).toBe(1);
  });

  it('pauses with a reason and resumes, as chat then sees it; another organization cannot touch it', async () => {
    const referenceId = await idOf('Fabrikam Steel');
    await expect(pauseReference({ db, workspaceId: W, referenceId, reason: '  ' })).rejects.toMatchObject({
      code: 'invalid_input',
      userMessage: expect.stringContaining('Reason for pausing: say why'),
    });
    await expect(
      pauseReference({ db, workspaceId: 'T0OTHER', referenceId, reason: 'mine' }),
    ).rejects.toMatchObject({ code: 'not_found' });
    await pauseReference({ db, workspaceId: W, referenceId, reason: 'plant outage' });
    expect((await earshot.references.availability(W, referenceId)).reasons).toEqual([
      { kind: 'paused', reason: 'plant outage' },
    ]);
    const resumed = await resumeReference({ db, workspaceId: W, referenceId });
    expect(resumed.detail).toBe('Fabrikam Steel: resumed (was paused: plant outage)');
    expect((await earshot.references.availability(W, referenceId)).available).toBe(true);
  });

  it('sets the owner email, refusing one that is not an email and leaving the owner as it was', async () => {
    const referenceId = await idOf('Fabrikam Steel');
    await expect(
      setReferenceOwner({ db, workspaceId: W, referenceId, ownerEmail: 'pat at seller' }),
    ).rejects.toMatchObject({ userMessage: expect.stringMatching(/^Owner email must be the owner’s email/) });
    await expect(
      setReferenceOwner({ db, workspaceId: W, referenceId, ownerEmail: '' }),
    ).rejects.toMatchObject({
      userMessage: expect.stringMatching(/^Owner email is required/),
    });
    expect((await earshot.references.availability(W, referenceId)).ownerEmail).toBe('ae.pat@seller.example');
    await setReferenceOwner({ db, workspaceId: W, referenceId, ownerEmail: 'Dee@Seller.example' });
    expect((await earshot.references.availability(W, referenceId)).ownerEmail).toBe('dee@seller.example');
  });

  it('approves past the limit only with a curator’s reason, recorded in the history', async () => {
    const referenceId = await idOf('Northwind Health');
    await setReferenceLimits({
      db,
      workspaceId: W,
      referenceId,
      maxRequestsPer90Days: '1',
      cooldownDays: '0',
    });
    const inConsole = {
      workspaceId: W,
      platform: 'console',
      userId: 'cara@acme.test',
      isCurator: true,
    } as const;
    const first = await earshot.references.request({ ...rep, referenceId, note: 'deal 1' });
    clock.advance(DAY_MS);
    const second = await earshot.references.request({ ...rep, referenceId, note: 'deal 2' });
    expect((await pendingReferenceRequests({ db, workspaceId: W })).map((r) => r.note)).toEqual([
      'deal 1',
      'deal 2',
    ]);
    await earshot.references.decide({ ...inConsole, requestId: first.requestId, approve: true });
    await expect(
      earshot.references.decide({
        ...inConsole,
        requestId: second.requestId,
        approve: true,
        override: { reason: ' ' },
      }),
    ).rejects.toMatchObject({
      code: 'forbidden',
      userMessage: expect.stringMatching(/limit reached \(1 of 1.*give a reason for the override/),
    });
    await earshot.references.decide({
      ...inConsole,
      requestId: second.requestId,
      approve: true,
      override: { reason: 'board asked' },
    });
    const history = await referenceHistory({ db, workspaceId: W, referenceId });
    expect(history.map((r) => [r.note, r.status, r.decidedBy, r.override])).toEqual([
      ['deal 2', 'approved', 'cara@acme.test', { by: 'cara@acme.test', reason: 'board asked' }],
      ['deal 1', 'approved', 'cara@acme.test', null],
    ]);
    expect(await referenceHistory({ db, workspaceId: 'T0OTHER', referenceId })).toEqual([]);
  });
});
