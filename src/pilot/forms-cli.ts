/**
 * `plainbook forms`: write the feedback issue form from the policies in content/.
 * `plainbook forms --check`: exit 1 when the committed form is out of date (CI).
 */
import { join } from 'node:path';
import { parseOptions } from '../cli/options.ts';
import { EXIT, type CliIo } from '../cli/run-cli.ts';
import { loadSettings } from '../config/settings.ts';
import { readPolicies } from '../policies/catalog.ts';
import { packageVersion } from '../package-root.ts';
import { readText, withMarker, withoutMarker, writeGenerated } from '../sync/generated-file.ts';
import { FEEDBACK_FORM_PATH, renderFeedbackForm } from './feedback-form.ts';

const USAGE = `Usage: plainbook forms [--check]

Writes ${FEEDBACK_FORM_PATH}: the feedback issue form, with one choice per policy.

  --check   write nothing; exit 1 when the form is out of date (for CI)`;

export async function formsCli(argv: string[], io: CliIo): Promise<number> {
  const { values } = parseOptions({ args: argv, options: { check: { type: 'boolean', default: false }, debug: { type: 'boolean' }, help: { type: 'boolean', short: 'h' } } }, USAGE);
  if (values.help) {
    io.stdout(`${USAGE}\n`);
    return EXIT.ok;
  }
  const settings = loadSettings(io.root, io.env);
  const policies = await readPolicies(io.root, settings.contentPath);
  const form = renderFeedbackForm(policies.map((policy) => ({ id: policy.id, title: policy.frontmatter.title })));
  const path = join(io.root, FEEDBACK_FORM_PATH);
  const current = readText(path);
  const next = withMarker(form, packageVersion());
  if (values.check) {
    // The policies decide; a form from an older Plainbook with the same choices still passes.
    if (current !== undefined && withoutMarker(current) === form) return EXIT.ok;
    io.stderr(`${FEEDBACK_FORM_PATH} is out of date with content/policies (${current === undefined ? 'missing' : 'a policy was added, removed or renamed'}). Run \`npx plainbook forms\` and commit the result.\n`);
    return EXIT.findings;
  }
  if (current === next) {
    io.stdout(`${FEEDBACK_FORM_PATH} is up to date (${policies.length} policies).\n`);
    return EXIT.ok;
  }
  writeGenerated(path, next);
  io.stdout(`Wrote ${FEEDBACK_FORM_PATH} with ${policies.length} policies.\n`);
  return EXIT.ok;
}
