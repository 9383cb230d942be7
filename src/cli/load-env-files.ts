import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';

/**
 * Reads `.env` from the current directory, then from Earshot's install directory (so a command run from
 * elsewhere still finds the same settings), into `env`; `EARSHOT_ENV_FILE` names one file instead, or
 * `none`. A variable already set (in the shell, or by an earlier file) wins, as with dotenv.
 * Returns the files read.
 */
export function loadEnvFiles(env: NodeJS.ProcessEnv, directories: string[]): string[] {
  const chosen = env.EARSHOT_ENV_FILE;
  if (chosen === 'none') return [];
  const files = chosen ? [path.resolve(chosen)] : directories.map((dir) => path.resolve(dir, '.env'));
  const read: string[] = [];
  for (const file of new Set(files)) {
    let text: string;
    try {
      text = readFileSync(file, 'utf8');
    } catch {
      continue;
    }
    for (const [name, value] of Object.entries(parseEnv(text))) {
      // Blank counts as unset, as it does for the configuration itself.
      if (env[name] === undefined || env[name] === '') env[name] = value;
    }
    read.push(file);
  }
  return read;
}
