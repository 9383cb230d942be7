import type { Command } from 'commander';
import { z } from 'zod';
import type { ImportProgress } from '../../knowledge/import/import-entries.ts';
import { WORKSPACE_HELP, workspaceOption } from '../options.ts';
import { runInWorkspace } from '../run-command.ts';

const importOptions = z.object({ workspace: workspaceOption });

export function registerImport(program: Command) {
  program
    .command('import')
    .description('import entries from JSON Lines (.jsonl), CSV (.csv) or Markdown (.md) files')
    .argument('<files...>', 'files to import; all are validated before anything is stored')
    .option('-w, --workspace <id>', WORKSPACE_HELP, 'local')
    .action((files: string[], raw: unknown) =>
      runInWorkspace(
        () => importOptions.parse(raw),
        async (earshot, options) => {
          const started = performance.now();
          const result = await earshot.importFiles({
            workspaceId: options.workspace,
            files,
            onProgress: showProgress,
          });
          const seconds = (performance.now() - started) / 1000;
          process.stdout.write(
            `Imported ${result.inserted + result.updated} entries into "${options.workspace}" from ${result.files} file(s): ` +
              `${result.inserted} new, ${result.updated} updated (${seconds.toFixed(2)} s).\n`,
          );
        },
      ),
    );
}

const PROGRESS_EVERY = 10_000;

/** Large files report on stderr every 10,000 records, so stdout stays clean for scripts. */
function showProgress(progress: ImportProgress) {
  if (progress.phase === 'reading' && progress.records % PROGRESS_EVERY === 0) {
    process.stderr.write(`  reading ${progress.file}: ${progress.records} records\n`);
  }
  if (
    progress.phase === 'writing' &&
    progress.total >= PROGRESS_EVERY &&
    progress.written % PROGRESS_EVERY === 0
  ) {
    process.stderr.write(`  writing: ${progress.written}/${progress.total} entries\n`);
  }
}
