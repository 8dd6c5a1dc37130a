/**
 * `plainbook owners`: write .github/CODEOWNERS from each policy's owner.
 * `plainbook owners --check`: exit 1 with the lines that differ when it is out of date (CI).
 */
import { join } from 'node:path';
import { parseOptions } from '../cli/options.ts';
import { EXIT, type CliIo } from '../cli/run-cli.ts';
import { loadSettings } from '../config/settings.ts';
import { readPolicies } from '../policies/catalog.ts';
import { packageVersion } from '../package-root.ts';
import { readText, withMarker, withoutMarker, writeGenerated } from '../sync/generated-file.ts';
import { CODEOWNERS_PATH, lineDiff, renderCodeowners } from './codeowners.ts';

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
  const expected = renderCodeowners(await readPolicies(io.root, settings.contentPath), settings.defaultOwner);
  const path = join(io.root, CODEOWNERS_PATH);
  const current = readText(path) ?? '';
  const committed = withoutMarker(current);
  const next = withMarker(expected, packageVersion());
  if (values.check) {
    if (committed === expected) return EXIT.ok;
    io.stderr(`${CODEOWNERS_PATH} is out of date with the policies' owners. Run \`npx plainbook owners\` and commit the result.\n${lineDiff(committed, expected).join('\n')}\n`);
    return EXIT.findings;
  }
  if (current !== next) writeGenerated(path, next);
  io.stdout(`${current === next ? 'Already up to date:' : 'Wrote'} ${CODEOWNERS_PATH}.\n`);
  return EXIT.ok;
}
