/**
 * `earshot entries list | head` closes the pipe after a few lines; writing on is pointless, not an
 * error, so Earshot stops quietly instead of dying with an EPIPE stack trace.
 */
export function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: NodeJS.ErrnoException) => {
    if (error.code === 'EPIPE') process.exit(0);
    throw error;
  });
}
