/** Where each of Plainbook's own rules is explained, for the `url` of its messages. */
export const RULES_DOCS = 'https://github.com/plainbook/plainbook/blob/main/README.md';

export function ruleUrl(ruleId: string): string {
  return `${RULES_DOCS}#rule-${ruleId}`;
}
