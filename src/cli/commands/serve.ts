import type { Command } from 'commander';
import { loadConfig } from '../../config.ts';
import { createLogger } from '../../logger.ts';
import { createEarshot, type Earshot, startServer } from '../../main.ts';
import { secretValues } from '../../secret-values.ts';
import { installProcessErrorHandlers } from '../../server/process-error-handlers.ts';
import { reportError } from '../run-command.ts';

export function registerServe(program: Command) {
  program
    .command('serve')
    .description('run Earshot: HTTP on PORT (GET /healthz, POST /slack/events) and the chat adapters')
    .action(async () => {
      let secrets: string[] = [];
      let earshot: Earshot | undefined;
      try {
        const config = loadConfig();
        secrets = secretValues(config);
        const logger = createLogger(config.logLevel ?? 'info', secrets);
        earshot = await createEarshot({
          config,
          logger,
          // Other Earshot commands on this data dir go through this process while it runs.
          database: { share: true, command: 'earshot serve' },
        });
        const server = await startServer(earshot);
        // Once serving, and only here: a one-shot command should still fail loudly on an error nobody caught.
        installProcessErrorHandlers(logger);
        const running = earshot;
        const shutdown = async () => {
          running.logger.info('shutting down');
          await server.close();
          await running.close();
          process.exit(0);
        };
        process.once('SIGINT', shutdown);
        process.once('SIGTERM', shutdown);
      } catch (error) {
        // A server that cannot start must not linger: it would hold the data dir's lock, serving nothing.
        const code = reportError(error, secrets);
        await earshot?.close().catch(() => {});
        process.exit(code);
      }
    });
}
