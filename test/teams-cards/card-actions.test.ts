import { describe, expect, it } from 'vitest';
import { EarshotError } from '../../src/errors.ts';
import { parseCardAction, TEAMS_VERBS } from '../../src/teams/cards/card-actions.ts';

const valid = (action: Record<string, unknown> = {}) => ({
  action: { type: 'Action.Execute', verb: TEAMS_VERBS.helpful, data: { q: 42 }, ...action },
  trigger: 'manual',
});

function rejected(value: unknown) {
  try {
    parseCardAction(value);
  } catch (error) {
    return error;
  }
  throw new Error(`accepted ${JSON.stringify(value)}`);
}

describe('parseCardAction', () => {
  it('reads every verb Earshot renders, ignoring fields Teams adds', () => {
    for (const verb of Object.values(TEAMS_VERBS)) {
      expect(parseCardAction(valid({ verb, id: 'abc', title: 'Helpful' }))).toEqual({ verb, q: 42 });
    }
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a string', '{"action":{}}'],
    ['no action', { verb: TEAMS_VERBS.helpful, data: { q: 1 } }],
    ['Action.Submit', valid({ type: 'Action.Submit' })],
    ['an unknown verb', valid({ verb: 'earshot_delete_everything' })],
    ['a Slack-only action', valid({ verb: 'earshot_share' })],
    ['no data', valid({ data: undefined })],
    ['a string id', valid({ data: { q: '42' } })],
    ['a fractional id', valid({ data: { q: 4.2 } })],
    ['a negative id', valid({ data: { q: -1 } })],
    ['zero', valid({ data: { q: 0 } })],
    ['an unsafe integer', valid({ data: { q: 2 ** 60 } })],
    ['extra data', valid({ data: { q: 42, admin: true } })],
  ])('refuses %s as a stale card', (_, value) => {
    const error = rejected(value);
    expect(error).toBeInstanceOf(EarshotError);
    expect(error).toMatchObject({
      code: 'invalid_input',
      userMessage: 'That card is out of date. Ask again.',
    });
  });

  it('survives values it cannot print', () => {
    const circular: Record<string, unknown> = {};
    circular.self = circular;
    expect(rejected(circular)).toMatchObject({ code: 'invalid_input' });
    expect(rejected(10n)).toMatchObject({ code: 'invalid_input' });
  });
});
