/**
 * Node flags for a benchmark's child process: `BENCH_CPU_PROF=DIR` writes a CPU profile there (Node
 * refuses --cpu-prof in NODE_OPTIONS), `BENCH_PRELOAD=FILE` loads a module first (an event-loop probe).
 */
export function profilingFlags(env: NodeJS.ProcessEnv = process.env): string[] {
  const flags = env.BENCH_CPU_PROF ? ['--cpu-prof', `--cpu-prof-dir=${env.BENCH_CPU_PROF}`] : [];
  if (env.BENCH_PRELOAD) flags.push(`--import=${env.BENCH_PRELOAD}`);
  return flags;
}
