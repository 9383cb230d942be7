/** V8 flags every Earshot process runs with. */
export const V8_FLAGS: string[];
/** The WebAssembly tier-up budget among them, which the test workers (running PGlite in-process) share. */
export const WASM_TIERING_FLAG: string;
