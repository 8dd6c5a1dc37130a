/**
 * `plainbook sync`: after `npm install plainbook@<new>`, bring the generated files (workflows,
 * feedback form, CODEOWNERS) to what the new version generates. A file a person has edited is
 * never changed: sync shows how it differs, for the person to merge by hand.
 */
import { join } from 'node:path';
import { commandLine, printUsage } from '../command/options.ts';
import { EXIT } from '../command/exit-codes.ts';
import type { CliIo } from '../command/io.ts';
import { packageVersion } from '../files/package-root.ts';
import { writeWhole } from '../files/write-whole.ts';
import { readText } from '../files/generated-file.ts';
import { planSync, type SyncStep } from './plan.ts';
import { generatedFiles } from './targets.ts';

const USAGE = `Usage: plainbook sync [--check] [--dry-run]

Rewrites the files Plainbook generated (.github/workflows, the host's deploy, the feedback form,
CODEOWNERS) that no person has edited since, to what this version generates; lists the edited ones with a diff.

  --dry-run   say what would change, write nothing
  --check     write nothing; exit 1 when a file would be added or updated (for CI)`;

const VERB: Record<SyncStep['action'], string> = { add: 'added', keep: 'up to date', update: 'updated', edited: 'kept: edited by a person' };

export async function syncCli(argv: string[], io: CliIo): Promise<number> {
  const { values } = commandLine(argv, USAGE, { check: { type: 'boolean', default: false }, 'dry-run': { type: 'boolean', default: false } });
  if (values.help) return printUsage(io, USAGE);
  const version = packageVersion();
  const steps = (await generatedFiles(io.root, io.env)).map((file) => planSync(file, readText(join(io.root, file.path)), version));
  const write = !values.check && !values['dry-run'];
  if (write) for (const step of steps) if (step.action === 'add' || step.action === 'update') writeWhole(join(io.root, step.path), step.next);

  const would = write ? '' : ' (would be)';
  for (const step of steps) {
    const from = step.action === 'update' && step.from !== version ? ` from ${step.from}` : '';
    io.stdout(`${step.path}: ${step.action === 'keep' || step.action === 'edited' ? VERB[step.action] : `${VERB[step.action]}${would}`}${from}\n`);
  }
  const edited = steps.filter((step) => step.action === 'edited');
  if (edited.length > 0) {
    io.stdout(`\n${edited.length} ${edited.length === 1 ? 'file was' : 'files were'} edited by hand, so sync left ${edited.length === 1 ? 'it' : 'them'} alone. What plainbook ${version} would write instead:\n\n`);
    for (const step of edited) io.stdout(step.diff ?? '');
    io.stdout(`\nMerge what you need by hand. To hand a file back to sync, delete it and run \`npx plainbook sync\`.\n`);
  }
  const outdated = steps.some((step) => step.action === 'add' || step.action === 'update');
  return values.check && outdated ? EXIT.findings : EXIT.ok;
}
