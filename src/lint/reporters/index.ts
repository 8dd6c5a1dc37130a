import type { FileResult, RunNotes } from '../result.ts';
import { githubReport } from './github.ts';
import { jsonReport } from './json.ts';
import { markdownReport } from './markdown.ts';
import { prettyReport } from './pretty.ts';

export type Reporter = (results: readonly FileResult[], notes?: RunNotes) => string;

export const FORMATS = {
  pretty: prettyReport,
  github: githubReport,
  json: jsonReport,
  markdown: markdownReport,
} as const satisfies Record<string, Reporter>;

export type Format = keyof typeof FORMATS;
