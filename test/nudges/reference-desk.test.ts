import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import type { Earshot } from '../../src/main.ts';
import { importReferences } from '../../src/nudges/references/import-references.ts';
import type { ReferenceActor } from '../../src/nudges/references/reference-desk.ts';
import { testEarshot } from '../helpers/earshot.ts';
import { DAY_MS, FakeClock } from '../helpers/fake-clock.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';
import { REFERENCES_CSV, tempFile } from './nudge-fixtures.ts';

const W = 'T0SALES';

describe.each(DATABASE_KINDS)('reference availability and requests (%s)', (kind) => {
  let db: Database;
  let earshot: Earshot;
  let clock: FakeClock;
  const rep: ReferenceActor = { workspaceId: W, platform: 'slack', userId: 'U0REP', isCurator: false };
  const curator: ReferenceActor = { ...rep, userId: 'U0CURATOR', isCurator: true };

  beforeEach(async () => {
    db = await openTestDatabase(kind);
    clock = new FakeClock('2026-11-22T15:00:00Z');
    earshot = await testEarshot(db, {}, { clock });
    await importReferences({ db, workspaceId: W, file: await tempFile('refs.csv', REFERENCES_CSV) });
  });
  afterEach(() => earshot.close());

  const idOf = async (account: string) =>
    (await db.prisma.reference.findFirstOrThrow({ where: { workspaceId: W, account } })).id;

  it('lists matching references available first, with the reason for each unavailable one', async () => {
    const healthcare = await earshot.references.check({ workspaceId: W, criteria: 'healthcare billing' });
    expect(healthcare.map((r) => [r.account, r.available])).toEqual([
      ['Northwind Health', true],
      ['Contoso Clinics', false],
    ]);
    expect(healthcare[1]?.reasons).toEqual([{ kind: 'paused', reason: 'open P1 service issue' }]);
    expect((await earshot.references.check({ workspaceId: W })).map((r) => r.account)).toHaveLength(3);
    expect(await earshot.references.check({ workspaceId: W, criteria: 'aerospace' })).toEqual([]);
    expect(await earshot.references.check({ workspaceId: 'T0OTHER' })).toEqual([]);
  });

  it('rejects a reference file with bad fields and keeps the references as they were', async () => {
    const bad = `account,industry,owner email,max requests per 90 days,cooldown days,status
Northwind Health,Healthcare,csm.nora@seller.example,zero,14,active
Initrode,Retail,,2,7,paused
`;
    const error = await importReferences({ db, workspaceId: W, file: await tempFile('bad.csv', bad) }).catch(
      (e: Error) => e,
    );
    expect(String(error)).toMatch(/line 2.*maxRequestsPer90Days/);
    expect(String(error)).toMatch(/line 3.*ownerEmail.*is required/);
    expect(String(error)).toMatch(/line 3.*pausedReason.*is required when status is paused/);
    expect(await db.prisma.reference.count()).toBe(3);
    expect(
      (await db.prisma.reference.findFirstOrThrow({ where: { account: 'Northwind Health' } }))
        .maxRequestsPer90Days,
    ).toBe(3);
  });

  it('counts approved requests against the limit and refuses the next one unless a curator overrides', async () => {
    const northwind = await idOf('Northwind Health');
    for (let i = 0; i < 3; i++) {
      const { requestId } = await earshot.references.request({
        ...rep,
        referenceId: northwind,
        note: `deal ${i}`,
      });
      await earshot.references.decide({ ...curator, requestId, approve: true });
      clock.advance(DAY_MS);
    }
    const full = await earshot.references.availability(W, northwind);
    expect(full).toMatchObject({ available: false, usedIn90Days: 3 });

    await expect(earshot.references.request({ ...rep, referenceId: northwind })).rejects.toMatchObject({
      code: 'forbidden',
      userMessage: expect.stringMatching(
        /Northwind Health can't take a call right now \(limit reached \(3 of 3.*Only a curator can override/,
      ),
    });
    await expect(
      earshot.references.request({ ...rep, referenceId: northwind, override: { reason: 'strategic deal' } }),
    ).rejects.toMatchObject({
      code: 'forbidden',
      userMessage: expect.stringMatching(/Only a curator can override/),
    });

    const overridden = await earshot.references.request({
      ...curator,
      referenceId: northwind,
      override: { reason: 'strategic deal' },
    });
    expect(overridden.overridden).toBe(true);
    const row = await db.prisma.referenceRequest.findUniqueOrThrow({ where: { id: overridden.requestId } });
    expect(row).toMatchObject({
      overrideBy: 'U0CURATOR',
      overrideReason: 'strategic deal',
      status: 'pending',
    });
    // The override carries through approval even though the limit is still reached.
    await earshot.references.decide({ ...curator, requestId: overridden.requestId, approve: true });
    expect(await earshot.references.availability(W, northwind)).toMatchObject({ usedIn90Days: 4 });
  });

  it('lets only the reference owner or a curator decide, once, and starts the cooldown when the call is done', async () => {
    const fabrikam = await idOf('Fabrikam Steel');
    await db.prisma.reference.update({
      where: { id: fabrikam },
      data: { ownerChatId: 'U0OWNER', cooldownDays: 10 },
    });
    const { requestId, deliveredTo } = await earshot.references.request({
      ...rep,
      referenceId: fabrikam,
      note: 'Big steel deal',
    });
    expect(deliveredTo).toBeNull(); // no chat platform in this test: the rep is told to contact the owner

    await expect(earshot.references.decide({ ...rep, requestId, approve: true })).rejects.toMatchObject({
      code: 'forbidden',
    });
    const owner = { ...rep, userId: 'U0OWNER' };
    const decision = await earshot.references.decide({
      ...owner,
      requestId,
      approve: true,
      note: 'Happy to',
    });
    expect(decision.status).toBe('approved');
    await expect(earshot.references.decide({ ...owner, requestId, approve: false })).rejects.toMatchObject({
      userMessage: 'That request is already approved.',
    });
    expect(await earshot.references.availability(W, fabrikam)).toMatchObject({
      available: true,
      usedIn90Days: 1,
    });

    const afterCall = await earshot.references.markDone({ ...rep, requestId });
    expect(afterCall.available).toBe(false);
    expect(afterCall.reasons).toEqual([
      { kind: 'cooldown', until: new Date(clock.now().getTime() + 10 * DAY_MS) },
    ]);
    clock.advance(10 * DAY_MS);
    expect((await earshot.references.availability(W, fabrikam)).available).toBe(true);
  });

  it('re-checks the limit when the owner approves', async () => {
    const contoso = await idOf('Contoso Clinics');
    await db.prisma.reference.update({
      where: { id: contoso },
      data: { status: 'active', pausedReason: null },
    });
    const first = await earshot.references.request({ ...rep, referenceId: contoso });
    const second = await earshot.references.request({ ...rep, userId: 'U0REP2', referenceId: contoso });
    const third = await earshot.references.request({ ...rep, userId: 'U0REP3', referenceId: contoso });
    await earshot.references.decide({ ...curator, requestId: first.requestId, approve: true });
    await earshot.references.decide({ ...curator, requestId: second.requestId, approve: true });
    await expect(
      earshot.references.decide({ ...curator, requestId: third.requestId, approve: true }),
    ).rejects.toMatchObject({
      code: 'forbidden',
      userMessage: expect.stringMatching(/limit reached \(2 of 2/),
    });
    await earshot.references.decide({
      ...curator,
      requestId: third.requestId,
      approve: false,
      note: 'Try Northwind',
    });
    expect(
      (await db.prisma.referenceRequest.findUniqueOrThrow({ where: { id: third.requestId } })).ownerNote,
    ).toBe('Try Northwind');
  });
});
