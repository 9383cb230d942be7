import { describe, expect, it } from 'vitest';
import { askedPerson, namesAskedPerson } from '../../src/knowledge/answer/asked-person.ts';

describe('askedPerson: who holds a role, or what role a person holds', () => {
  it.each([
    ["who's tellurio's cio?", ['cio']],
    ['who is hope street’s executive director', ['execut', 'director']],
    ["Who's our implementation lead on Granite Valley?", ['implement', 'lead']],
    ["who's the new VP of sales", ['vp', 'sale']],
  ])('reads the role asked for in %s', (question, role) => {
    expect(askedPerson(question)).toEqual({ role });
  });

  it('reads the person whose role is asked', () => {
    expect(askedPerson("What's Ravi Chandra's role at Granite Valley?")).toEqual({
      person: ['ravi', 'chandra'],
    });
  });

  it.each([
    "who's allowed to look at a customer's records?",
    'who do we know at Skanska?',
    "Who's losing deals to Toast?",
  ])('asks for no person where no job title is asked: %s', (question) => {
    expect(askedPerson(question)).toBeNull();
  });

  it('finds the person only beside the role asked', () => {
    const cio = askedPerson("who's tellurio's cio?");
    const director = askedPerson("who is hope street's executive director?");
    if (cio === null || director === null) throw new Error('both ask for a role');
    expect(namesAskedPerson('Their CIO did not want a second vendor. Simone Park ran the deal.', cio)).toBe(
      false,
    );
    expect(namesAskedPerson('What won it: Laura Benson (CIO) liked the plan.', cio)).toBe(true);
    expect(namesAskedPerson('Compliance director: Lorena Vasquez.', director)).toBe(false);
    expect(namesAskedPerson('Their executive director, Lorena Vasquez, signs.', director)).toBe(true);
  });
});
