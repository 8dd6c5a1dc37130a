/**
 * `npm run owners`: write .github/CODEOWNERS from each policy's owner.
 * `npm run owners -- --check`: exit 1 with the lines that differ when it is out of date (CI).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseOptions } from '../src/cli/options.ts';
import { runCli } from '../src/cli/run-cli.ts';
import { loadSettings } from '../src/config/settings.ts';
import { readPolicies } from '../src/policies/catalog.ts';
import { CODEOWNERS_PATH, lineDiff, renderCodeowners } from '../src/review/codeowners.ts';

await runCli(async () => {
  const { values } = parseOptions({ options: { check: { type: 'boolean', default: false }, debug: { type: 'boolean' } } });
  const root = process.cwd();
  const settings = loadSettings(root);
  const expected = renderCodeowners(await readPolicies(root, settings.contentPath), settings.defaultOwner);
  const path = join(root, CODEOWNERS_PATH);
  const committed = existsSync(path) ? readFileSync(path, 'utf8') : '';
  if (values.check) {
    if (committed === expected) return 0;
    process.stderr.write(`${CODEOWNERS_PATH} is out of date with the policies' owners. Run \`npm run owners\` and commit the result.\n${lineDiff(committed, expected).join('\n')}\n`);
    return 1;
  }
  if (committed !== expected) {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, expected);
  }
  process.stdout.write(`${committed === expected ? 'Already up to date:' : 'Wrote'} ${CODEOWNERS_PATH}.\n`);
  return 0;
});
