import { describe, expect, it } from 'vitest';
import {
  asksSomething,
  followUpQuestion,
  threadSubject,
} from '../../src/knowledge/threads/follow-up-question.ts';

const NOW = new Date('2026-12-01T12:00:00Z');
const DAY = 86_400_000;
const thread = { subject: 'Okta SSO', filters: { stage: 'decide' as const } };
const rewrite = (reply: string) => followUpQuestion(thread, reply, NOW);

describe('rewriting a reply in a thread into the question to answer', () => {
  it.each([
    ['and in healthcare?', 'Okta SSO in healthcare'],
    ['And in healthcare', 'Okta SSO in healthcare'],
    ['what about for enterprise deals?', 'Okta SSO for enterprise deals'],
    ['how about in EMEA?', 'Okta SSO in EMEA'],
    ['ok, and for CFOs?', 'Okta SSO for CFOs'],
    ['only for mid-market?', 'Okta SSO for mid-market'],
    ['in manufacturing?', 'Okta SSO in manufacturing'],
    ['and what about their pricing?', 'Okta SSO pricing'],
    ['and their pricing?', 'Okta SSO pricing'],
    ["what's their rollout time?", 'Okta SSO rollout time'],
    ['What are reps saying about their pricing?', 'Okta SSO pricing'],
    ['Is that true in healthcare too?', 'Okta SSO in healthcare too'],
    ['same for Acme?', 'Okta SSO for Acme'],
    ['also healthcare?', 'Okta SSO healthcare'],
  ])('carries the subject over: %s → %s', (reply, question) => {
    const followUp = rewrite(reply);
    expect(followUp).toMatchObject({ kind: 'carried', question, subject: question });
    expect(followUp?.filters.stage).toBe('decide');
  });

  it.each([
    'any more?',
    'anything else?',
    'more examples?',
    'and?',
  ])('asks the same subject again for "%s"', (reply) => {
    expect(rewrite(reply)).toMatchObject({
      kind: 'carried',
      question: 'Okta SSO',
      filters: { stage: 'decide' },
    });
  });

  it.each([
    ['any more recent?', 30],
    ['anything newer?', 30],
    ['anything from last week?', 7],
    ['what about this quarter?', 90],
    ['and the latest?', 30],
  ])('narrows "%s" to the last %i days', (reply, days) => {
    const followUp = rewrite(reply);
    expect(followUp).toMatchObject({ kind: 'carried', question: 'Okta SSO' });
    expect(followUp?.filters.from?.getTime()).toBe(NOW.getTime() - days * DAY);
  });

  it('never widens a window the thread already narrowed', () => {
    const from = new Date(NOW.getTime() - 3 * DAY);
    const followUp = followUpQuestion(
      { subject: 'Okta SSO', filters: { from } },
      'anything more recent?',
      NOW,
    );
    expect(followUp?.filters.from).toEqual(from);
  });

  it.each([
    ['what about Segment?', 'Segment'],
    ['How about Gong?', 'Gong'],
    ['and SAP?', 'SAP'],
    ["what about Segment's pricing?", "Segment's pricing"],
    ['And what do reps say about Segment in healthcare?', 'Segment in healthcare'],
    ['ok what about G2 reviews', 'G2 reviews'],
  ])('switches to a subject named in follow-up words: %s → %s', (reply, question) => {
    expect(rewrite(reply)).toMatchObject({ kind: 'switched', question, filters: {} });
  });

  it.each([
    'What are buyers saying about Gong?',
    'Any word on Arcbill pricing?',
    'How long does a NetSuite migration take?',
    'pricing objections?',
  ])('lets a question of its own stand alone: %s', (reply) => {
    expect(rewrite(reply)).toMatchObject({ kind: 'new', question: reply.replace(/\?$/, ''), filters: {} });
  });

  it.each(['thanks!', 'ok', 'got it, thanks', 'great'])('finds nothing asked in "%s"', (reply) => {
    expect(rewrite(reply)).toBeNull();
  });

  it('tells questions from people talking among themselves in the thread', () => {
    for (const reply of [
      'and in healthcare?',
      'what about Segment',
      'any more recent?',
      'in EMEA?',
      'for CFOs',
    ])
      expect(asksSomething(reply), reply).toBe(true);
    for (const reply of ["I'll ping them tomorrow", 'Thanks, that helps', 'Nice one', 'lol'])
      expect(asksSomething(reply), reply).toBe(false);
  });

  it.each([
    ['What are you hearing about Okta SSO?', 'Okta SSO'],
    ['what about Segment?', 'Segment'],
    ['and SAP pricing?', 'SAP pricing'],
    ['Any word on Arcbill?', 'Arcbill'],
  ])('names the subject a thread starts with: %s → %s', (question, subject) => {
    expect(threadSubject(question)).toBe(subject);
  });
});
