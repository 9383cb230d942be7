import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import type { Earshot } from '../../src/main.ts';
import { writeAccounts } from '../../src/nudges/accounts/import-accounts.ts';
import { testEarshot } from '../helpers/earshot.ts';
import { seedEntry } from '../helpers/seed.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';

describe.each(DATABASE_KINDS)('answering with facets on %s', (kind) => {
  let db: Database;
  let earshot: Earshot;

  beforeEach(async () => {
    db = await openTestDatabase(kind);
    earshot = await testEarshot(db);
    await writeAccounts({
      db,
      clock: earshot.clock,
      workspaceId: 'acme',
      accounts: [{ name: 'Harborview Health', industry: 'Healthcare', ownerEmail: 'ana@example.com' }],
    });
    await seedEntry(db, {
      title: 'CFO payback story',
      kind: 'tip',
      body: 'Show the CFO the payback period on the ROI calculator before the pricing page.',
      industry: 'Healthcare',
      roles: ['CFO'],
      stage: 'decide',
    });
    await seedEntry(db, {
      title: 'Manufacturing CFO payback',
      kind: 'tip',
      body: 'Show the CFO the payback period on the ROI calculator, then the plant rollout plan.',
      industry: 'Manufacturing',
      roles: ['CFO'],
      stage: 'decide',
    });
    await seedEntry(db, {
      title: 'Harborview on payback',
      kind: 'chatter',
      account: 'Harborview Health',
      body: 'Harborview wants the payback period in months before signing.',
      stage: 'decide',
      roles: ['CFO'],
    });
    await seedEntry(db, {
      title: 'Approvals click path',
      kind: 'demo',
      body: 'Click path: Settings, then Approvals, then SSO setup. Show the admin audit log last.',
      roles: ['IT admin'],
      stage: 'evaluate',
    });
    await seedEntry(db, {
      title: 'Admin audit log tip',
      kind: 'tip',
      body: 'IT admins always ask to see the audit log and SSO setup.',
      roles: ['IT admin'],
      stage: 'evaluate',
    });
  });
  afterEach(() => earshot.close());

  const ask = (question: string, extra: { ignoreFacets?: boolean } = {}) =>
    earshot.ask({ workspaceId: 'acme', question, ...extra });
  const titles = (answer: { sources: Array<{ title: string }> }) =>
    answer.sources.map((source) => source.title);

  it('filters to the industry (the entry’s own or its account’s), role and stage a question names, and says so', async () => {
    const answer = await ask('What about payback for a CFO in healthcare at the decide stage?');
    expect(answer.heard).toBe(true);
    expect(titles(answer).sort()).toEqual(['CFO payback story', 'Harborview on payback']);
    expect(answer.facets).toMatchObject({
      industry: 'healthcare',
      role: 'CFO',
      stage: 'decide',
      labels: ['healthcare', 'CFO', 'decide stage'],
      withoutFindsMore: false,
    });
  });

  it('counts an untagged entry that names the industry in its text as about it', async () => {
    await seedEntry(db, {
      title: 'Hospital payback research',
      kind: 'research',
      body: 'Hospitals see payback in 7 months on average.',
    });
    const answer = await ask('payback research for healthcare');
    expect(titles(answer)).toContain('Hospital payback research');
    expect(titles(answer)).not.toContain('Manufacturing CFO payback');
  });

  it('keeps an industry that is the whole question as its words, filtered to entries about it', async () => {
    const answer = await ask('Anything from healthcare?');
    expect(answer.facets?.labels).toEqual(['healthcare']);
    expect(titles(answer)).toContain('Harborview on payback');
    expect(titles(answer)).not.toContain('Manufacturing CFO payback');
  });

  it('answers "what are we hearing from <industry> companies?" from the accounts in it, whatever the noun after it', async () => {
    for (const question of [
      'What are we hearing from healthcare companies?',
      'how are things going with hospital accounts?',
      "what's the latest from healthcare prospects",
    ]) {
      const answer = await ask(question);
      expect(answer.heard, question).toBe(true);
      expect(answer.facets?.labels, question).toEqual(['healthcare']);
      expect(titles(answer), question).toContain('Harborview on payback');
      expect(titles(answer), question).not.toContain('Manufacturing CFO payback');
    }
  });

  it('puts what healthcare accounts said before tips and studies that name healthcare, when asked what is heard there', async () => {
    await seedEntry(db, {
      title: 'Selling to healthcare: lead with compliance',
      kind: 'tip',
      body: 'With healthcare buyers, open with HIPAA and the BAA before any feature.',
      industry: 'Healthcare',
    });
    await seedEntry(db, {
      title: 'Healthcare buying committees, 2026',
      kind: 'research',
      body: 'Healthcare buying committees grew to eleven people on average this year.',
      industry: 'Healthcare',
    });
    for (const question of [
      'What are we hearing from healthcare companies?',
      'Any news from healthcare accounts?',
      'Anything new from our healthcare accounts?',
    ]) {
      const answer = await ask(question);
      expect(titles(answer)[0], question).toBe('Harborview on payback');
    }
    // Asked for material, the tips and studies are what the rep wants, in the order they rank.
    const material = await ask('What content do we have for healthcare?');
    expect(titles(material)).toContain('Selling to healthcare: lead with compliance');
    expect(titles(material)[0]).not.toBe('Harborview on payback');
  });

  it('hears what accounts in an industry of several words said in their own language, however the rep asks', async () => {
    await writeAccounts({
      db,
      clock: earshot.clock,
      workspaceId: 'acme',
      accounts: [
        { name: 'Klinikum Altmühltal', industry: 'Hospital research site', ownerEmail: 'ana@example.com' },
      ],
    });
    await seedEntry(db, {
      title: 'Klinikum Altmühltal fragt, ob die Studiendaten in Deutschland bleiben',
      kind: 'chatter',
      account: 'Klinikum Altmühltal',
      body: 'Das Klinikum Altmühltal fragt, ob die Studiendaten in Deutschland bleiben. Die Datenschutzbeauftragte möchte eine Antwort bis Oktober.',
    });
    await seedEntry(db, {
      title: 'Site burden survey',
      kind: 'research',
      body: 'Research coordinators at hospital research sites spend six hours a week retyping data.',
    });
    for (const question of [
      'What are we hearing from hospital research sites?',
      "What's coming from hospital research sites?",
      'Anything from hospital research sites?',
    ]) {
      const answer = await ask(question);
      expect(answer.facets?.labels, question).toEqual(['hospital research site']);
      expect(titles(answer)[0], question).toBe(
        'Klinikum Altmühltal fragt, ob die Studiendaten in Deutschland bleiben',
      );
    }
  });

  it('answers "anything from <industry> lately?" with what its accounts said first', async () => {
    await writeAccounts({
      db,
      clock: earshot.clock,
      workspaceId: 'acme',
      accounts: [{ name: 'Ironbridge Comp', industry: "Workers' comp", ownerEmail: 'ana@example.com' }],
    });
    await seedEntry(db, {
      title: "Workers' comp: bureau reporting",
      kind: 'expert',
      body: "Our workers' comp module files unit statistical reports with the bureaus every month.",
    });
    await seedEntry(db, {
      title: 'Ironbridge Comp asked about proof of coverage',
      kind: 'chatter',
      account: 'Ironbridge Comp',
      body: 'Ironbridge Comp asked whether proof of coverage filings can be automated for every state.',
    });
    const answer = await ask("anything from workers' comp carriers lately?");
    expect(answer.facets?.labels).toEqual(["workers' comp"]);
    expect(titles(answer)[0]).toBe('Ironbridge Comp asked about proof of coverage');
  });

  it('puts chatter first when a question asks for chatter', async () => {
    await seedEntry(db, {
      title: 'Payback period talk track',
      kind: 'tip',
      body: 'Lead with the payback period: a payback period under a year wins the CFO over.',
    });
    const answer = await ask('Any chatter about the payback period?');
    expect(titles(answer)[0]).toBe('Harborview on payback');
    expect(titles(answer)).toContain('Payback period talk track');
  });

  it('says "nothing heard" about an industry nobody sells to, instead of answering from a word of its phrase', async () => {
    await seedEntry(db, {
      title: 'Law firms want flat pricing',
      kind: 'chatter',
      body: 'Two law firms asked for flat pricing instead of per-seat pricing.',
    });
    const answer = await ask('How are we doing with construction firms?');
    expect(answer.heard).toBe(false);
    expect(answer.facets?.labels).toEqual(['construction']);

    await seedEntry(db, {
      title: 'Contractors and mobile approvals',
      kind: 'tip',
      body: 'General contractors approve invoices from the job site, so lead with mobile approvals.',
    });
    const named = await ask('How are we doing with construction firms?');
    expect(titles(named)).toEqual(['Contractors and mobile approvals']);
  });

  it('says "nothing heard" to a case study from an industry nobody sells to, rather than another one', async () => {
    await seedEntry(db, {
      title: 'Case study: Kessler Foods cut onboarding to two weeks',
      kind: 'research',
      body: 'A case study of a food distributor that moved 4,000 drivers onto mobile training.',
    });
    const mining = await ask('Do we have a case study with a mining company?');
    expect(mining.heard).toBe(false);
    expect(mining.facets?.labels).toEqual(['mining']);
    expect(mining.facets?.withoutFindsMore).toBe(true);
    // Asked what we do, the industry is only where: the question's subject answers.
    const ours = await ask('Do we support mobile training for mines?');
    expect(ours.facets).toBeUndefined();
    expect(titles(ours)).toEqual(['Case study: Kessler Foods cut onboarding to two weeks']);
  });

  it('keeps a workspace industry written another way rather than filtering its accounts out', async () => {
    await writeAccounts({
      db,
      clock: earshot.clock,
      workspaceId: 'acme',
      accounts: [
        {
          name: 'Stonebridge Builders',
          industry: 'Construction & Engineering',
          ownerEmail: 'ana@example.com',
        },
      ],
    });
    await seedEntry(db, {
      title: 'Stonebridge on payback',
      kind: 'chatter',
      account: 'Stonebridge Builders',
      body: 'Stonebridge wants payback inside one season.',
    });
    const answer = await ask('How are we doing with construction firms?');
    expect(titles(answer)).toContain('Stonebridge on payback');
  });
  it('lists what the facets select when the question names nothing else', async () => {
    const answer = await ask('content for the decide stage');
    expect(answer.heard).toBe(true);
    expect(titles(answer).sort()).toEqual([
      'CFO payback story',
      'Harborview on payback',
      'Manufacturing CFO payback',
    ]);
    expect(answer.facets?.labels).toEqual(['decide stage']);
  });

  it('prefers demo entries when a demo is asked for', async () => {
    const answer = await ask('what demo should I show an IT admin evaluating us?');
    expect(titles(answer)).toEqual(['Approvals click path']);
    expect(answer.facets?.labels).toEqual(['IT admin', 'evaluate stage', 'demos first']);
    // The demo is objective material: it is quoted on the research side, not counted as field chatter.
    expect(answer.objective.statements).toHaveLength(1);
    expect(answer.field.summary.entries).toBe(0);
  });

  it('says when the facets leave nothing but the question alone has an answer, and answers without them', async () => {
    const filtered = await ask('What about payback for an IT admin?');
    expect(filtered.heard).toBe(false);
    expect(filtered.facets).toMatchObject({ role: 'IT admin', withoutFindsMore: true });

    const unfiltered = await ask('What about payback for an IT admin?', { ignoreFacets: true });
    expect(unfiltered.heard).toBe(true);
    expect(unfiltered.facets).toBeUndefined();
  });

  it('leaves a role no entry carries in the question instead of filtering everything out', async () => {
    const answer = await ask('payback for a CISO');
    expect(answer.facets).toBeUndefined();
    expect(answer.question).toBe('payback for a CISO');
  });

  it('does not filter a question that only uses a stage word as a verb', async () => {
    const answer = await ask('help me decide between the ROI calculator and the plant rollout plan');
    expect(answer.facets).toBeUndefined();
    expect(titles(answer)).toContain('Manufacturing CFO payback');
  });

  it('never lists an entry private to another conversation, even when facets alone select', async () => {
    await seedEntry(db, {
      title: 'Private decide note',
      body: 'Said in a private channel.',
      stage: 'decide',
      audience: 'slack:G_PRIVATE',
    });
    const answer = await ask('content for the decide stage');
    expect(titles(answer)).not.toContain('Private decide note');
  });
});
