import { describe, expect, it } from 'vitest';
import { type IndexedDoc, LexicalIndex } from '../../src/knowledge/search/lexical-index.ts';
import { expandQuery } from '../../src/knowledge/search/query-expansion.ts';

function indexOf(bodies: string[]): LexicalIndex {
  const index = new LexicalIndex();
  bodies.forEach((body, i) => {
    const doc: IndexedDoc = {
      id: i + 1,
      title: '',
      body,
      kind: 'chatter',
      stage: null,
      topics: [],
      createdAt: new Date('2026-10-01'),
      audience: null,
    };
    index.upsert(doc);
  });
  return index;
}

const found = (index: LexicalIndex, query: string) => index.search(query, { limit: 10 }).map((hit) => hit.id);

// Ordinary chatter, so every test's vocabulary has neighbours and rare terms stay rare.
const NOISE = [
  'The buyer asked for a demo next week',
  'Pipeline review moved to Thursday',
  'Vitamin D and T cells came up in a healthcare webinar',
  'They compared our dashboard with the incumbent',
  'Legal wants the MSA redlines back by Friday',
];

describe('search across word forms', () => {
  it('finds an entry saying "decided" for a question about the decision', () => {
    const index = indexOf([...NOISE, 'Globex decided to renew after the pilot']);
    expect(found(index, 'who made the decision at Globex?')).toEqual([6]);
    expect(index.search('decision Globex', { limit: 1 })[0]?.coverage).toBe(1);
  });

  it('finds on-prem, onprem and on premises entries with any of those spellings', () => {
    const index = indexOf([
      ...NOISE,
      'Umbrella needs an on-prem install',
      'Initech runs everything onprem',
      'Hooli wants it on premises',
    ]);
    for (const query of ['onprem', 'on-prem', 'on prem', 'on-premise deployments']) {
      expect(found(index, query).sort(), query).toEqual([6, 7, 8]);
    }
  });

  it('finds sign-off entries for "sign off" and "signoff", never single sign-on ones', () => {
    const index = indexOf([
      ...NOISE,
      'VP sign-off is needed above a 20% discount',
      'Okta single sign-on is a must',
    ]);
    for (const query of ['signoff', 'who has to sign off?', 'sign-off'])
      expect(found(index, query), query).toEqual([6]);
    expect(found(index, 'sign on')).toEqual([7]);
  });

  it('finds e-mail entries for email and the other way round, counting the word as fully covered', () => {
    const index = indexOf([...NOISE, 'Send the e-mail template to Acme', 'The email integration broke']);
    expect(found(index, 'email').sort()).toEqual([6, 7]);
    expect(found(index, 'e-mail').sort()).toEqual([6, 7]);
    expect(index.search('e-mail', { limit: 10 }).every((hit) => hit.coverage === 1)).toBe(true);
  });

  it('matches R&D as a whole, not every entry with a stray d', () => {
    const index = indexOf([...NOISE, 'The R&D budget was cut for next year', 'Plan D is to wait for Q3']);
    expect(found(index, 'R&D')).toEqual([6]);
    expect(found(index, 'what about r&d?')).toEqual([6]);
  });

  it('meets SOC 2 however it is written', () => {
    const index = indexOf([
      ...NOISE,
      'Banks want our SOC 2 report',
      'Sent the SOC2 Type II letter',
      'SOC-2 came up again',
    ]);
    for (const query of ['SOC2', 'soc 2', 'SOC-2 report'])
      expect(found(index, query).sort(), query).toEqual([6, 7, 8]);
  });

  it('meets acronym plurals: a question about the CFO finds CFOs', () => {
    const index = indexOf([...NOISE, 'CFOs keep asking about payback', 'Two RFPs landed this week']);
    expect(found(index, 'what do CFOs say')).toEqual([6]);
    expect(found(index, 'cfo')).toEqual([6]);
    expect(found(index, 'any new RFP?')).toEqual([7]);
  });
});

describe('search in other languages', () => {
  const SPANISH = 'El director financiero de Acme dijo que el precio es demasiado alto y pidió un descuento.';
  const FRENCH = "Globex a décidé de ne pas renouveler après l'audit de sécurité.";
  const GERMAN = 'Die Verlängerung bei Initech ist wegen Budgetkürzungen gefährdet.';
  const PORTUGUESE = 'Os bancos pedem o relatório de segurança antes do piloto.';

  it('answers a question in Spanish with the entry recorded in Spanish', () => {
    const index = indexOf([...NOISE, SPANISH, FRENCH, GERMAN, PORTUGUESE]);
    expect(found(index, '¿Qué dicen sobre los precios de Acme?')[0]).toBe(6);
    expect(found(index, 'que dicen del descuento')).toEqual([6]);
  });

  it('answers questions in French, German and Portuguese, with or without accents', () => {
    const index = indexOf([...NOISE, SPANISH, FRENCH, GERMAN, PORTUGUESE]);
    expect(found(index, 'Pourquoi Globex ne renouvelle pas ?')[0]).toBe(7);
    expect(found(index, 'la securite chez Globex')[0]).toBe(7);
    expect(found(index, 'Was ist mit der Verlaengerung bei Initech?')[0]).toBe(8);
    expect(found(index, 'O que os bancos pedem sobre seguranca?')[0]).toBe(9);
  });

  it('finds the two words of a German compound asked about in one word', () => {
    const index = indexOf([...NOISE, GERMAN, 'Der Fragebogen zur Sicherheit kam gestern von der Bank.']);
    expect(found(index, 'Gibt es Neuigkeiten zum Sicherheitsfragebogen?')).toEqual([7]);
  });

  it('finds the English entry for a German compound whose first part the lexicon knows', () => {
    const index = indexOf([
      ...NOISE,
      'Timecards export to ADP and Gusto for payroll at the close of each period.',
    ]);
    const question = 'Welche Lohnabrechnungsanbieter unterstützen wir?';
    expect(index.search(expandQuery(question, { vocabulary: index }), { limit: 10 })[0]?.id).toBe(6);
  });

  it('reads "do we support…" in the other languages as support, the word most yes-or-no questions turn on', () => {
    const index = indexOf([
      ...NOISE,
      'Offline mode drains the handheld battery, reps in the field say.',
      'Every plan supports offline mode on the handheld, reps in the field confirm.',
    ]);
    for (const question of ['¿Soportamos el modo offline?', 'Unterstützen wir den Offline-Modus?']) {
      const hits = index.search(expandQuery(question, { vocabulary: index }), { limit: 10 });
      expect(hits[0]?.id, question).toBe(7);
    }
  });

  it('still finds the entry when a short question gives no clue to its language', () => {
    const index = indexOf([...NOISE, SPANISH, FRENCH, GERMAN, PORTUGUESE]);
    expect(found(index, 'precio Acme')[0]).toBe(6);
    expect(found(index, 'descuento')).toEqual([6]);
  });

  it('finds a name in an entry recorded in French from a question in English', () => {
    const index = indexOf([...NOISE, 'Ferrovia demande un pilote de 60 jours et un hébergement en France.']);
    expect(found(index, 'Any word on Ferrovia?')).toEqual([6]);
  });

  it('finds a name asked about in French in an entry recorded in English, as fully as the entry in French', () => {
    const english = 'Customer data is hosted in Canada, in Montreal, since January.';
    const french = "Laurentide exige l'hébergement des données au Canada.";
    const index = indexOf([...NOISE, english, french]);
    const question = "Est-ce qu'on peut héberger les données au Canada ?";
    const hits = index.search(expandQuery(question, { vocabulary: index }), { limit: 10 });
    // French stems "Canada" to "canad"; the English entry holds "canada".
    expect(hits.find((hit) => hit.id === 6)?.coverage).toBe(1);
    expect(hits.find((hit) => hit.id === 7)?.coverage).toBe(1);
  });

  it('keeps English questions working on English entries', () => {
    const index = indexOf([...NOISE, SPANISH, 'Acme asked for a discount on the price']);
    expect(found(index, 'discount')).toEqual([7]);
    expect(found(index, 'pricing discounts at Acme')[0]).toBe(7);
  });
});
