import { APIConnectionError, APIError, APIUserAbortError, OpenAIError } from 'openai';
import { EarshotError } from '../errors.ts';

/** Turns whatever an OpenAI call threw into one `model_failed` error that says what went wrong. */
export function modelFailure(what: string, error: unknown): EarshotError {
  if (error instanceof EarshotError) return error;
  return new EarshotError({
    code: 'model_failed',
    message: `${what} failed: ${describe(error)}`,
    userMessage: 'The language model could not answer right now.',
    cause: error,
  });
}

function describe(error: unknown): string {
  // Abort and connection errors extend APIError too, but carry no status worth reporting.
  if (error instanceof APIUserAbortError) return 'aborted';
  if (error instanceof APIConnectionError) return error.message;
  if (error instanceof APIError) return `HTTP ${error.status ?? '?'}: ${error.message}`;
  if (error instanceof OpenAIError || error instanceof Error) return error.message;
  return String(error);
}
