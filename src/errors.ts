/** Stable codes let adapters and tests tell failures apart without parsing messages. */
export type ErrorCode =
  | 'config_invalid'
  | 'import_invalid'
  | 'not_found'
  | 'invalid_input'
  /** A request body over its route's size limit (HTTP 413). */
  | 'too_large'
  | 'forbidden'
  | 'model_failed'
  | 'database_failed';

/**
 * The one error type Earshot raises on purpose. `message` is for logs and engineers;
 * `userMessage` is safe to show to the person who caused it and says how to fix it.
 */
export class EarshotError extends Error {
  readonly code: ErrorCode;
  readonly userMessage: string;

  constructor(options: { code: ErrorCode; message: string; userMessage?: string; cause?: unknown }) {
    super(options.message, { cause: options.cause });
    this.name = 'EarshotError';
    this.code = options.code;
    this.userMessage = options.userMessage ?? options.message;
  }
}
