import { readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { glob, type Loader, type LoaderContext } from 'astro/loaders';
import { goalIds } from '../policies/goals.ts';
import { loadHandbookData, type HandbookData } from '../policies/handbook-data.ts';
import { isPolicyId, validatePolicy } from '../policies/validate-policy.ts';

export interface HandbookLoaderOptions {
  /** Absolute path of the content folder. */
  contentPath: string;
  /** Repository root, so errors name `content/policies/x.mdx` rather than an absolute path. */
  root: string;
}

/** Same file pattern as Starlight's `docsLoader()`: Markdown and MDX, `_`-prefixed files skipped. */
const HANDBOOK_PATTERN = '**/[^_]*.{md,mdx}';

/**
 * Starlight's glob loader on `./content`, with Plainbook's checks in front of Astro's schema
 * validation: policies are validated by the same schema module the scripts use, so a bad field
 * fails the build with the file, line, field, what was expected and an example fix.
 */
export function handbookLoader({ contentPath, root }: HandbookLoaderOptions): Loader {
  const inner = glob({ base: contentPath, pattern: HANDBOOK_PATTERN });
  return {
    name: 'plainbook-handbook-loader',
    load: async (context) => {
      const data = loadHandbookData(contentPath, root);
      const goals = goalIds(data);
      const parseData: LoaderContext['parseData'] = async (props) => {
        if (isPolicyId(props.id) && props.filePath) checkPolicy(props.filePath, goals, root);
        return context.parseData(props);
      };
      await inner.load({ ...context, parseData });
      recheckCachedGoalReferences(context, goals, root);
      for (const warning of traceabilityGaps(data, context)) context.logger.warn(warning);
    },
  };
}

/** Goals nothing serves, or that nothing measures: legal, but a gap an editor should see. */
export function traceabilityGaps(data: HandbookData, context: Pick<LoaderContext, 'store'>): string[] {
  const served = new Set<string>();
  for (const entry of context.store.values()) {
    if (isPolicyId(entry.id)) for (const goal of (entry.data.goals ?? []) as string[]) served.add(goal);
  }
  const warnings: string[] = [];
  for (const goal of data.goals) {
    if (!served.has(goal.id)) warnings.push(`Goal \`${goal.id}\` has no policy: add \`goals: [${goal.id}]\` to the policies that serve it.`);
    if (!goal.kpi) warnings.push(`Goal \`${goal.id}\` has no KPI: add \`kpi:\` to it in goals.yml so we can tell if we meet it.`);
  }
  return warnings;
}

// Read at once: a promise-based read is four trips through libuv's thread pool (open, stat,
// read, close), each with its own bookkeeping on the build's busy main thread.
function checkPolicy(filePath: string, goals: ReadonlySet<string>, root: string) {
  const source = readFileSync(filePath, 'utf8');
  validatePolicy({ file: relative(root, filePath), source, goalIds: goals });
}

/**
 * The glob loader skips files whose content did not change since the last build, but a goal
 * removed from `goals.yml` can still break them: check cached policies' goal ids again.
 */
function recheckCachedGoalReferences(context: LoaderContext, goals: ReadonlySet<string>, root: string) {
  for (const entry of context.store.values()) {
    if (!isPolicyId(entry.id) || !entry.filePath) continue;
    const named = (entry.data.goals ?? []) as string[];
    if (named.every((goal) => goals.has(goal))) continue;
    checkPolicy(join(root, entry.filePath), goals, root);
  }
}
