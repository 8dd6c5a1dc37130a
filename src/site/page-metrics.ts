import settings, { packageRoot } from 'virtual:plainbook/settings';
import { lintContext } from '../lint/context.ts';
import { isEnglishPage } from '../lint/languages.ts';
import type { ReadingMetrics } from '../lint/metrics.ts';
import { pageGrades, type PageGrade } from '../lint/page-grade.ts';

let grades: PageGrade | undefined;

/**
 * A page's reading metrics for its header: the lint's, from the lint beside the build, its cache,
 * or computed the lint's way (src/lint/page-grade.ts).
 */
export async function pageMetrics(filePath: string | undefined, body: string, mdx: boolean): Promise<ReadingMetrics | undefined> {
  // The formulas are English: a grade for a page in another language would mean nothing.
  if (filePath && !isEnglishPage(filePath, settings)) return undefined;
  grades ??= pageGrades({ root: settings.root, packageRoot, context: lintContext(settings) });
  return grades(filePath, body, mdx);
}
