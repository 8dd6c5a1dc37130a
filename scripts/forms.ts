/**
 * `npm run forms`: write the feedback issue form from the policies in content/.
 * `npm run forms -- --check`: exit 1 when the committed form is out of date (CI).
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { parseOptions } from '../src/cli/options.ts';
import { runCli } from '../src/cli/run-cli.ts';
import { loadSettings } from '../src/config/settings.ts';
import { FEEDBACK_FORM_PATH, renderFeedbackForm } from '../src/pilot/feedback-form.ts';
import { readPolicies } from '../src/policies/catalog.ts';

await runCli(async () => {
  const { values } = parseOptions({ options: { check: { type: 'boolean', default: false }, debug: { type: 'boolean' } } });
  const root = process.cwd();
  const settings = loadSettings(root);
  const policies = await readPolicies(root, settings.contentPath);
  const form = renderFeedbackForm(policies.map((policy) => ({ id: policy.id, title: policy.frontmatter.title })));
  const path = join(root, FEEDBACK_FORM_PATH);
  const current = existsSync(path) ? readFileSync(path, 'utf8') : undefined;
  if (values.check) {
    if (current === form) return 0;
    process.stderr.write(`${FEEDBACK_FORM_PATH} is out of date with content/policies (${current === undefined ? 'missing' : 'a policy was added, removed or renamed'}). Run \`npm run forms\` and commit the result.\n`);
    return 1;
  }
  if (current === form) {
    process.stdout.write(`${FEEDBACK_FORM_PATH} is up to date (${policies.length} policies).\n`);
    return 0;
  }
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, form);
  process.stdout.write(`Wrote ${FEEDBACK_FORM_PATH} with ${policies.length} policies.\n`);
  return 0;
});
