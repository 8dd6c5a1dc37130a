/** The repository's files on its main branch, as GitHub shows them. */
const REPOSITORY_FILES = 'https://github.com/plainbook/plainbook/blob/main';

/** Where each of Plainbook's own rules is explained, for the `url` of its messages. */
export const RULES_DOCS = `${REPOSITORY_FILES}/docs/editors.md`;

/** The rule's own section of the editors' guide: a `### <rule-id>` heading. */
export function ruleUrl(ruleId: string): string {
  return `${RULES_DOCS}#${ruleId}`;
}
