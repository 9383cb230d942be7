import { describe, expect, it } from 'vitest';
import { detectFacets } from '../../src/knowledge/answer/question-facets.ts';
import { canonicalRole } from '../../src/knowledge/buyer-roles.ts';

const known = { industries: ['healthcare', 'manufacturing', 'financial services'] };
const detect = (question: string) => detectFacets(question, known);

describe('facets named in a question', () => {
  it('finds a role, an industry and a stage, and keeps the rest as the question', () => {
    expect(detect('What works for a CFO in healthcare at the decide stage?')).toEqual({
      facets: { stage: 'decide', role: 'CFO', industry: 'healthcare' },
      rest: 'What works?',
    });
  });

  it('reads a buyer "evaluating us" as the evaluate stage and "demo" as a demo preference', () => {
    expect(detect('what demo should I show an IT admin evaluating us?')).toEqual({
      facets: { stage: 'evaluate', role: 'IT admin', demo: true },
      rest: 'what demo should I show?',
    });
  });

  it('finds a stage named on its own, and a buyer still exploring', () => {
    expect(detect('content for the decide stage').facets).toEqual({ stage: 'decide' });
    expect(detect('what resonates with buyers who are still exploring?').facets).toEqual({
      stage: 'explore',
    });
    expect(detect('anything for the evaluation phase?').facets).toEqual({ stage: 'evaluate' });
  });

  it('takes the noun after an industry ("insurance companies", "biotech accounts") as part of it', () => {
    const industries = { industries: ['insurance', 'biotechnology', 'government', 'higher education'] };
    expect(detectFacets('What are we hearing from insurance companies?', industries)).toEqual({
      facets: { industry: 'insurance' },
      rest: 'What are we hearing?',
    });
    expect(detectFacets('how are things going with biotech accounts?', industries).facets).toEqual({
      industry: 'biotechnology',
    });
    expect(detectFacets("what's the latest from local government deals", industries)).toEqual({
      facets: { industry: 'government' },
      rest: "what's the latest",
    });
    expect(detectFacets('Anything from energy utilities?', { industries: ['energy'] })).toEqual({
      facets: { industry: 'energy' },
      rest: 'Anything?',
    });
    expect(detectFacets('any news from universities?', industries).facets).toEqual({
      industry: 'higher education',
    });
    // An industry of several words, written singular: the workspace files accounts as "Stadiums and Venues".
    expect(
      detectFacets('anything new from our stadium and venue accounts?', {
        industries: ['Stadiums and Venues'],
      }),
    ).toEqual({ facets: { industry: 'stadiums and venues' }, rest: 'anything new?' });
    // Filed in the singular, asked of in the plural.
    expect(
      detectFacets("What's coming from hospital research sites?", {
        industries: ['Hospital research site', 'Academic medical center'],
      }),
    ).toEqual({ facets: { industry: 'hospital research site' }, rest: "What's coming?" });
    expect(
      detectFacets('any feedback from academic medical centers?', {
        industries: ['Academic medical center'],
      }).facets,
    ).toEqual({ industry: 'academic medical center' });
    // An industry filed as two joined ("Media & Streaming") is named by either part, and each part's
    // other words; a part too short to stand alone ("gas" of "Oil and Gas") is not.
    const joined = { industries: ['Media & Streaming', 'Travel and Hospitality', 'Oil and Gas'] };
    expect(detectFacets('who are we losing media deals to?', joined).facets).toEqual({
      industry: 'media & streaming',
    });
    expect(detectFacets('any news from hotels?', joined).facets).toEqual({
      industry: 'travel and hospitality',
    });
    expect(detectFacets('do fuel cards cover gas?', joined).facets).toEqual({});
    // "contractors", "carriers", "brands": who in the industry, like "companies".
    expect(
      detectFacets('what are heavy civil contractors telling us?', {
        industries: ['Heavy Civil & Infrastructure'],
      }),
    ).toEqual({ facets: { industry: 'heavy civil & infrastructure' }, rest: 'what are telling us?' });
    // One word only as written: a hotel guest is a guest, not the hotels industry.
    expect(
      detectFacets('Can a hotel guest have dinner added to their stay?', { industries: ['Hotels'] }).facets,
    ).toEqual({});
    // A legal review is not the legal services industry.
    expect(
      detectFacets('how long does legal review take?', { industries: ['legal services'] }).facets,
    ).toEqual({});
  });

  it('maps role aliases and industry words to the canonical names', () => {
    expect(detect('pitch for the chief financial officer').facets.role).toBe('CFO');
    expect(detect('What are healthcare CFOs saying about SSO?').facets).toEqual({
      role: 'CFO',
      industry: 'healthcare',
    });
    expect(detect('implementation timelines for hospitals')).toEqual({
      facets: { industry: 'healthcare' },
      rest: 'implementation timelines',
    });
    expect(detect('Which reference can I use for an SAP manufacturer?').facets).toEqual({
      industry: 'manufacturing',
    });
    expect(canonicalRole('Finance leader')).toBe('CFO');
    expect(canonicalRole('V.P. Sales')).toBe('VP Sales');
  });

  it('does not read a plain verb or noun as a stage', () => {
    for (const question of [
      'help me decide between Arcbill and Ledgerline',
      'How do customers evaluate pricing?',
      'What are we hearing about implementation timelines?',
      'Any decision on the Harborview deal?',
      'how long does it take to implement the SAP connector?',
    ]) {
      expect(detect(question).facets, question).toEqual({});
    }
  });

  it('does not read somebody’s role, or a role word used as a plain word, as a role filter', () => {
    for (const question of [
      "What did Acme's CFO say about pricing?",
      'their CISO pushed back on SSO',
      'what are we hearing about legal review?',
      'how long does the procurement process take?',
      'any issues with the admin console?',
    ]) {
      expect(detect(question).facets, question).toEqual({});
    }
    expect(detect('one-pager for legal').facets.role).toBe('Legal');
  });

  it('does not read an industry word inside a company name, nor a role no entry carries', () => {
    const insurance = { industries: ['insurance'] };
    expect(detectFacets("What's the status with Brightpath Insurance?", insurance).facets).toEqual({});
    expect(detectFacets('What do insurance buyers ask?', insurance).facets).toEqual({
      industry: 'insurance',
    });
    expect(
      detectFacets('How do I talk DPO with a CFO?', { industries: [], roles: new Set(['CISO']) }),
    ).toEqual({
      facets: {},
      rest: 'How do I talk DPO with a CFO?',
    });
  });

  it('names only industries the workspace knows, and leaves the rest of the question alone', () => {
    expect(detectFacets('what do hospitals ask about SSO?', { industries: [] }).facets).toEqual({});
    expect(detect('what are retailers saying about returns?').facets).toEqual({});
    expect(detect('what are you hearing about SSO?')).toEqual({
      facets: {},
      rest: 'what are you hearing about SSO?',
    });
  });
});
