import v8 from 'node:v8';
import vm from 'node:vm';

let collect: (() => void) | undefined;

/**
 * A full garbage collection, now. Only for right after building something large: V8 frees a big
 * typed array only at a full collection, which it puts off while the JavaScript heap is small, so
 * the arrays a million-entry index outgrew (about 250 MB) were still held when the next ones were
 * made. `--expose-gc` set at run time gives `gc` to contexts made after it: one is made to fetch it.
 */
function collectGarbage(): void {
  collect ??=
    (globalThis as { gc?: () => void }).gc ??
    (() => {
      v8.setFlagsFromString('--expose-gc');
      return vm.runInNewContext('gc') as () => void;
    })();
  collect();
}

// Arrays this big or bigger are replaced a few times in a million-entry build, and seldom after.
const COLLECT_FROM_BYTES = 32 << 20;

/**
 * Call after replacing an array of `bytes` (by a bigger copy, or a trimmed one): frees the old one
 * now when it is big. Replaced arrays piled up to 350 MB while a million entries were indexed.
 */
export function collectAfterReplacing(bytes: number): void {
  if (bytes >= COLLECT_FROM_BYTES) collectGarbage();
}
