import { describe, expect, it } from 'vitest';
import { gatherEvidence, nameTerms } from '../../src/knowledge/answer/hit-evidence.ts';
import { type JudgedHit, judgeHits, type RelevanceFeatures } from '../../src/knowledge/answer/relevance.ts';
import { asksAboutUs } from '../../src/knowledge/answer/relevance-features.ts';
import { spellsOut } from '../../src/knowledge/answer/spelled-out.ts';
import type { Entry } from '../../src/knowledge/entry.ts';
import type { SearchHit } from '../../src/knowledge/search/knowledge-search.ts';
import { entryFixture } from '../helpers/entry-fixture.ts';

let nextId = 1;
function hit(body: string, coverage: number, lexicalScore: number, fields: Partial<Entry> = {}): SearchHit {
  const id = nextId++;
  const entry = entryFixture({
    id,
    workspaceId: 'acme',
    externalId: `e${id}`,
    title: '',
    body,
    contributor: null,
    status: 'published',
    createdAt: new Date('2026-11-02T00:00:00Z'),
    updatedAt: new Date('2026-11-02T00:00:00Z'),
    ...fields,
  });
  // No per-concept explanation: the evidence is read from the entry itself, as for vector-only hits.
  return {
    entry,
    score: lexicalScore,
    coverage,
    lexicalScore,
    concepts: [],
    fields: { title: 0, body: 0, meta: 0 },
  };
}

/** The features judged for one hit. */
function featuresOf(judged: JudgedHit[], of: SearchHit): RelevanceFeatures | undefined {
  return judged.find((j) => j.hit === of)?.features;
}

describe('what a hit holds of the question', () => {
  it('recovers how much each question term weighs from the coverage the index reports', () => {
    // Shares: ledgerline 0.5, pricing 0.3, renewal 0.2.
    const hits = [
      hit('Ledgerline came up again.', 0.5, 3),
      hit('Ledgerline pricing was 20% lower.', 0.8, 5),
      hit('Pricing at renewal is the worry.', 0.5, 2),
    ];
    const { question } = gatherEvidence(
      { question: 'Ledgerline pricing at renewal?', query: 'Ledgerline pricing renewal' },
      hits,
    );
    expect(question.weight.get('ledgerlin')).toBeCloseTo(0.5, 1);
    expect(question.weight.get('price')).toBeCloseTo(0.3, 1);
    expect(question.weight.get('renew')).toBeCloseTo(0.2, 1);
  });

  it('gives a term no entry holds what is left of the question', () => {
    const { question } = gatherEvidence({ question: 'Workday rollout?', query: 'Workday rollout' }, [
      hit('The NetSuite rollout took six weeks.', 0.3, 1),
    ]);
    expect(question.weight.get('rollout')).toBeCloseTo(0.3, 2);
    expect(question.weight.get('workdai') ?? question.weight.get('workday')).toBeCloseTo(0.7, 2);
  });

  it('takes weights and matches from the index when it explains its hits', () => {
    const explained = (body: string, concepts: Array<[string, number, number, string[]]>): SearchHit =>
      Object.assign(hit(body, 0, 2), {
        concepts: concepts.map(([term, idf, weight, fields]) => ({ term, idf, weight, fields })),
      });
    const hits = [
      explained('Pricier than Ledgerline.', [
        ['ledgerlin', 3, 1, ['body']],
        ['price', 1, 0.5, ['body']],
      ]),
    ];
    const { question, hits: evidence } = gatherEvidence(
      { question: 'Ledgerline pricing?', query: 'Ledgerline pricing' },
      hits,
    );
    expect(question.weight.get('ledgerlin')).toBeCloseTo(0.75);
    expect(question.idfTotal).toBe(4);
    expect(evidence[0]?.matched.get('price')?.strength).toBe(0.5);
  });

  it('reads names and acronyms from how the question is written', () => {
    expect(nameTerms('Any news on the Initech deal?')).toEqual(['initech']);
    expect(nameTerms('Is there a trial for our SIEM?')).toEqual(['siem']);
    expect(nameTerms('any news on the initech deal?')).toEqual([]);
    // German capitalizes every noun: there only acronyms name something.
    expect(nameTerms('Wo speichern wir Daten für Kunden in der EU?')).toEqual(['eu']);
    // Many capitals beside a lowercase content word are names, not Title Case.
    expect(nameTerms('How do we compete with Palo Alto Networks?').length).toBeGreaterThan(0);
    expect(nameTerms('How Do We Compete With Datadog?')).toEqual([]);
    // A number after a name is part of it, as the search joins them ("iso27001").
    expect(nameTerms('When does our ISO 27001 certificate expire?')).toContain('iso27001');
  });

  it('judges an entry lacking the name the question asks about less likely to answer', () => {
    const asked = { question: 'When is the CityGov renewal date?', query: 'CityGov renewal date' };
    const both = hit('CityGov renewal date is March 1.', 1, 6);
    const without = hit('Find the renewal date first.', 0.6, 4);
    const nameOnly = hit('CityGov needs a quote by April.', 0.4, 3);
    const { judged, relevant } = judgeHits(asked, [both, without, nameOnly]);
    const relevance = new Map(judged.map((j) => [j.hit, j.relevance]));
    expect(relevance.get(both)).toBeGreaterThan(relevance.get(without) as number);
    expect(featuresOf(judged, without)?.missingName).toBe(1);
    expect(relevant[0]?.hit).toBe(both);
  });

  it('does not cite an entry stating a number about something other than what the question counts', () => {
    const asked = { question: 'How many hosts does Helios run?', query: 'hosts Helios run' };
    const answers = hit('Helios runs 400 hosts across two regions.', 1, 6);
    const other = hit('Helios went SaaS after all: running it on-prem needed 6 people.', 0.6, 5);
    const { judged, relevant } = judgeHits(asked, [answers, other]);
    expect(featuresOf(judged, other)?.factSubjectMissing).toBe(1);
    expect(featuresOf(judged, answers)?.factSubjectMissing).toBe(0);
    expect(relevant.map((j) => j.hit)).toEqual([answers]);
  });

  it('does not cite an entry about the named account that says nothing of the fact asked about it', () => {
    const asked = { question: 'When is Redline Electric up for renewal?', query: 'Redline Electric renewal' };
    // Its rare name makes up most of the question, so the entry covers most of it.
    const signed = hit('Redline Electric signed on March 3, 2026: every electrician gets a login.', 0.9, 9);
    const renewal = hit('Kestrel renews on June 30, 2027, at the same price.', 0.3, 2);
    const { judged, relevant } = judgeHits(asked, [signed, renewal]);
    expect(featuresOf(judged, signed)?.predicateMissing).toBe(1);
    expect(relevant.map((j) => j.hit)).not.toContain(signed);

    const answers = hit('Redline Electric renews on January 31, 2028.', 1, 10);
    const again = judgeHits(asked, [signed, renewal, answers]);
    expect(featuresOf(again.judged, answers)?.predicateMissing).toBe(0);
    expect(again.relevant[0]?.hit).toBe(answers);
  });

  it('takes the figure itself for what a rate asked for is: "41%" answers "what deflection rate…"', () => {
    const asked = {
      question: 'What deflection rate did Driftwire hit in the POC?',
      query: 'deflection rate Driftwire hit POC',
    };
    const result = hit('Driftwire closed its POC at 41% deflection and signed Professional.', 0.8, 8);
    const { judged, relevant } = judgeHits(asked, [result]);
    expect(featuresOf(judged, result)?.factSubjectMissing).toBe(0);
    expect(relevant.map((j) => j.hit)).toEqual([result]);
  });

  it('does not cite a general policy for a question about one account the knowledge base knows', () => {
    const asked = { question: 'What discount did Harborview get?', query: 'discount Harborview' };
    const policy = hit('Deal desk approves up to a 12% discount for three-year deals.', 0.67, 6);
    const account = hit('Harborview pushed the agent to 2,400 machines in four days.', 0.33, 3);
    const { judged, relevant } = judgeHits(asked, [policy, account]);
    expect(featuresOf(judged, policy)?.knownNameMissing).toBe(1);
    expect(featuresOf(judged, account)?.knownNameMissing).toBe(0);
    expect(relevant).toEqual([]);
  });

  it('does not take a version number for the price or duration asked for', () => {
    const asked = { question: 'How much does the legacy agent cost?', query: 'legacy agent cost' };
    const platforms = hit(
      'Supported: Windows 10 and 11, macOS 13. A legacy agent covers Windows 7 and Server 2008 R2 with reduced features.',
      0.6,
      6,
    );
    const { judged, relevant } = judgeHits(asked, [platforms]);
    expect(judged[0]?.features.factMissing).toBe(1);
    expect(relevant).toEqual([]);
  });

  it('does not take a count of seats or a term in years for the price asked for', () => {
    const asked = { question: 'How much does Spark AI cost?', query: 'Spark AI cost' };
    const signed = hit('Trellis Logistics signed Pro + Spark AI, 2,800 active learners, 3 years.', 0.7, 6);
    const { judged, relevant } = judgeHits(asked, [signed]);
    expect(judged[0]?.features.factMissing).toBe(1);
    expect(relevant).toEqual([]);
  });

  it('reads "win rate" as asking for a percentage, which an entry about the competitor alone lacks', () => {
    const asked = { question: "What's our win rate against Trellix?", query: 'win rate Trellix' };
    const mention = hit('Sabre Ridge is evaluating Trellix for the air-gapped sites.', 0.4, 4);
    const { judged } = judgeHits(asked, [mention]);
    expect(judged[0]?.features.factMissing).toBe(1);
  });

  it('does not answer "do we…?" with chatter reporting that a buyer asked for it', () => {
    const asked = { question: 'Do we sign BAAs?', query: 'sign baa' };
    const request = hit('Her privacy officer wants a BAA signed before the pilot.', 1, 6, {
      kind: 'chatter',
      title: 'Meridian asked whether we sign a BAA',
    });
    const answer = hit('We sign business associate agreements (BAA) on the Enterprise plan.', 1, 6, {
      kind: 'expert',
      title: 'Security certifications',
    });
    const { judged, relevant } = judgeHits(asked, [request, answer]);
    expect(featuresOf(judged, request)?.ownRequest).toBe(1);
    expect(featuresOf(judged, answer)?.ownRequest).toBe(0);
    expect(relevant.map((j) => j.hit)).toEqual([answer]);
    // Asked as news, the same request is what the rep wants to hear.
    const news = judgeHits({ question: 'Any chatter about BAAs?', query: 'baa' }, [request]);
    expect(news.judged[0]?.features.ownRequest).toBe(0);
  });

  it('hears nothing when the only entry on a "do we…?" question is a buyer asking the same', () => {
    const request = hit(
      "The city's CIO asked whether we hold a FedRAMP authorization, since the state's cloud policy leans on it.",
      1,
      6,
      { kind: 'chatter', title: "Redmarsh asked whether we're FedRAMP authorized", topics: ['fedramp'] },
    );
    for (const question of ['Are we FedRAMP authorized?', 'are we fedramp authorized?']) {
      const { judged, relevant } = judgeHits({ question, query: 'fedramp authorized' }, [request]);
      expect(judged[0]?.features.ownRequest, question).toBe(1);
      expect(relevant, question).toEqual([]);
    }
  });

  it('answers "why do customers leave?" with the entry giving reasons before one that shares the verb', () => {
    const asked = { question: 'Why do customers leave us?', query: 'leave' };
    const leaves = hit('Their counsel wants to know if patient data ever leaves the US.', 1, 6, {
      kind: 'chatter',
      title: 'Meridian asks whether data leaves the US',
    });
    const analysis = hit('Customers leave mostly because payroll runs late in the first quarter.', 1, 5, {
      kind: 'research',
      title: 'Customers who leave: churn analysis 2026',
    });
    const { judged } = judgeHits(asked, [leaves, analysis]);
    const likelihood = (of: SearchHit) => judged.find((j) => j.hit === of)?.relevance ?? 0;
    expect(likelihood(analysis)).toBeGreaterThan(2 * likelihood(leaves));
  });

  it('reads a yes-or-no question about what a thing does as one about us, not one about buyers', () => {
    const request = hit('Their platform team asked whether the agent runs on Kubernetes.', 1, 6, {
      kind: 'chatter',
      title: 'Sabre Ridge wants to know if the agent runs on Kubernetes',
    });
    const answer = hit('The agent runs on Kubernetes as a DaemonSet, one pod per node.', 1, 6, {
      kind: 'expert',
      title: 'Agent deployment options',
    });
    for (const question of ['Does the agent run on Kubernetes?', 'Is SSO included in every plan?']) {
      const { judged } = judgeHits({ question, query: 'agent run kubernetes' }, [request, answer]);
      expect(featuresOf(judged, request)?.ownRequest, question).toBe(1);
    }
    const { relevant } = judgeHits(
      { question: 'Does the agent run on Kubernetes?', query: 'agent run kubernetes' },
      [request, answer],
    );
    expect(relevant[0]?.hit).toBe(answer);
    // Asked of people, it is news from the field.
    for (const question of [
      'Are prospects asking whether the agent runs on Kubernetes?',
      'Does anyone run the agent on Kubernetes?',
    ]) {
      const { judged } = judgeHits({ question, query: 'agent run kubernetes' }, [request]);
      expect(judged[0]?.features.ownRequest, question).toBe(0);
    }
  });

  it('counts an acronym the question uses as held by an entry that writes it out', () => {
    const asked = { question: 'Can we schedule PMs off engine hours?', query: 'schedule PMs engine hours' };
    const spelled = hit(
      'Preventive maintenance can be scheduled by miles, engine hours or calendar days.',
      0.6,
      5,
    );
    const other = hit('Alder reviews engine hours every month with their fleet lead.', 0.6, 5);
    const { judged } = judgeHits(asked, [spelled, other]);
    expect(featuresOf(judged, spelled)?.heldName).toBe(1);
    // A name is not an expansion, nor are words that merely start with the letters.
    expect(featuresOf(judged, other)?.heldName).toBe(0);
    expect(spellsOut('Crewline Advance pays out early', 'ca')).toBe(false);
    expect(spellsOut('the clinics asked', 'ca')).toBe(false);
    expect(spellsOut('Canadian hours of service cycles', 'hos')).toBe(true);
    expect(spellsOut('the cost of a breakdown', 'tco')).toBe(false);
    // Three initials in Title Case are an expansion, not a name that happens to fit.
    expect(spellsOut('validated by a Qualified Security Assessor', 'qsa')).toBe(true);
    expect(spellsOut('the current Attestation of Compliance is dated January', 'aoc')).toBe(true);
  });

  it('knows a request reported in the other languages', () => {
    const asked = {
      question: "Est-ce qu'on peut héberger les données au Canada ?",
      query: 'héberger données Canada',
    };
    const request = hit('Ils demandent si nous hébergeons les données au Canada.', 1, 6, {
      kind: 'chatter',
      title: "Logistique Laurentide exige l'hébergement des données au Canada",
    });
    expect(judgeHits(asked, [request]).judged[0]?.features.ownRequest).toBe(1);
  });

  it("does not answer a question about us from chatter titled with the buyer's same question", () => {
    const asked = {
      question: 'Can our handhelds scan Ticketmaster tickets?',
      query: 'handhelds scan Ticketmaster tickets',
    };
    const request = hit(
      "Ridgefield's GM asked whether our handhelds can scan Ticketmaster tickets at the gates. No answer yet.",
      1,
      8,
      { kind: 'chatter', title: 'Ridgefield: can handhelds scan tickets too?' },
    );
    const { judged, relevant } = judgeHits(asked, [request]);
    expect(judged[0]?.features.ownRequest).toBe(1);
    expect(relevant).toEqual([]);
  });

  it('knows a question about our own product in Spanish, French, German or Portuguese', () => {
    for (const question of [
      '¿Ofrecemos soporte en español?',
      "Est-ce qu'on signe un BAA ?",
      'Bieten wir deutsche Lohnabrechnung an?',
      'Temos suporte 24 horas em português?',
      // Any verb in those forms, not only the listed ones.
      '¿Emitimos facturas electrónicas?',
      'Integramos com o SAP?',
      'Hébergeons-nous les données au Canada ?',
      'Hosten wir Daten in Kanada?',
      // French "on" is "we" after an inverted verb.
      'Combien de temps conserve-t-on les données ?',
      'Peut-on héberger les données en France ?',
    ])
      expect(asksAboutUs(question), question).toBe(true);
    expect(asksAboutUs('¿Qué dicen los clientes de Tecnomar?')).toBe(false);
    expect(asksAboutUs('Que dit-on de Castor ?')).toBe(false);
  });

  it('knows "can …?" asks what the product can do, whoever does it, and not what a colleague can', () => {
    for (const question of ['can agents take card payments in chat?', 'Can it print coupons at the till?'])
      expect(asksAboutUs(question), question).toBe(true);
    for (const question of ['can you share the Harborline deck?', 'Can anyone intro me to their CFO?'])
      expect(asksAboutUs(question), question).toBe(false);
  });

  it("does not answer a rep's can-question from chatter reporting a buyer asking the same", () => {
    const asked = {
      question: 'can agents take card payments in chat?',
      query: 'can agents card payments in chat',
    };
    const request = hit(
      'Coinhollow asked whether agents can take card payments in chat. No answer yet.',
      1,
      8,
      {
        kind: 'chatter',
        title: 'Coinhollow asked whether agents can take card payments in chat',
      },
    );
    expect(judgeHits(asked, [request]).relevant).toEqual([]);
  });
});
