import type { z } from 'zod';
import { valueAt } from '../../records/value-at.ts';
import { ENTRY_FIELDS, SOURCE_FIELDS } from './entry-fields.ts';

export interface FieldProblem {
  /** Dotted schema path such as `stage` or `source.url`; each parser maps it to what the user wrote. */
  path: string;
  message: string;
}

/** Turns zod issues into messages that say what was wrong with the value and what would be accepted. */
export function describeIssues(issues: readonly z.core.$ZodIssue[], input: unknown): FieldProblem[] {
  return issues.flatMap((issue) => {
    const keys = issue.path.filter((key): key is string => typeof key === 'string');
    if (issue.code === 'unrecognized_keys') {
      const accepted = keys.length === 0 ? ENTRY_FIELDS : SOURCE_FIELDS;
      return issue.keys.map((key) => ({
        path: [...keys, key].join('.'),
        message: `unknown field; remove it or use one of ${accepted.join(', ')}`,
      }));
    }
    const index = issue.path.find((key) => typeof key === 'number');
    const prefix = index === undefined ? '' : `item ${index + 1} `;
    return [{ path: keys.join('.'), message: prefix + describe(issue, valueAt(input, issue.path)) }];
  });
}

function describe(issue: z.core.$ZodIssue, value: unknown): string {
  if (value === undefined) {
    return issue.code === 'invalid_value'
      ? `is required; use one of ${issue.values.join(', ')}`
      : 'is required';
  }
  const got = ` (got ${show(value)})`;
  switch (issue.code) {
    case 'invalid_value':
      return `must be one of ${issue.values.join(', ')}${got}`;
    case 'invalid_union':
      // The only unions in the schema are the ISO date fields.
      return `must be an ISO date such as 2026-11-02 or 2026-11-02T09:30:00Z${got}`;
    case 'invalid_format':
      return issue.format === 'url'
        ? `must be a full URL such as https://example.com/page${got}`
        : issue.message + got;
    case 'too_small':
      return 'must not be empty';
    case 'invalid_type':
      return `must be ${EXPECTED[issue.expected] ?? issue.expected}${got}`;
    default:
      return issue.message + got;
  }
}

const EXPECTED: Record<string, string> = {
  string: 'text',
  array: 'a list of text such as ["pricing", "security"]',
  object: `an object with any of ${SOURCE_FIELDS.join(', ')}`,
};

const MAX_SHOWN_CHARS = 60;

function show(value: unknown): string {
  const text = JSON.stringify(value) ?? String(value);
  return text.length > MAX_SHOWN_CHARS ? `${text.slice(0, MAX_SHOWN_CHARS)}…` : text;
}
