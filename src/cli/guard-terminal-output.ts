import { terminalSafeText } from '../render/terminal-safe-text.ts';

/**
 * Filters everything the command line writes to a stream through `terminalSafeText`. Commands print
 * stored text (entries, questions, digests, accounts, triggers) that chat users wrote; guarding the
 * stream once means no command, present or future, can let a captured message drive the terminal.
 */
export function guardTerminalOutput(stream: NodeJS.WriteStream): void {
  const write = stream.write.bind(stream) as (chunk: unknown, ...rest: unknown[]) => boolean;
  stream.write = ((chunk: unknown, ...rest: unknown[]) => {
    const text =
      typeof chunk === 'string'
        ? chunk
        : chunk instanceof Uint8Array
          ? Buffer.from(chunk).toString('utf8')
          : undefined;
    return text === undefined ? write(chunk, ...rest) : write(terminalSafeText(text), ...rest);
  }) as typeof stream.write;
}
