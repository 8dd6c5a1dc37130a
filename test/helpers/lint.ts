import { readFileSync } from 'node:fs';
import { lintSource, type LintContext } from '../../src/lint/lint-file.ts';
import { lintSettingsSchema, RULE_IDS, type RuleId } from '../../src/schema/lint.ts';

/** Settings with every rule off except `rules`, which report as errors. */
export function onlyRules(...rules: RuleId[]): LintContext {
  const severities = Object.fromEntries(RULE_IDS.map((rule) => [rule, rules.includes(rule) ? 'error' : 'off']));
  return { settings: lintSettingsSchema.parse({ rules: severities }), personalWords: '' };
}

/** Lint a fixture and return its messages as `line:col-endLine:endCol rule: reason` lines. */
export async function lintFixture(name: string, context: LintContext): Promise<string[]> {
  const path = `test/fixtures/lint/${name}`;
  const result = await lintSource(path, readFileSync(path, 'utf8'), context);
  return result.messages.map((m) => `${m.line}:${m.column}-${m.endLine}:${m.endColumn} ${m.ruleId}: ${m.reason}`);
}
