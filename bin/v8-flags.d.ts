/** V8 flags an Earshot process that builds the search index or imports (a server, `ask`, `import`) runs with. */
export const V8_FLAGS: string[];
/** The flags for the command in `argv` (the arguments after the script): other commands skip the small-heap ones. */
export function v8FlagsFor(argv: string[]): string[];
/** The WebAssembly tier-up budget among them, which the test workers (running PGlite in-process) share. */
export const WASM_TIERING_FLAG: string;
