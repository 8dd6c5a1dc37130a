import { parseYamlOrThrow } from '../config/yaml-file.ts';
import { schemaError } from '../schema/friendly-error.ts';
import {
  misspeltPolicyFields,
  policyFieldHelp,
  policyFrontmatterSchema,
  type PolicyFrontmatter,
} from '../schema/policy.ts';
import { frontmatterSource } from './frontmatter.ts';
import { POLICY_DIR } from './policy-slug.ts';

/** Pages in this folder of the content directory are policies; the rest are ordinary pages. */
export { POLICY_DIR };

export function isPolicyId(id: string): boolean {
  return id.startsWith(`${POLICY_DIR}/`);
}

export interface PolicyInput {
  /** Repository-relative path, for messages. */
  file: string;
  /** The whole MDX/Markdown file. */
  source: string;
  goalIds?: ReadonlySet<string>;
}

/** Validate a policy file's frontmatter: the check the site build and every script share. */
export function validatePolicy({ file, source, goalIds }: PolicyInput): PolicyFrontmatter {
  const yaml = frontmatterSource(source);
  if (!yaml) {
    throw schemaError('content', 'policy frontmatter', file, [
      {
        field: '',
        problem: 'Unexpected policy without frontmatter, expected a `---` block at the top with `title`, `owner`, `status` and `effective`.',
        fix: '---\ntitle: Greeting customers\nowner: "@acme/front-desk"\nstatus: draft\neffective: 2026-03-01\n---',
        line: 1,
        column: 1,
      },
    ]);
  }
  return parseYamlOrThrow(yaml, policyFrontmatterSchema(goalIds), {
    kind: 'content',
    what: 'policy frontmatter',
    file,
    help: policyFieldHelp,
    checks: [misspeltPolicyFields],
  });
}
