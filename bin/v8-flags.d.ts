/** V8 flags every Earshot process runs with. */
export const V8_FLAGS: string[];
