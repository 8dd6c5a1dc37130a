/**
 * `plainbook owners`: write .github/CODEOWNERS from each policy's owner.
 * `plainbook owners --check`: exit 1 with the lines that differ when it is out of date (CI).
 */
import { commandLine, printUsage } from '../command/options.ts';
import { EXIT } from '../command/exit-codes.ts';
import type { CliIo } from '../command/io.ts';
import { loadSettings } from '../config/settings.ts';
import { readPolicies } from '../policies/catalog.ts';
import { packageVersion } from '../files/package-root.ts';
import { regenerate, withoutMarker } from '../files/generated-file.ts';
import { CODEOWNERS_PATH, codeownersFile, lineDiff } from './codeowners.ts';

const USAGE = `Usage: plainbook owners [--check]

Writes ${CODEOWNERS_PATH}: each policy's owner reviews changes to it.

  --check   write nothing; exit 1 with the lines that differ when it is out of date (for CI)`;

export async function ownersCli(argv: string[], io: CliIo): Promise<number> {
  const { values } = commandLine(argv, USAGE, { check: { type: 'boolean', default: false } });
  if (values.help) return printUsage(io, USAGE);
  const settings = loadSettings(io.root, io.env);
  const file = codeownersFile(await readPolicies(io.root, settings.contentPath), settings.defaultOwner);
  const { current, matches, written } = regenerate(io.root, file, packageVersion(), values.check);
  if (values.check) {
    if (matches) return EXIT.ok;
    io.stderr(`${CODEOWNERS_PATH} is out of date with the policies' owners. Run \`npx plainbook owners\` and commit the result.\n${lineDiff(withoutMarker(current ?? ''), file.body).join('\n')}\n`);
    return EXIT.findings;
  }
  io.stdout(`${written ? 'Wrote' : 'Already up to date:'} ${CODEOWNERS_PATH}.\n`);
  return EXIT.ok;
}
