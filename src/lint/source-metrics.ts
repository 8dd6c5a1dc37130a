import type { Processor } from 'unified';
import { VFile } from 'vfile';
import { retextHardestSentences, type HardSentence, type ReadingMetrics } from './metrics.ts';
import { proseProcessor } from './pipeline.ts';

const processors = new Map<boolean, Processor>();

/** How many sentences a "where to start" report lists. */
export const HARDEST_SENTENCES = 5;

function metricsProcessor(mdx: boolean): Processor {
  let processor = processors.get(mdx);
  if (!processor) {
    processor = proseProcessor({ mdx, retext: [[retextHardestSentences, { count: HARDEST_SENTENCES }]] });
    processors.set(mdx, processor);
  }
  return processor;
}

/**
 * Reading metrics of a Markdown or MDX document, without the lint rules: for the site header and
 * for "grade before" in reports. Same prose extraction and formulas as the lint, so the numbers
 * match. Returns undefined when the document does not parse.
 */
export async function metricsFromSource(source: string, options: { mdx: boolean }): Promise<ReadingMetrics | undefined> {
  return (await readingReport(source, options))?.metrics;
}

/** Metrics and the hardest sentences of a document; undefined when it does not parse. */
export async function readingReport(source: string, { mdx }: { mdx: boolean }): Promise<{ metrics: ReadingMetrics; hardest: HardSentence[] } | undefined> {
  const processor = metricsProcessor(mdx);
  const file = new VFile({ value: source });
  try {
    await processor.run(processor.parse(file), file);
  } catch {
    return undefined;
  }
  const { metrics, hardestSentences } = file.data;
  return metrics ? { metrics, hardest: hardestSentences ?? [] } : undefined;
}
