/**
 * `plainbook forms`: write the feedback issue form from the policies in content/.
 * `plainbook forms --check`: exit 1 when the committed form is out of date (CI).
 */
import { commandLine, printUsage } from '../command/options.ts';
import { EXIT } from '../command/exit-codes.ts';
import type { CliIo } from '../command/io.ts';
import { loadSettings } from '../config/settings.ts';
import { readPolicies } from '../policies/catalog.ts';
import { packageVersion } from '../files/package-root.ts';
import { regenerate } from '../files/generated-file.ts';
import { FEEDBACK_FORM_PATH, feedbackFormFile } from './feedback-form.ts';

const USAGE = `Usage: plainbook forms [--check]

Writes ${FEEDBACK_FORM_PATH}: the feedback issue form, with one choice per policy.

  --check   write nothing; exit 1 when the form is out of date (for CI)`;

export async function formsCli(argv: string[], io: CliIo): Promise<number> {
  const { values } = commandLine(argv, USAGE, { check: { type: 'boolean', default: false } });
  if (values.help) return printUsage(io, USAGE);
  const settings = loadSettings(io.root, io.env);
  const policies = await readPolicies(io.root, settings.contentPath);
  const { current, matches, written } = regenerate(io.root, feedbackFormFile(policies), packageVersion(), values.check);
  if (values.check) {
    if (matches) return EXIT.ok;
    io.stderr(`${FEEDBACK_FORM_PATH} is out of date with content/policies (${current === undefined ? 'missing' : 'a policy was added, removed or renamed'}). Run \`npx plainbook forms\` and commit the result.\n`);
    return EXIT.findings;
  }
  io.stdout(written ? `Wrote ${FEEDBACK_FORM_PATH} with ${policies.length} policies.\n` : `${FEEDBACK_FORM_PATH} is up to date (${policies.length} policies).\n`);
  return EXIT.ok;
}
