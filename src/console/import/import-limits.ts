import type { MiddlewareHandler } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { ConsoleEnv } from '../console-env.ts';
import { messagePage } from '../pages/layout.ts';

/** The largest import file the console takes (the same as the webhook's body limit). */
export const MAX_UPLOAD_BYTES = 5 * 1024 * 1024;
/** Room for the multipart form around the file. */
const UPLOAD_FORM_BYTES = MAX_UPLOAD_BYTES + 64 * 1024;
/** Every other console form is a few fields. */
const MAX_FORM_BYTES = 64 * 1024;
/**
 * What the HTTP server lets through to the console: well above the upload limit, so an oversized file
 * is refused here with a page that says what to do rather than by the server with bare JSON.
 */
export const CONSOLE_ROUTE_MAX_BYTES = 64 * 1024 * 1024;

const uploadLimit = bodyLimit({
  maxSize: UPLOAD_FORM_BYTES,
  onError: (c) =>
    c.html(
      messagePage(
        'File too large',
        `The console imports files of up to ${MAX_UPLOAD_BYTES / 1024 / 1024} MB. Split the file into smaller ones and import each, or import it on the server with \`earshot import\`. Nothing was stored.`,
      ),
      413,
    ),
});

const formLimit = bodyLimit({
  maxSize: MAX_FORM_BYTES,
  onError: (c) => c.html(messagePage('Form too large', 'That form is larger than the console accepts.'), 413),
});

/** Request body limits, before anything reads the body: the import upload's, and every other form's. */
export function consoleBodyLimits(): MiddlewareHandler<ConsoleEnv> {
  return async (c, next) => {
    const limit = c.req.path === '/console/import' ? uploadLimit : formLimit;
    let read = false;
    try {
      return await limit(c, async () => {
        read = true;
        await next();
      });
    } catch (error) {
      // A body without a declared length is read here; a client that breaks off or trickles it past the
      // server's timeout has sent no form, which is its fault, not a server error.
      if (read) throw error;
      return c.html(messagePage('Not a form', 'That request could not be read as a form.'), 400);
    }
  };
}
