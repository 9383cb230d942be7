import { CardFactory } from 'botbuilder';
import { describe, expect, it } from 'vitest';
import { answerCard } from '../../src/teams/cards/answer-card.ts';
import { parseCardAction, TEAMS_VERBS } from '../../src/teams/cards/card-actions.ts';
import { cardAttachment, cardBytes } from '../../src/teams/cards/card-types.ts';
import { heardAnswer, NOW, notHeardAnswer, source } from '../slack-blocks/answers.ts';
import { links, texts } from './cards.ts';

const TEAMS_LIMIT = 28 * 1024;

describe('answerCard (heard)', () => {
  const card = answerCard(heardAnswer(), { now: NOW });
  const body = texts(card);

  it('is an Adaptive Card 1.5 that CardFactory accepts as is', () => {
    expect(card).toMatchObject({ type: 'AdaptiveCard', version: '1.5' });
    expect(card.$schema).toContain('adaptivecards.io');
    expect(cardAttachment(card)).toEqual(CardFactory.adaptiveCard(card));
    expect(card.body.every((block) => block.type === 'TextBlock' && block.wrap)).toBe(true);
  });

  it('opens with the field headline, counts and recency', () => {
    expect(body[0]).toBe(
      '**What the field is hearing** — 5 reps across 4 accounts in the last 30 days (5 entries, latest 3 days ago)',
    );
    expect(card.fallbackText).toBe(
      'What the field is hearing about SSO: 5 reps across 4 accounts in the last 30 days',
    );
  });

  it('keeps field statements and research apart, with a separator between', () => {
    const research = body.indexOf('**Research and expert content**');
    const sources = body.indexOf('**Sources**');
    expect(research).toBeGreaterThan(0);
    expect(sources).toBeGreaterThan(research);
    expect((card.body[research] as { separator?: boolean } | undefined)?.separator).toBe(true);
    const field = body.slice(1, research);
    expect(field).toHaveLength(2);
    expect(field[0]).toMatch(/^• Buyers want SAML before they sign\. /);
    expect(field[1]).toMatch(/^• Okta is the identity provider most prospects name\. \[3\]$/);
    expect(body.slice(research + 1, sources)).toEqual([
      '• Analysts rank SSO as a top-three security requirement. [[4]](https://research.example.com/identity?year=2026&part=2)',
    ]);
  });

  it('links each citation number to its source url, and leaves sources without one plain', () => {
    const answer = heardAnswer();
    const urls = new Map(answer.sources.map((s) => [s.n, s.url]));
    const cited = body.flatMap((text) => (text.startsWith('• ') ? links(text) : []));
    expect(cited).toEqual([
      ['[1]', 'https://crm.example.com/notes/1'],
      ['[2]', 'https://wiki.example.com/tips/scim'],
      ['[4]', 'https://research.example.com/identity?year=2026&part=2'],
    ]);
    for (const [label, target] of cited) expect(urls.get(Number(label.slice(1, -1)))).toBe(target);
  });

  it('lists the sources with title links, kind, people and date', () => {
    const sources = body.slice(body.indexOf('**Sources**') + 1);
    expect(sources).toEqual([
      '[1] [Harborview wants SAML](https://crm.example.com/notes/1) — chatter, Maya, Harborview — 2026-10-30',
      '[2] [Lead with SCIM](https://wiki.example.com/tips/scim) — tip — 2026-10-30',
      '[3] Kessler call notes — chatter, Dan, Kessler — 2026-10-30',
      '[4] [Identity survey 2026](https://research.example.com/identity?year=2026&part=2) — research, Gartnerish — 2026-09-15',
    ]);
  });

  it('offers Helpful and Not helpful, whose data round-trips through parseCardAction', () => {
    const executes = card.actions.flatMap((a) => (a.type === 'Action.Execute' ? [a] : []));
    expect(card.actions).toHaveLength(executes.length);
    expect(executes.map((a) => [a.type, a.title, a.verb, a.data])).toEqual([
      ['Action.Execute', 'Helpful', TEAMS_VERBS.helpful, { q: 42 }],
      ['Action.Execute', 'Not helpful', TEAMS_VERBS.notHelpful, { q: 42 }],
    ]);
    for (const action of executes) {
      // What Teams sends back in the adaptiveCard/action invoke.
      const value = JSON.parse(
        JSON.stringify({
          action: { type: action.type, verb: action.verb, data: action.data },
          trigger: 'manual',
        }),
      );
      expect(parseCardAction(value)).toEqual({ verb: action.verb, q: 42 });
    }
  });

  it('notes the model only when one wrote the answer', () => {
    expect(body.join('\n')).not.toContain('Written by');
    const written = texts(answerCard(heardAnswer({ model: 'gpt-5-mini' }), { now: NOW }));
    expect(written.at(-1)).toBe('Written by gpt-5-mini from the sources above');
  });

  it('says so when only research matched', () => {
    const answer = heardAnswer();
    const only = texts(answerCard({ ...answer, field: { ...answer.field, statements: [] } }, { now: NOW }));
    expect(only[0]).toBe('Nothing heard from the field yet about SSO.');
    expect(only).toContain('**Research and expert content**');
  });

  it('omits the research section when there is none', () => {
    const plain = texts(answerCard(heardAnswer({ objective: { statements: [] } }), { now: NOW }));
    expect(plain).not.toContain('**Research and expert content**');
  });
});

describe('answerCard (not heard)', () => {
  const card = answerCard(notHeardAnswer(), { now: NOW });

  it('says nothing was heard and offers to ask the curators', () => {
    expect(texts(card)).toEqual([
      'Nothing heard yet about **carbon accounting**. No chatter, tips, research or expert content matches. The question was logged so curators can fill the gap.',
    ]);
    expect(card.actions).toHaveLength(1);
    const [action] = card.actions;
    expect(action).toMatchObject({ type: 'Action.Execute', title: 'Ask the curators' });
    expect(parseCardAction({ action })).toEqual({ verb: TEAMS_VERBS.routeToCurators, q: 7 });
  });

  it('keeps a subject from breaking out of its bold span or forming a link', () => {
    const text = texts(answerCard(notHeardAnswer({ subject: 'x** [win](https://evil.example)' })))[0] ?? '';
    expect(links(text)).toEqual([]);
    expect(text.match(/\*\*/g)).toHaveLength(2);
  });
});

describe('answerCard safety', () => {
  it('does not link javascript: or other non-web urls, and shows their numbers plain', () => {
    const answer = heardAnswer({
      sources: [
        source({ n: 1, title: 'Bad', url: 'javascript:alert(1)' }),
        source({ n: 2, title: 'Data', url: 'data:text/html,<script>alert(1)</script>' }),
        source({ n: 3, title: 'Creds', url: 'https://crm.example.com@evil.example/' }),
        source({ n: 4, title: 'Good', url: 'https://example.com/a_(b)' }),
      ],
    });
    const card = answerCard(answer, { now: NOW });
    const all = texts(card).join('\n');
    expect(all).not.toContain('javascript:');
    expect(all).not.toContain('data:');
    expect(all).not.toContain('evil.example');
    expect(texts(card)[1]).toBe('• Buyers want SAML before they sign. [1][2]');
    expect(links(all).map(([, target]) => target)).toEqual([
      'https://example.com/a_%28b%29',
      'https://example.com/a_%28b%29',
    ]);
  });

  it('keeps entry text from forming links of its own or breaking the source links', () => {
    const answer = heardAnswer({
      field: {
        ...heardAnswer().field,
        statements: [{ text: 'Click [here](https://evil.example) now\n\n# heading', citations: [1] }],
      },
      sources: [
        source({
          n: 1,
          title: 'Title ] with (brackets) [x](https://evil.example)',
          url: 'https://crm.example.com/notes/1',
          author: 'A [b](https://evil.example)',
        }),
      ],
    });
    const body = texts(answerCard(answer, { now: NOW }));
    const all = body.join('\n');
    expect(links(all).map(([, target]) => target)).toEqual([
      'https://crm.example.com/notes/1',
      'https://crm.example.com/notes/1',
    ]);
    expect(body[1]).toBe(
      '• Click ［here］(https://evil.example) now # heading [[1]](https://crm.example.com/notes/1)',
    );
    expect(all).toContain(
      '[1] [Title ］ with （brackets） ［x］（https://evil.example）](https://crm.example.com/notes/1)',
    );
  });

  it('keeps a huge answer under the Teams size limit and says what was cut', () => {
    const long = 'Buyers keep asking about SAML, SCIM and audit logs before they sign anything. '.repeat(40);
    const sources = Array.from({ length: 400 }, (_, i) =>
      source({
        n: i + 1,
        title: `A very long source title number ${i + 1} `.repeat(20),
        url: `https://crm.example.com/notes/${i + 1}?${'x'.repeat(900)}`,
        author: 'Someone with a long name '.repeat(10),
        account: 'Account 😀 '.repeat(20),
      }),
    );
    const cite = (i: number) => Array.from({ length: 50 }, (_, k) => ((i + k) % 400) + 1);
    const answer = heardAnswer({
      subject: 'S'.repeat(5000),
      model: 'm'.repeat(5000),
      field: {
        ...heardAnswer().field,
        summary: { ...heardAnswer().field.summary, headline: 'h'.repeat(5000) },
        statements: Array.from({ length: 300 }, (_, i) => ({ text: long, citations: cite(i) })),
      },
      objective: { statements: Array.from({ length: 300 }, (_, i) => ({ text: long, citations: cite(i) })) },
      sources,
    });
    const card = answerCard(answer, { now: NOW });
    expect(cardBytes(card)).toBeLessThanOrEqual(TEAMS_LIMIT);
    expect(cardBytes(cardAttachment(card))).toBeLessThanOrEqual(TEAMS_LIMIT);
    const body = texts(card);
    const more = body.filter((text) => /^_…and \d+ more (statements|sources)_$/.test(text));
    expect(more).toHaveLength(3);
    // Every section still shows something.
    const research = body.indexOf('**Research and expert content**');
    const list = body.indexOf('**Sources**');
    expect(research).toBeGreaterThan(2);
    expect(list).toBeGreaterThan(research + 2);
    expect(body.length).toBeGreaterThan(list + 2);
    expect(body.at(-1)).toMatch(/^Written by m+… from the sources above$/);
    for (const text of body) expect(text.length).toBeLessThan(3000);
    expect(card.actions).toHaveLength(2);
  });
});
