import type { z } from 'zod';
import { entryInputSchema } from '../entry.ts';

const shape: Record<string, z.ZodType> = entryInputSchema.shape;

/** Field names an import file may use, in the schema's order, so messages can list them. */
export const ENTRY_FIELDS = Object.keys(shape);
export const SOURCE_FIELDS = Object.keys(entryInputSchema.shape.source.unwrap().shape);
export const REQUIRED_FIELDS = ENTRY_FIELDS.filter((field) => !shape[field]?.safeParse(undefined).success);

/** Text formats write topics as one `;`-separated value; empty items are ignored. */
export function splitTopics(text: string): string[] {
  return text
    .split(';')
    .map((topic) => topic.trim())
    .filter((topic) => topic !== '');
}
