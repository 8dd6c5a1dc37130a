/**
 * A site build that fails on a page in the content folder (MDX that does not parse, a component
 * used wrongly) is an editor's mistake, not a bug in Plainbook: say so, with the page, line and
 * column. Astro reports such failures as errors with a `loc` (or a list of them, from Rolldown).
 */
import { isAbsolute, relative, sep } from 'node:path';
import { ContentError } from '../errors/index.ts';

interface Located {
  message?: unknown;
  loc?: { file?: unknown; line?: unknown; column?: unknown };
  errors?: unknown;
}

export function contentBuildError(error: unknown, contentPath: string, root: string): ContentError | undefined {
  const problems = locatedErrors(error)
    .map((located) => ({ located, file: String(located.loc?.file ?? '') }))
    .filter(({ file }) => isAbsolute(file) && isInside(contentPath, file))
    .map(({ located, file }) => {
      const line = Number(located.loc?.line) || undefined;
      const column = Number(located.loc?.column) || undefined;
      // MDX puts the position at the start of its message; we print it once, in front.
      const problem = String(located.message ?? '').split('\n')[0]?.replace(/^\d+:\d+(?:-\d+:\d+)?: /, '') ?? '';
      return { field: '', problem, file: relative(root, file).split(sep).join('/'), ...(line ? { line } : {}), ...(column ? { column } : {}) };
    });
  if (problems.length === 0) return undefined;
  const lines = problems.map((problem) => `  ${[problem.file, problem.line, problem.column].filter(Boolean).join(':')}: ${problem.problem}`);
  return new ContentError(
    [`The handbook did not build: ${problems.length === 1 ? 'a page has' : `${problems.length} pages have`} a mistake.`, ...lines, '  Fix: correct that line (in MDX, write `\\<` and `\\{` for a plain `<` and `{`), then build again.'].join('\n'),
    { file: problems[0]?.file, problems, cause: error },
  );
}

function locatedErrors(error: unknown): Located[] {
  if (typeof error !== 'object' || error === null) return [];
  const own = error as Located;
  const nested = Array.isArray(own.errors) ? own.errors.flatMap(locatedErrors) : [];
  return own.loc ? [own, ...nested] : nested;
}

function isInside(folder: string, file: string): boolean {
  const path = relative(folder, file);
  return path !== '' && !path.startsWith('..') && !isAbsolute(path);
}
