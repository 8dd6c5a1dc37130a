/**
 * `plainbook owners`: write .github/CODEOWNERS from each policy's owner.
 * `plainbook owners --check`: exit 1 with the lines that differ when it is out of date (CI).
 */
import { parseOptions } from '../cli/options.ts';
import { EXIT, type CliIo } from '../cli/run-cli.ts';
import { loadSettings } from '../config/settings.ts';
import { readPolicies } from '../policies/catalog.ts';
import { packageVersion } from '../package-root.ts';
import { regenerate, withoutMarker } from '../sync/generated-file.ts';
import { codeownersFile } from '../sync/targets.ts';
import { CODEOWNERS_PATH, lineDiff } from './codeowners.ts';

const USAGE = `Usage: plainbook owners [--check]

Writes ${CODEOWNERS_PATH}: each policy's owner reviews changes to it.

  --check   write nothing; exit 1 with the lines that differ when it is out of date (for CI)`;

export async function ownersCli(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseOptions({ args: argv, options: { check: { type: 'boolean', default: false }, debug: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }, USAGE);
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return EXIT.ok;
  }
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
