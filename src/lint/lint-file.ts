import type { Processor } from 'unified';
import { VFile } from 'vfile';
import type { VFileMessage } from 'vfile-message';
import { frontmatterData } from '../policies/frontmatter.ts';
import { RULE_IDS, severityOf, type RuleId } from '../schema/lint-rules.ts';
import type { LintSettings } from '../schema/lint.ts';
import { applyInlineSwitches } from './inline-switches.ts';
import { outsideBadExamples } from './prose.ts';
import { buildProcessor } from './processor.ts';
import { loadSpeller } from './speller.ts';
import { PARSE_ERROR, type FileResult, type LintMessage } from './result.ts';
import { ruleUrl } from './rules/rule-docs.ts';

export interface LintContext {
  settings: LintSettings;
  /** Project word list for the spell check, one word per line. */
  personalWords: string;
  /** Compute spelling suggestions: only when a report shows them (they are the slow part). */
  suggest?: boolean;
}

const processors = new WeakMap<LintContext, Map<string, Promise<Processor>>>();

function processorFor(context: LintContext, targetGrade: number, mdx: boolean): Promise<Processor> {
  let byOptions = processors.get(context);
  if (!byOptions) processors.set(context, (byOptions = new Map()));
  const key = `${targetGrade}:${mdx}`;
  let processor = byOptions.get(key);
  if (!processor) {
    processor = makeProcessor(context, targetGrade, mdx);
    byOptions.set(key, processor);
  }
  return processor;
}

async function makeProcessor(context: LintContext, targetGrade: number, mdx: boolean): Promise<Processor> {
  const speller = severityOf(context.settings, 'spell') === 'off' ? undefined : await loadSpeller(context.settings.language, context.personalWords);
  return buildProcessor({ settings: context.settings, suggest: context.suggest ?? false, targetGrade, mdx, speller });
}

/** Lint one Markdown or MDX document. Never throws for bad content: that becomes a message. */
export async function lintSource(path: string, source: string, context: LintContext): Promise<FileResult> {
  const targetGrade = readingLevelOf(source) ?? context.settings.targetGrade;
  const processor = await processorFor(context, targetGrade, path.endsWith('.mdx'));
  const file = new VFile({ path, value: source });
  let tree;
  try {
    tree = processor.parse(file);
    await processor.run(tree, file);
  } catch (error) {
    return { path, targetGrade, messages: [parseErrorMessage(error)] };
  }
  for (const message of file.messages) message.ruleId = ruleIdOf(message);
  applyInlineSwitches(tree, file);
  const messages = file.messages
    .filter((message) => message.source === 'remark-lint' || outsideBadExamples(file, startOffset(message)))
    .map((message) => toLintMessage(message, context.settings))
    .filter((message): message is LintMessage => message !== undefined)
    .sort((a, b) => a.line - b.line || a.column - b.column || a.ruleId.localeCompare(b.ruleId));
  return { path, targetGrade, ...(file.data.metrics ? { metrics: file.data.metrics } : {}), messages };
}

function startOffset(message: VFileMessage): number | undefined {
  const place = message.place;
  return (place && 'start' in place ? place.start : place)?.offset;
}

/** A page's own `readingLevel`, read leniently: the frontmatter schema reports bad values. */
function readingLevelOf(source: string): number | undefined {
  const level = frontmatterData(source)?.readingLevel;
  return typeof level === 'number' && level >= 1 && level <= 18 ? level : undefined;
}

const REMARK_LINT_RULES = new Set<string>(['heading-increment', 'no-duplicate-headings']);

/** The Plainbook rule a message belongs to: what config, switches and reports call it. */
export function ruleIdOf(message: Pick<VFileMessage, 'source' | 'ruleId'>): RuleId | undefined {
  const { source, ruleId } = message;
  if (source === 'plainbook') return RULE_IDS.find((id) => id === ruleId);
  if (source === 'remark-lint') return ruleId && REMARK_LINT_RULES.has(ruleId) ? (ruleId as RuleId) : 'markdown-style';
  if (source?.startsWith('retext-')) return RULE_IDS.find((id) => id === source.slice('retext-'.length));
  return undefined;
}

function toLintMessage(message: VFileMessage, settings: LintSettings): LintMessage | undefined {
  const ruleId = RULE_IDS.find((id) => id === message.ruleId);
  if (!ruleId) return undefined;
  const severity = severityOf(settings, ruleId);
  if (severity === 'off') return undefined;
  const start = message.place && 'start' in message.place ? message.place.start : message.place;
  const end = message.place && 'end' in message.place ? message.place.end : start;
  return {
    line: start?.line ?? 1,
    column: start?.column ?? 1,
    endLine: end?.line ?? start?.line ?? 1,
    endColumn: end?.column ?? start?.column ?? 1,
    ruleId,
    source: message.source ?? 'plainbook',
    severity: severity === 'error' ? 'error' : 'warning',
    reason: message.reason,
    ...(message.actual !== undefined ? { actual: message.actual } : {}),
    ...(message.expected?.length ? { expected: message.expected } : {}),
    // Upstream rules (retext-simplify, -equality, ...) link to their own README; the guide's section
    // for the rule says why Plainbook runs it and how to fix a finding in a policy.
    url: ruleUrl(ruleId),
  };
}

/**
 * micromark-extension-mdx-jsx names some places in the text, `(7:1-7:10)`; Sätteri (when
 * micromark accepts what it refused) starts with one, `7:1: `, and ends with its rule id.
 */
const PLACE_IN_TEXT = /\s*\((\d+):(\d+)(?:-(\d+):(\d+))?\)|^(\d+):(\d+): /;
const SATTERI_RULE_ID = / \([a-z-]+:[a-z-]+\)$/;

export function parseErrorMessage(error: unknown): LintMessage {
  const message = error as Partial<VFileMessage>;
  const text = message.reason ?? (error instanceof Error ? error.message : String(error));
  const named = PLACE_IN_TEXT.exec(text);
  const namedStart = named ? { line: Number(named[1] ?? named[5]), column: Number(named[2] ?? named[6]) } : undefined;
  const place = message.place;
  const start = (place && 'start' in place ? place.start : place) ?? namedStart;
  const end = (place && 'end' in place ? place.end : undefined) ?? (named?.[3] ? { line: Number(named[3]), column: Number(named[4]) } : start);
  const reason = text.replace(named?.[0] ?? '', '').replace(SATTERI_RULE_ID, '').replace(/\.$/, '');
  return {
    line: start?.line ?? 1,
    column: start?.column ?? 1,
    endLine: end?.line ?? start?.line ?? 1,
    endColumn: end?.column ?? start?.column ?? 1,
    ruleId: PARSE_ERROR,
    source: message.source ?? 'plainbook',
    severity: 'error',
    reason: `Cannot parse this file: ${reason}. Fix the syntax here; nothing else in the file was checked.`,
  };
}
