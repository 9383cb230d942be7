import { z } from 'zod';
import { loadConfig } from '../config.ts';
import { EarshotError } from '../errors.ts';
import { createLogger } from '../logger.ts';
import { createEarshot, type Earshot } from '../main.ts';

/** Builds Earshot for one command, runs it, always closes the database, and turns errors into exit codes. */
export async function runCommand(work: (earshot: Earshot) => Promise<void>): Promise<void> {
  let earshot: Earshot | undefined;
  try {
    const config = loadConfig();
    // A command's output is the answer; routine log lines would only clutter the terminal.
    earshot = await createEarshot({ config, logger: createLogger(config.logLevel ?? 'warn') });
    await work(earshot);
  } catch (error) {
    process.exitCode = reportError(error);
  } finally {
    await earshot?.close();
  }
}

export function reportError(error: unknown): number {
  if (error instanceof EarshotError) {
    process.stderr.write(`earshot: ${error.message}\n`);
    return error.code === 'invalid_input' ? 2 : 1;
  }
  if (error instanceof z.ZodError) {
    process.stderr.write(`earshot: ${describeOptionIssues(error)}\n`);
    return 2;
  }
  process.stderr.write(
    `earshot: unexpected error: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
  );
  return 1;
}

function describeOptionIssues(error: z.ZodError) {
  return error.issues
    .map(
      (issue) =>
        `option --${issue.path.map((key) => String(key).replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)).join('.')}: ${issue.message}`,
    )
    .join('\n');
}
