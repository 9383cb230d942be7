import type OpenAI from 'openai';
import { zodResponseFormat } from 'openai/helpers/zod';
import { z } from 'zod';
import { EarshotError } from '../errors.ts';
import type { AnswerWriter, WriterInput, WrittenAnswer } from '../knowledge/answer/answer-writer.ts';
import { ANSWER_INSTRUCTIONS, answerPrompt } from './answer-prompt.ts';
import { modelFailure } from './model-failure.ts';
import { withDeadline } from './with-deadline.ts';

/** More than this many statements per side no longer reads as a Slack answer. */
const MAX_STATEMENTS = 5;

const statementSchema = z.object({
  text: z.string().describe('One short sentence, supported by the cited sources'),
  citations: z.array(z.number().int().min(1)).describe('Numbers of the sources that back this statement'),
});

/** What the model must return; the same schema validates the reply, which is untrusted. */
export const writtenAnswerSchema = z.object({
  answers: z.boolean().describe('false when no source answers the question; both lists are then left empty'),
  field: z.array(statementSchema).describe('What reps hear: from chatter and tip sources only'),
  objective: z.array(statementSchema).describe('Research and expert content: from those sources only'),
});

export interface OpenAIAnswerWriterOptions {
  client: OpenAI;
  model: string;
  /** The whole call, retries included, rejects after this long so the caller can fall back. */
  timeoutMs: number;
}

/** Writes an answer's statements with a chat model through structured output. */
export class OpenAIAnswerWriter implements AnswerWriter {
  readonly model: string;

  constructor(private readonly options: OpenAIAnswerWriterOptions) {
    this.model = options.model;
  }

  async write(input: WriterInput): Promise<WrittenAnswer> {
    const what = `chat model ${this.model}`;
    const completion = await withDeadline(what, this.options.timeoutMs, (signal) =>
      this.options.client.chat.completions.parse(
        {
          model: this.model,
          messages: [
            { role: 'system', content: ANSWER_INSTRUCTIONS },
            { role: 'user', content: answerPrompt(input) },
          ],
          response_format: zodResponseFormat(writtenAnswerSchema, 'earshot_answer'),
        },
        { signal },
      ),
    ).catch((error: unknown) => {
      throw modelFailure(what, error);
    });
    const message = completion.choices[0]?.message;
    if (message?.refusal) throw failed(`${what} refused to answer: ${message.refusal}`);
    const parsed = writtenAnswerSchema.safeParse(message?.parsed);
    if (!parsed.success) {
      throw failed(`${what} returned no valid answer: ${z.prettifyError(parsed.error)}`);
    }
    return {
      answers: parsed.data.answers,
      field: parsed.data.field.slice(0, MAX_STATEMENTS),
      objective: parsed.data.objective.slice(0, MAX_STATEMENTS),
    };
  }
}

function failed(message: string) {
  return new EarshotError({
    code: 'model_failed',
    message,
    userMessage: 'The language model could not answer right now.',
  });
}
