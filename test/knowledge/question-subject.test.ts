import { describe, expect, it } from 'vitest';
import { questionSubject, retrievalQuery } from '../../src/knowledge/answer/question-subject.ts';
import { analyze } from '../../src/knowledge/search/analyzer.ts';

/** What search is asked for, as analysed terms: the words that must be about the subject. */
const searched = (question: string) => analyze(retrievalQuery(question));

describe('framing and filler in questions', () => {
  it.each([
    ['Any word on Arcbill?', 'Arcbill'],
    ["What's the scoop on Ledgerline pricing?", 'Ledgerline pricing'],
    ['Are folks hearing anything about fuel cards?', 'fuel cards'],
    ['Anything new about the SAP connector?', 'SAP connector'],
    ['Give me the lowdown on Stackwell', 'Stackwell'],
    ['Heads up on the Kessler renewal?', 'Kessler renewal'],
    ["Hey Earshot, quick question: what's the latest at Parcelway?", 'Parcelway'],
    ['What are NetSuite customers asking about our integration?', 'NetSuite integration'],
    ['What are hotel groups saying?', 'hotel groups'],
    ['Any news on virtual card adoption lately?', 'virtual card adoption'],
    ['What do we know about Tidewater?', 'Tidewater'],
    ["What's happening with Brightpath Insurance?", 'Brightpath Insurance'],
    ["What's coming out of Parcelway?", 'Parcelway'],
    ["what's been coming in from the Kessler pilot?", 'Kessler pilot'],
    ['Has anyone heard anything about SCIM from the field?', 'SCIM'],
    ['How long does a NetSuite rollout take?', 'NetSuite rollout'],
    ['hey so quick one, where are we with StateRAMP?', 'StateRAMP'],
    ['How are things going with the Keystone renewal?', 'Keystone renewal'],
    ['Any recent wins?', 'wins'],
    ["so basically what's the deal with the Westbrook RFP?", 'Westbrook RFP'],
    ['Honestly, any word on Arcbill?', 'Arcbill'],
    ["hey quick q, just wondering, what's the latest on the Mercy Ridge BAA?", 'Mercy Ridge BAA'],
    ['Out of curiosity, any news on Okta?', 'Okta'],
    ["random question: what's the scoop on Ledgerline pricing?", 'Ledgerline pricing'],
    ['sorry to bug you, any word on Arcbill?', 'Arcbill'],
  ])('%s searches for %s only', (question, subject) => {
    expect(searched(question)).toEqual(analyze(subject));
  });

  it('keeps words that frame one question when they are the subject of another', () => {
    expect(searched('What did the latest release notes say about word count?')).toEqual(
      expect.arrayContaining(analyze('latest release notes word count')),
    );
    expect(searched('Any chatter about the status page?')).toEqual(analyze('status page'));
    expect(searched('What are you hearing about ESG reporting?')).toEqual(analyze('ESG reporting'));
    // "the field" frames; "field chatter" asks for chatter, which the index labels "field" too.
    expect(searched("What's the field saying about SSO?")).toEqual(analyze('SSO'));
    expect(searched('Any field chatter on SSO?')).toEqual(analyze('field chatter SSO'));
  });

  it('searches for the question itself when it is nothing but framing', () => {
    expect(retrievalQuery('What are you hearing?')).toBe('What are you hearing?');
  });

  it('searches a phrasal verb split by its object as the word people also write ("roll … out": rollout)', () => {
    expect(searched('How long does it take to roll the agent out to a thousand laptops?')).toContain(
      analyze('rollout')[0],
    );
    expect(searched('How do I set the demo tenant up?')).toContain(analyze('setup')[0]);
    // A verb that has its particle already keeps it: "sign off on" is not "sign on" (SSO).
    expect(searched('Who can sign off on a bigger discount?')).not.toContain(analyze('signon')[0]);
  });

  it('drops how often something is usually done: the subject is what is done', () => {
    expect(searched('How are deployments usually done?')).toEqual(analyze('deployments'));
    expect(searched('How is a security review typically handled?')).toEqual(analyze('security review'));
  });

  it('shows the subject as the rep wrote it', () => {
    expect(questionSubject('What are you hearing about SSO?')).toBe('SSO');
    expect(questionSubject('Any word on the Kessler renewal?')).toBe('Kessler renewal');
    expect(questionSubject('What are you hearing from healthcare prospects?')).toBe('healthcare prospects');
    // "Nothing heard about much is Halyard Mail…" read badly: a measure question's subject follows its frame.
    expect(questionSubject('How much is Halyard Mail per mailbox?')).toBe('Halyard Mail per mailbox');
    expect(questionSubject('What is the SLA for MDR?')).toBe('SLA for MDR');
    expect(questionSubject('How long does it take to roll out the agent?')).toBe('roll out the agent');
    expect(questionSubject('How long does a Workday rollout take?')).toBe('Workday rollout');
    expect(questionSubject('How much does the Word add-in cost?')).toBe('Word add-in');
    // Only after a measure: "What do we run?" keeps its verb.
    expect(questionSubject('Which agents do the biggest accounts run?')).toBe(
      'agents do the biggest accounts run',
    );
    // "Nothing heard yet about buyers feel about our mobile app" read badly: whose opinion is asked is framing.
    expect(questionSubject('How do buyers feel about our mobile app?')).toBe('our mobile app');
    expect(questionSubject('How are CFOs reacting to the price increase?')).toBe('price increase');
    expect(questionSubject('What do healthcare buyers think of the new pricing?')).toBe('new pricing');
  });
});
