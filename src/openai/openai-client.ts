import OpenAI from 'openai';
import type { Config } from '../config.ts';
import type { Logger } from '../logger.ts';

export type OpenAIConfig = NonNullable<Config['openai']>;

const DEFAULT_BASE_URL = 'https://api.openai.com/v1';

/**
 * The one OpenAI client, for the composition root to build and pass down. Settings come from config
 * only (the SDK would otherwise read OPENAI_* variables itself), and one retry keeps a failing call
 * inside the caller's time budget; each call also sets its own deadline (see `withDeadline`).
 */
export function createOpenAIClient(config: OpenAIConfig, logger: Logger): OpenAI {
  const log = logger.child({ component: 'openai' });
  return new OpenAI({
    apiKey: config.apiKey,
    baseURL: config.baseURL ?? DEFAULT_BASE_URL,
    organization: null,
    project: null,
    timeout: config.timeoutMs,
    maxRetries: 1,
    logLevel: 'warn',
    logger: {
      error: (message, ...details) => log.error({ details }, message),
      warn: (message, ...details) => log.warn({ details }, message),
      info: (message, ...details) => log.info({ details }, message),
      debug: (message, ...details) => log.debug({ details }, message),
    },
  });
}
