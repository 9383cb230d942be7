import type { Logger } from '../logger.ts';
import { replyJson } from './reply.ts';
import { currentRequest } from './request-context.ts';

/**
 * For a long-running server only: an error no code caught (a callback that throws, a promise a
 * library left unawaited) is logged with the request it came from, that request gets a 500 if it
 * has no answer yet, and the process keeps serving instead of dying with every other request.
 * Returns a function that removes the handlers.
 */
export function installProcessErrorHandlers(logger: Logger): () => void {
  const report = (kind: 'uncaughtException' | 'unhandledRejection') => (error: unknown) => {
    const request = currentRequest();
    logger.error({ err: error, requestId: request?.requestId, kind }, `${kind}; still serving`);
    if (request) replyJson(request.response, 500, { error: 'internal_error', requestId: request.requestId });
  };
  const onException = report('uncaughtException');
  const onRejection = report('unhandledRejection');
  process.on('uncaughtException', onException);
  process.on('unhandledRejection', onRejection);
  return () => {
    process.off('uncaughtException', onException);
    process.off('unhandledRejection', onRejection);
  };
}
