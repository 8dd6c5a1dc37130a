import type { FileResult } from '../result.ts';
import { githubReport } from './github.ts';
import { jsonReport } from './json.ts';
import { markdownReport } from './markdown.ts';
import { prettyReport } from './pretty.ts';

export const FORMATS = {
  pretty: prettyReport,
  github: githubReport,
  json: jsonReport,
  markdown: markdownReport,
} as const satisfies Record<string, (results: readonly FileResult[]) => string>;

export type Format = keyof typeof FORMATS;
