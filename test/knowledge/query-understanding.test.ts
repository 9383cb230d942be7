import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Database } from '../../src/db/database.ts';
import { WorkspaceSynonyms } from '../../src/knowledge/search/workspace-synonyms.ts';
import type { Earshot } from '../../src/main.ts';
import { writeAccounts } from '../../src/nudges/accounts/import-accounts.ts';
import { testEarshot } from '../helpers/earshot.ts';
import { seedEntry } from '../helpers/seed.ts';
import { DATABASE_KINDS, openTestDatabase } from '../helpers/test-database.ts';

describe.each(DATABASE_KINDS)('understanding questions on %s', (kind) => {
  let db: Database;
  let earshot: Earshot;

  beforeEach(async () => {
    db = await openTestDatabase(kind);
    earshot = await testEarshot(db);
    await seedEntry(db, {
      title: 'Onboarding went smoothly',
      body: 'Kickoff to first invoice in nine days.',
    });
    await seedEntry(db, { title: 'Card rebates', body: 'Finance liked the rebate on card spend.' });
  });
  afterEach(() => earshot.close());

  const ask = (question: string) => earshot.ask({ workspaceId: 'acme', question });
  const addHealthcareAccount = () =>
    writeAccounts({
      db,
      clock: earshot.clock,
      workspaceId: 'acme',
      accounts: [{ name: 'Mercy Ridge', industry: 'Healthcare', ownerEmail: 'ana@example.com' }],
    });
  const cited = async (question: string) => (await ask(question)).sources.map((source) => source.title);

  it('answers "any churn at renewal?" from an entry tagged retention', async () => {
    await seedEntry(db, {
      title: 'Kessler signed for two more years',
      body: 'The renewal closed after we fixed their approval routing.',
      topics: ['retention'],
    });
    const answer = await ask('Any churn at renewal?');
    expect(answer.heard).toBe(true);
    expect(answer.sources[0]?.title).toBe('Kessler signed for two more years');
  });

  it('finds the security review when asked about the infosec questionnaire', async () => {
    await seedEntry(db, {
      title: 'Saint Brendan security review',
      body: 'Their CISO wants our SOC 2 report first.',
    });
    expect((await cited('What are you hearing about the infosec questionnaire?'))[0]).toBe(
      'Saint Brendan security review',
    );
  });

  it("answers 'what are you hearing from healthcare prospects?' from chatter of a healthcare account", async () => {
    await addHealthcareAccount();
    await seedEntry(db, {
      title: 'Patient names on invoices',
      body: 'Line items carry them.',
      account: 'Mercy Ridge',
    });
    await seedEntry(db, {
      title: 'Freight invoices',
      body: 'Scanned and faxed bills.',
      account: 'Calder Logistics',
    });
    const answer = await ask('What are you hearing from healthcare prospects?');
    expect(answer.heard).toBe(true);
    expect(answer.sources.map((source) => source.title)).toEqual(['Patient names on invoices']);
  });

  it('finds what an acronym stands for, and the acronym from the words it stands for', async () => {
    await seedEntry(db, {
      title: 'Workforce management add-on',
      body: 'Workforce management is $15 per agent per month on Professional.',
    });
    await seedEntry(db, {
      title: 'Reinsurance treaties',
      body: 'Treaty cessions are booked for quota share and XoL treaties alike.',
    });
    expect(await cited('how much is wfm per seat?')).toEqual(['Workforce management add-on']);
    expect(await cited('Do we support excess of loss treaties?')).toEqual(['Reinsurance treaties']);
    // AE stands for adverse event too, but the two meanings are not synonyms of each other.
    await seedEntry(db, { title: 'Safety reporting', body: 'Adverse event forms go to the sponsor.' });
    expect((await ask('who is the account executive for Kessler?')).heard).toBe(false);
  });

  it('reads a misspelt framing word as the word meant, not as a subject nobody mentioned', async () => {
    await addHealthcareAccount();
    await seedEntry(db, {
      title: 'Patient names on invoices',
      body: 'Line items carry them.',
      account: 'Mercy Ridge',
    });
    const answer = await ask('What are we heraing from healthcare prospects?');
    expect(answer.question).toBe('What are we heraing from healthcare prospects?');
    expect(answer.sources.map((source) => source.title)).toEqual(['Patient names on invoices']);
  });

  it('finds NetSuite when the question misspells it', async () => {
    await seedEntry(db, {
      title: 'NetSuite rollout',
      body: 'The NetSuite connector went live in three weeks.',
    });
    const answer = await ask('How long does a Netsiute rollout take?');
    expect(answer.heard).toBe(true);
    expect(answer.sources[0]?.title).toBe('NetSuite rollout');
  });

  it('answers a question in Spanish, French or Portuguese from an entry recorded in English', async () => {
    await seedEntry(db, {
      title: 'Free trial length',
      body: 'The free trial lasts 14 days; a manager can extend it once.',
    });
    expect(await cited('¿Cuánto dura la prueba gratuita?')).toEqual(['Free trial length']);
    expect(await cited("Combien de temps dure l'essai gratuit ?")).toEqual(['Free trial length']);
    expect(await cited('Quanto tempo dura o teste grátis?')).toEqual(['Free trial length']);
  });

  it('reads the words for deleting data in Spanish, German and Portuguese as English does', async () => {
    await seedEntry(db, {
      kind: 'expert',
      title: 'Data deletion',
      body: 'Customer data is deleted 30 days after the contract ends, backups included.',
    });
    await seedEntry(db, {
      kind: 'expert',
      title: 'Data residency',
      body: 'Customer data for EU customers lives in Frankfurt.',
    });
    expect((await cited('¿Cuándo se borran los datos?'))[0]).toBe('Data deletion');
    expect((await cited('Wann werden die Daten gelöscht?'))[0]).toBe('Data deletion');
    expect((await cited('Quando os dados são excluídos?'))[0]).toBe('Data deletion');
  });

  it('reads the words for what we charge in Spanish, German and Portuguese as English does', async () => {
    await seedEntry(db, {
      kind: 'expert',
      title: 'Payment fees',
      body: 'Buyers who pay by credit card are charged 2.9%; bank transfers cost nothing.',
    });
    await seedEntry(db, {
      kind: 'expert',
      title: 'Card readers',
      body: 'Each location gets two card readers with its first order.',
    });
    expect(await cited('¿Cuánto cobramos por pagar con tarjeta de crédito?')).toEqual(['Payment fees']);
    expect(await cited('Quanto cobramos para pagar com cartão de crédito?')).toEqual(['Payment fees']);
    expect(await cited('Was berechnen wir für die Zahlung mit Kreditkarte?')).toEqual(['Payment fees']);
  });

  it('reads "IA", "KI" and the words for an agent answering in the other languages as English does', async () => {
    await seedEntry(db, {
      kind: 'expert',
      title: 'AI agent languages',
      body: 'The AI agent answers customers in 32 languages and hands over to a person in any of them.',
    });
    await seedEntry(db, {
      kind: 'expert',
      title: 'Voice languages',
      body: 'Phone menus are recorded in 6 languages.',
    });
    expect(await cited('o agente de IA responde em quantos idiomas?')).toEqual(['AI agent languages']);
    expect(await cited('¿En cuántos idiomas responde el agente de IA?')).toEqual(['AI agent languages']);
    expect(await cited('In wie vielen Sprachen antwortet der KI-Agent?')).toEqual(['AI agent languages']);
  });

  it("answers from a new workspace's only entry when the question uses some other words", async () => {
    await seedEntry(db, {
      workspaceId: 'fresh',
      kind: 'tip',
      title: 'Winning over controllers',
      body: 'Controllers who doubt automation come round once they see the audit trail on their own invoices.',
    });
    const answer = await earshot.ask({
      workspaceId: 'fresh',
      question: 'How do I win over skeptical controllers?',
    });
    expect(answer.heard).toBe(true);
    expect(answer.sources.map((source) => source.title)).toEqual(['Winning over controllers']);
  });

  it('answers what we do from any entry when nothing filed under the industry the question names does', async () => {
    await addHealthcareAccount();
    await seedEntry(db, {
      title: 'Mercy Ridge wants a shorter pilot',
      body: 'Their nurses have no time in December.',
      account: 'Mercy Ridge',
    });
    await seedEntry(db, {
      title: 'Security and compliance reports',
      body: 'A HIPAA BAA is available on Enterprise.',
      kind: 'expert',
    });
    const ours = await ask('Can we sign a BAA with a hospital?');
    expect(ours.heard).toBe(true);
    expect(ours.facets).toBeUndefined();
    expect(ours.sources.map((source) => source.title)).toEqual(['Security and compliance reports']);
    // What the field hears from an industry, or evidence from it, stays filtered to it.
    for (const question of [
      'Are hospitals asking about a BAA?',
      'Do we have a BAA case study with a hospital?',
    ]) {
      const theirs = await ask(question);
      expect(theirs.facets?.industry).toBe('healthcare');
      expect(theirs.heard).toBe(false);
      expect(theirs.facets?.withoutFindsMore).toBe(true);
    }
  });

  it('applies a synonym a curator adds to the very next question, and stops when it is removed', async () => {
    await seedEntry(db, {
      title: 'Board wants growth',
      body: 'Their reporting module usage doubled this year.',
    });
    expect((await ask('Any word on Atlas?')).heard).toBe(false);

    // Added through another process's connection, as `earshot synonyms add` would.
    const curator = new WorkspaceSynonyms(db);
    await curator.add({ workspaceId: 'acme', term: 'Atlas', synonym: 'reporting module' });
    expect(await cited('Any word on Atlas?')).toEqual(['Board wants growth']);

    await curator.remove({ workspaceId: 'acme', term: 'reporting module', synonym: 'atlas' });
    expect((await ask('Any word on Atlas?')).heard).toBe(false);
  });

  it('refuses synonyms that would do nothing or are already known, saying why', async () => {
    const curator = new WorkspaceSynonyms(db);
    await curator.add({ workspaceId: 'acme', term: 'Atlas', synonym: 'reporting module' });
    const refused = (term: string, synonym: string) =>
      curator.add({ workspaceId: 'acme', term, synonym }).then(
        () => 'added',
        (error: Error) => error.message,
      );
    expect(await refused('atlas', 'Reporting  Module')).toMatch(/already synonyms in workspace "acme"/);
    expect(await refused('pricing', 'cost')).toMatch(/built-in sales thesaurus/);
    expect(await refused('annual recurring revenue', 'ARRs')).toMatch(/stands for .* built-in acronyms/);
    expect(await refused('pricing', 'prices')).toMatch(/find the same entries/);
    expect(await refused('the', 'of')).toMatch(/only common words/);
    expect(await refused('', 'renewal')).toMatch(/give a word or phrase/);
    expect(await refused('a b c d e f g', 'renewal')).toMatch(/at most 6 words/);
    expect(await curator.list('acme')).toHaveLength(1);
  });
});
