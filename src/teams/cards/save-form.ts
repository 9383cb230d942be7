import { z } from 'zod';
import { EarshotError } from '../../errors.ts';
import { formFacets } from '../../knowledge/capture/form-facets.ts';
import { BUYING_STAGES, ENTRY_KINDS, type EntryKind } from '../../knowledge/entry.ts';
import { ADAPTIVE_CARD_SCHEMA, type AdaptiveCard } from './card-types.ts';
import { facetInputs } from './facet-inputs.ts';

export const SAVE_COMMAND_ID = 'saveToEarshot';

const choice = (value: string, title: string) => ({ title, value });

/** The "Save to Earshot" form (message action task module), prefilled from the message. */
export function saveForm(prefill: { kind: EntryKind; title: string }): AdaptiveCard {
  return {
    type: 'AdaptiveCard',
    $schema: ADAPTIVE_CARD_SCHEMA,
    version: '1.5',
    body: [
      {
        type: 'Input.ChoiceSet',
        id: 'kind',
        label: 'What is it?',
        value: prefill.kind,
        isRequired: true,
        choices: [
          choice('chatter', 'Field intel (what a buyer said)'),
          choice('tip', 'Seller tip'),
          choice('research', 'Research'),
          choice('expert', 'Expert content'),
          choice('demo', 'Demo (script, recording, click path)'),
        ],
      },
      {
        type: 'Input.Text',
        id: 'title',
        label: 'Title',
        value: prefill.title.slice(0, 150),
        maxLength: 150,
        isRequired: true,
      },
      { type: 'Input.Text', id: 'topics', label: 'Topics (comma-separated)', placeholder: 'pricing, sso' },
      {
        type: 'Input.ChoiceSet',
        id: 'stage',
        label: 'Buying stage',
        choices: BUYING_STAGES.map((stage) => choice(stage, stage[0]?.toUpperCase() + stage.slice(1))),
      },
      ...facetInputs(),
    ],
    actions: [{ type: 'Action.Submit', title: 'Save' }],
  } as unknown as AdaptiveCard;
}

const submission = z.object({
  kind: z.enum(ENTRY_KINDS),
  title: z.string().trim().min(1, 'Give it a title.').max(150),
  topics: z
    .string()
    .optional()
    .transform((text) => [
      ...new Set(
        (text ?? '')
          .split(/[,;]/)
          .map((topic) => topic.trim().toLowerCase())
          .filter(Boolean),
      ),
    ]),
  stage: z
    .union([z.enum(BUYING_STAGES), z.literal('')])
    .optional()
    .transform((stage) => stage || undefined),
  ...formFacets,
});

/** The submitted form; Teams posts it as data the user could tamper with, so it is validated. */
export function parseSaveForm(data: unknown) {
  const parsed = submission.safeParse(data);
  if (!parsed.success) {
    throw new EarshotError({
      code: 'invalid_input',
      message: `Invalid Save to Earshot form: ${z.prettifyError(parsed.error)}`,
      userMessage: userMessageOf(parsed.error.issues[0]),
    });
  }
  return parsed.data;
}

const FIELD_NAMES: Record<string, string> = { industry: 'Industry', roles: 'Buyer roles' };

/** The first problem in words, naming the field when its message does not. */
function userMessageOf(issue: z.core.$ZodIssue | undefined): string {
  if (!issue) return 'Check the form and save again.';
  const field = FIELD_NAMES[String(issue.path[0])];
  return field ? `${field} ${issue.message}.` : issue.message;
}
