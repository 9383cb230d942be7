import { Command } from 'commander';
import { PROJECT_ROOT } from '../project-root.ts';
import { registerAccounts } from './commands/accounts.ts';
import { registerAsk } from './commands/ask.ts';
import { registerConsole } from './commands/console.ts';
import { registerCurators } from './commands/curators.ts';
import { registerDb } from './commands/db.ts';
import { registerDemo } from './commands/demo.ts';
import { registerDigest } from './commands/digest.ts';
import { registerEntries } from './commands/entries.ts';
import { registerEval } from './commands/eval.ts';
import { registerImport } from './commands/import.ts';
import { registerOrg } from './commands/org.ts';
import { registerQuestions } from './commands/questions.ts';
import { registerReferences } from './commands/references.ts';
import { registerSearch } from './commands/search.ts';
import { registerServe } from './commands/serve.ts';
import { registerSynonyms } from './commands/synonyms.ts';
import { registerTriggers } from './commands/triggers.ts';
import { guardTerminalOutput } from './guard-terminal-output.ts';
import { loadEnvFiles } from './load-env-files.ts';
import { quietOnClosedPipe } from './quiet-on-closed-pipe.ts';
import { readVersion } from './read-version.ts';
import { registerVerbose } from './verbose.ts';

guardTerminalOutput(process.stdout);
guardTerminalOutput(process.stderr);
quietOnClosedPipe(process.stdout);
const envFiles = loadEnvFiles(process.env, [process.cwd(), PROJECT_ROOT]);

const program = new Command('earshot')
  .description(
    'Earshot: what sales reps are hearing, with sources. Configure with environment variables (.env.example).',
  )
  .version(readVersion(), '-V, --version', 'print the version of Earshot')
  .showHelpAfterError()
  .exitOverride((error) => {
    process.exit(error.exitCode === 0 ? 0 : 2);
  });

registerVerbose(program, envFiles);
registerAsk(program);
registerSearch(program);
registerEval(program);
registerImport(program);
registerEntries(program);
registerQuestions(program);
registerAccounts(program);
registerSynonyms(program);
registerOrg(program);
registerCurators(program);
registerTriggers(program);
registerReferences(program);
registerDigest(program);
registerDb(program);
registerDemo(program);
registerServe(program);
registerConsole(program);

await program.parseAsync(process.argv);
