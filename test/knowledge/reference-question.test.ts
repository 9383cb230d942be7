import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { notReviewedSince, overdueSince } from '../../src/knowledge/answer/freshness.ts';
import { referenceCriteria } from '../../src/knowledge/answer/reference-question.ts';

describe('referenceCriteria', () => {
  it.each([
    ['Which reference can I use for an SAP manufacturer?', 'SAP manufacturer'],
    ['any customer I can point a CFO to in healthcare?', 'CFO healthcare'],
    ['case study for NetSuite rollouts', 'NetSuite rollouts'],
    ['Do we have a referenceable bank?', 'bank'],
    ['Is there someone I can call about Okta SSO?', 'Okta SSO'],
    ['My prospect wants to talk to a customer in retail', 'prospect retail'],
    ['customer proof for claims automation', 'claims automation'],
    ['Any success stories in logistics?', 'logistics'],
    ['references?', ''],
    ['Need a reference call for a hospital CIO', 'hospital CIO'],
  ])('“%s” asks for references about “%s”', (question, criteria) => {
    expect(referenceCriteria(question)).toBe(criteria);
  });

  it.each([
    'Where is the reference architecture for SSO?',
    'Link me the API reference for webhooks',
    'What are buyers saying about pricing?',
    'Is there a reference implementation of the Salesforce sync?',
    'Keep this for reference: the pricing page changed',
    'What does the SDK reference say about retries?',
    'Which customers churned last quarter?',
    'What are you hearing about our customer support?',
  ])('“%s” does not ask for references', (question) => {
    expect(referenceCriteria(question)).toBeNull();
  });
});

describe('freshness', () => {
  const now = new Date('2026-11-30T12:00:00Z');

  it('marks an entry only once its review date has passed', () => {
    expect(overdueSince(new Date('2026-03-15T00:00:00Z'), now)).toEqual(new Date('2026-03-15T00:00:00Z'));
    expect(overdueSince(new Date('2026-12-01T00:00:00Z'), now)).toBeNull();
    expect(overdueSince(null, now)).toBeNull();
  });

  it('names the month, and the year when it is not this year', () => {
    expect(notReviewedSince(new Date('2026-03-15T00:00:00Z'), now)).toBe('not reviewed since March');
    expect(notReviewedSince(new Date('2025-12-31T00:00:00Z'), now)).toBe('not reviewed since December 2025');
  });
});

describe('EARSHOT_STALE_ENTRIES', () => {
  it('defaults to mark, takes exclude, and refuses anything else naming the variable and the choices', () => {
    expect(loadConfig({}).staleEntries).toBe('mark');
    expect(loadConfig({ EARSHOT_STALE_ENTRIES: 'exclude' }).staleEntries).toBe('exclude');
    expect(() => loadConfig({ EARSHOT_STALE_ENTRIES: 'hide' })).toThrow(
      /EARSHOT_STALE_ENTRIES.*must be mark .* or exclude/,
    );
  });
});
