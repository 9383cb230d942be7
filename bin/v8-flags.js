// V8 flags every Earshot process runs with (bin/earshot.js sets them first; the benchmarks pass the same
// flags to the processes they time).
// - Earshot's heap is mostly short-lived rows and tokens around a compact index; collecting them early
//   keeps RSS low (about 550 MB -> 390 MB peak with 100k entries on PGlite) for no measurable latency.
// - One WebAssembly compilation task at a time: a new process tiers PGlite's hot functions up with
//   TurboFan in the background, by default on every V8 worker thread at once, which on two cores left
//   the main thread a third of a core in a server's first second and held Slack acks 150–350 ms.
export const V8_FLAGS = ['--optimize-for-size', '--max-semi-space-size=1', '--wasm-num-compilation-tasks=1'];
