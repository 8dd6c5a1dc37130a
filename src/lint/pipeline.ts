/**
 * The one road from a policy's Markdown to natural-language sentences. The lint adds its rules
 * to it (processor.ts); the page header, "grade before" in pull requests, feedback and the import
 * report use it bare (source-metrics.ts). Same parser, same prose, same metrics everywhere.
 */
import remarkRetext from 'remark-retext';
import retextEnglish from 'retext-english';
import { unified, type PluggableList, type Processor } from 'unified';
import { satteriParse } from '../markdown/satteri-parse.ts';
import { retextMetrics } from './metrics.ts';
import { PROSE_OPTIONS, rememberHeadings } from './prose.ts';

export interface ProsePipeline {
  mdx: boolean;
  /** Plugins on the Markdown tree (remark-lint rules). */
  remark?: PluggableList;
  /** Plugins on the sentences (retext rules), after the page's metrics are taken. */
  retext?: PluggableList;
}

export function proseProcessor({ mdx, remark = [], retext = [] }: ProsePipeline): Processor {
  const english = unified().use(retextEnglish).use(retextMetrics).use(retext);
  return unified()
    .use(satteriParse, mdx ? 'mdx' : 'md')
    .use(remark)
    .use(rememberHeadings)
    .use(remarkRetext, english as unknown as Parameters<typeof remarkRetext>[0], PROSE_OPTIONS)
    .freeze() as unknown as Processor;
}
