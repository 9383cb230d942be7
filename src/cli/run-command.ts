import { z } from 'zod';
import { loadConfig } from '../config.ts';
import { explainLostOwner } from '../db/open-data-dir.ts';
import { EarshotError } from '../errors.ts';
import { createLogger } from '../logger.ts';
import { createEarshot, type Earshot } from '../main.ts';
import { redactSecrets, secretValues } from '../secret-values.ts';

/** Builds Earshot for one command, runs it, always closes the database, and turns errors into exit codes. */
export function runCommand(work: (earshot: Earshot) => Promise<void>): Promise<void> {
  return runChecked(() => undefined, work);
}

/**
 * `runCommand` for a command with options or arguments to check: input it cannot use is refused before
 * the database is opened, at once, instead of after waiting for another process that has it open.
 */
export async function runChecked<Input>(
  check: () => Input,
  work: (earshot: Earshot, input: Input) => Promise<void>,
): Promise<void> {
  let earshot: Earshot | undefined;
  let secrets: string[] = [];
  try {
    const config = loadConfig();
    secrets = secretValues(config);
    const input = check();
    // A command's output is the answer; routine log lines would only clutter the terminal.
    earshot = await createEarshot({
      config,
      logger: createLogger(config.logLevel ?? 'warn', secrets),
      database: {
        command: commandName(process.argv.slice(2)),
        onWait: (owner) => {
          // Only a person at a terminal needs telling; scripts just see the command take longer.
          if (process.stderr.isTTY) process.stderr.write(`earshot: waiting for ${owner} to finish…\n`);
        },
      },
    });
    await work(earshot, input);
  } catch (error) {
    process.exitCode = reportError(explainLostOwner(earshot?.db.location, error), secrets);
  } finally {
    await earshot?.close().catch(() => {});
  }
}

/**
 * `runChecked` for a command with `-w, --workspace`: the workspace given (an organization's id or name,
 * or a linked Slack team or Teams tenant) is resolved to the one its knowledge lives in before `work`.
 */
export function runInWorkspace<Input extends { workspace?: string }>(
  check: () => Input,
  work: (earshot: Earshot, input: Input) => Promise<void>,
): Promise<void> {
  return runChecked(check, async (earshot, input) => {
    if (input.workspace === undefined) return work(earshot, input);
    return work(earshot, { ...input, workspace: await earshot.organizations.forCommand(input.workspace) });
  });
}

/** `earshot entries archive`: the command words, without options or arguments, for the database lock. */
function commandName(args: string[]): string {
  const words = [];
  for (const arg of args) {
    if (!/^[a-z][a-z-]*$/.test(arg) || words.length === 2) break;
    words.push(arg);
  }
  return ['earshot', ...words].join(' ');
}

/** Prints an error for the person at the terminal, with every configured secret scrubbed out. */
export function reportError(error: unknown, secrets: readonly string[] = []): number {
  const write = (text: string) => process.stderr.write(redactSecrets(text, secrets));
  if (error instanceof EarshotError) {
    write(`earshot: ${error.message}\n`);
    return error.code === 'invalid_input' ? 2 : 1;
  }
  if (error instanceof z.ZodError) {
    write(`earshot: ${describeOptionIssues(error)}\n`);
    return 2;
  }
  write(
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
