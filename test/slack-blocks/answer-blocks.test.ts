import type { types } from '@slack/bolt';
import { describe, expect, it } from 'vitest';
import type { Source } from '../../src/knowledge/answer/answer-types.ts';
import { parseActionValue } from '../../src/slack/blocks/action-values.ts';
import { answerBlocks } from '../../src/slack/blocks/answer-blocks.ts';
import {
  blockText,
  buttons,
  daysAgo,
  expectWithinSlackLimits,
  heardAnswer,
  links,
  NOW,
  notHeardAnswer,
  source,
} from './answers.ts';

const texts = (blocks: types.KnownBlock[]) => blocks.map(blockText);

describe('answerBlocks for a heard answer', () => {
  it('leads with what the field is hearing, with counts and recency', () => {
    const message = answerBlocks(heardAnswer(), { now: NOW });

    const [first] = texts(message.blocks);
    expect(first?.split('\n')[0]).toBe(
      '*What the field is hearing* — 5 reps across 4 accounts in the last 30 days (5 entries, latest 3 days ago)',
    );
    expect(message.text).toBe(
      'What the field is hearing about SSO: 5 reps across 4 accounts in the last 30 days',
    );
    expectWithinSlackLimits(message);
  });

  it('keeps field chatter and research apart, with a divider between them', () => {
    const { blocks } = answerBlocks(heardAnswer(), { now: NOW });

    const divider = blocks.findIndex((block) => block.type === 'divider');
    const field = texts(blocks.slice(0, divider)).join('\n');
    const research = texts(blocks.slice(divider + 1)).join('\n');
    expect(divider).toBeGreaterThan(0);
    expect(field).toContain('• Buyers want SAML before they sign.');
    expect(field).toContain('• Okta is the identity provider most prospects name.');
    expect(field).not.toContain('Analysts');
    expect(research).toMatch(/^\*Research and expert content\*\n• Analysts rank SSO/);
    expect(research).not.toContain('Buyers want SAML');
  });

  it('links every citation to its source, and leaves a source without a url as a plain number', () => {
    const answer = heardAnswer();
    const { blocks } = answerBlocks(answer, { now: NOW });
    const bullets = texts(blocks.filter((block) => block.type === 'section'))
      .join('\n')
      .split('\n')
      .filter((line) => line.startsWith('•'));

    const statements = [...answer.field.statements, ...answer.objective.statements];
    expect(bullets).toHaveLength(statements.length);
    statements.forEach((statement, i) => {
      const cited = links(bullets[i] ?? '');
      for (const n of statement.citations) {
        const url = answer.sources.find((s) => s.n === n)?.url;
        if (url) expect(cited).toContainEqual([url.replace(/&/g, '&amp;'), `[${n}]`]);
        else expect(bullets[i]).toMatch(new RegExp(`(^|[^|])\\[${n}\\]$`));
      }
    });
    expect(bullets[0]).toBe(
      '• Buyers want SAML before they sign. <https://crm.example.com/notes/1|[1]><https://wiki.example.com/tips/scim|[2]>',
    );
    expect(bullets[1]).toBe('• Okta is the identity provider most prospects name. [3]');
  });

  it('links a url-less source to its Slack permalink when one is given', () => {
    const permalinkFor = (s: Source) =>
      s.externalId ? `https://acme.slack.com/archives/C1/p${s.externalId.slice(3).replace('.', '')}` : null;
    const { blocks } = answerBlocks(heardAnswer(), { now: NOW, permalinkFor });
    const all = texts(blocks).join('\n');

    expect(all).toContain(
      '• Okta is the identity provider most prospects name. <https://acme.slack.com/archives/C1/p17001|[3]>',
    );
    expect(all).toContain('[3] <https://acme.slack.com/archives/C1/p17001|Kessler call notes>');
  });

  it('lists the numbered sources as small print: title, kind, author, account, day', () => {
    const { blocks } = answerBlocks(heardAnswer(), { now: NOW });
    const small = texts(blocks.filter((block) => block.type === 'context')).join('\n');

    expect(small.split('\n')).toEqual([
      '[1] <https://crm.example.com/notes/1|Harborview wants SAML> — chatter, Maya, Harborview — 2026-10-30',
      '[2] <https://wiki.example.com/tips/scim|Lead with SCIM> — tip — 2026-10-30',
      '[3] Kessler call notes — chatter, Dan, Kessler — 2026-10-30',
      '[4] <https://research.example.com/identity?year=2026&amp;part=2|Identity survey 2026> — research, Gartnerish — 2026-09-15',
    ]);
  });

  it('says which model wrote the answer', () => {
    const written = answerBlocks(heardAnswer({ model: 'gpt-5-mini' }), { now: NOW });
    const extractive = answerBlocks(heardAnswer(), { now: NOW });

    expect(texts(written.blocks)).toContain('Written by gpt-5-mini from the sources above');
    expect(texts(extractive.blocks).join('\n')).not.toContain('Written by');
  });

  it('says so when the field has nothing but research does', () => {
    const answer = heardAnswer();
    answer.field.statements = [];
    const message = answerBlocks(answer, { now: NOW });

    expect(texts(message.blocks)[0]).toBe('Nothing heard from the field yet about SSO.');
    expect(texts(message.blocks).join('\n')).toContain('*Research and expert content*');
    expect(message.text).toBe('Nothing heard from the field yet about SSO.');
  });

  it('offers feedback buttons whose values carry the question id', () => {
    const { blocks } = answerBlocks(heardAnswer(), { now: NOW });

    expect(blocks.at(-1)?.type).toBe('actions');
    expect(buttons(blocks).map((b) => [b.text.text, b.action_id])).toEqual([
      ['Helpful', 'earshot_feedback_helpful'],
      ['Not helpful', 'earshot_feedback_not_helpful'],
    ]);
    for (const button of buttons(blocks)) expect(parseActionValue(button.value)).toEqual({ q: 42 });
  });

  it('adds a share button when the answer was shown only to the asker', () => {
    const { blocks } = answerBlocks(heardAnswer(), { now: NOW, shareable: true });
    const share = buttons(blocks).find((b) => b.action_id === 'earshot_share');

    expect(share?.text.text).toBe('Share in channel');
    expect(parseActionValue(share?.value)).toEqual({ q: 42 });
  });

  it('escapes entry text so it cannot form links, mentions or markup', () => {
    const answer = heardAnswer({ subject: 'SSO <b>' });
    answer.field.statements = [
      { text: '<script>alert(1)</script> & tell <!channel> <@U123>', citations: [1] },
    ];
    answer.sources = [
      source({
        n: 1,
        title: 'Fake <https://evil.example|click me>',
        author: 'Mallory & co',
        url: 'javascript:alert(1)',
      }),
    ];
    const message = answerBlocks(answer, { now: NOW });
    const all = [message.text, ...texts(message.blocks)].join('\n');

    expect(all).toContain(
      '• &lt;script&gt;alert(1)&lt;/script&gt; &amp; tell &lt;!channel&gt; &lt;@U123&gt; [1]',
    );
    expect(all).toContain('[1] Fake &lt;https://evil.example|click me&gt; — chatter, Mallory &amp; co');
    expect(all).not.toContain('<script');
    expect(all).not.toContain('<!channel>');
    expect(all).not.toContain('javascript:');
    expect(links(all)).toEqual([]);
    expectWithinSlackLimits(message);
  });

  it('keeps a huge answer within Block Kit limits, cutting with "…" instead of failing', () => {
    const long = (word: string) => `${word} & <more> `.repeat(1500);
    const sources = Array.from({ length: 60 }, (_, i) =>
      source({
        n: i + 1,
        title: long('Title'),
        author: long('Author'),
        account: long('Account'),
        url: i % 2 ? null : `https://example.com/${'x'.repeat(900)}/${i}?a=1&b=2`,
        createdAt: daysAgo(i),
      }),
    );
    const statement = (i: number) => ({
      text: `${i}: ${long('Claim')}`,
      citations: Array.from({ length: 60 }, (_, n) => n + 1),
    });
    const answer = heardAnswer({
      subject: long('Subject'),
      sources,
      model: long('model'),
      field: {
        summary: { ...heardAnswer().field.summary, headline: long('Headline') },
        statements: Array.from({ length: 60 }, (_, i) => statement(i)),
      },
      objective: { statements: Array.from({ length: 60 }, (_, i) => statement(i)) },
    });
    const message = answerBlocks(answer, { now: NOW, shareable: true });
    const all = texts(message.blocks).join('\n');

    expectWithinSlackLimits(message);
    expect(message.text.length).toBeLessThanOrEqual(300);
    expect(all).toContain('Claim &amp; &lt;more&gt;');
    expect(all).toMatch(/Claim[^\n]*… <https:/);
    expect(all).toMatch(/_…and \d+ more statements_/);
    expect(all).toMatch(/_…and \d+ more sources_/);
    expect(all).toContain('*Research and expert content*');
    expect(message.blocks.some((block) => block.type === 'divider')).toBe(true);
    expect(buttons(message.blocks)).toHaveLength(3);
  });
});

describe('answerBlocks for an answer nobody has heard', () => {
  it('says nothing was heard and offers to ask the curators', () => {
    const message = answerBlocks(notHeardAnswer(), { now: NOW, shareable: true });

    expect(message.text).toBe('Nothing heard yet about carbon accounting.');
    expect(texts(message.blocks)[0]).toMatch(/^Nothing heard yet about \*carbon accounting\*\. /);
    expect(buttons(message.blocks).map((b) => [b.text.text, b.action_id])).toEqual([
      ['Ask the curators', 'earshot_route_to_curators'],
    ]);
    expect(parseActionValue(buttons(message.blocks)[0]?.value)).toEqual({ q: 7 });
    expectWithinSlackLimits(message);
  });
});
