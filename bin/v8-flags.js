// V8 flags Earshot processes run with (bin/earshot.js sets them first; the benchmarks pass the same
// flags to the processes they time).
// - Earshot's heap is mostly short-lived rows and tokens around a compact index; collecting them early
//   keeps RSS low (about 550 MB -> 390 MB peak with 100k entries on PGlite) for no measurable latency.
//   Only processes that hold the search index or a large import need it: any other command spent 0.2 s
//   of its 1.9 s (and 0.35 s of CPU) on the extra collection and smaller code, for a small heap that it
//   drops at exit anyway.
// - One WebAssembly compilation task at a time: a new process tiers PGlite's hot functions up with
//   TurboFan in the background, by default on every V8 worker thread at once, which on two cores left
//   the main thread a third of a core in a server's first second and held Slack acks 150–350 ms.
// - A hundred times V8's default tier-up budget: PGlite's start runs thousands of functions a few times
//   each, and by default V8 optimised many of them for a process that then ends. A one-shot command
//   took 1.35 s and 1.8 s of CPU, now 1.0 s and 1.3 s; functions that stay hot (an import, a server's
//   queries) still tier up within moments (bench:speed at 30k entries: import, first ask and p95 unchanged).
// - Commands that neither build the index nor import get no optimising WebAssembly tier at all: they end
//   before optimised code would pay for its compilation, which still ran and held the exit back.
//   `earshot curators list` took 1.5 s and 1.8 s of CPU, now 1.2 s and 1.4 s; `db status`, `digest show`
//   and `entries list` on 5,000 entries were as fast or faster.
export const WASM_TIERING_FLAG = '--wasm-tiering-budget=180000000';
const WASM_FLAGS = ['--wasm-num-compilation-tasks=1', WASM_TIERING_FLAG];
const SMALL_HEAP_FLAGS = ['--optimize-for-size', '--max-semi-space-size=1'];
export const V8_FLAGS = [...SMALL_HEAP_FLAGS, ...WASM_FLAGS];
const SHORT_COMMAND_FLAGS = [...WASM_FLAGS, '--liftoff-only'];

/** Commands that build the search index or import: their peak memory grows with the knowledge base. */
const INDEX_OR_IMPORT = new Set(['serve', 'demo', 'import', 'ask', 'search', 'eval']);

export function v8FlagsFor(argv) {
  const command = argv.find((arg) => !arg.startsWith('-'));
  return INDEX_OR_IMPORT.has(command) ? V8_FLAGS : SHORT_COMMAND_FLAGS;
}
