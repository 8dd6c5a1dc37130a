import { resolve } from 'node:path';
import type { TestProject } from 'vitest/node';
import { buildSite } from '../helpers/build-site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The shipped handbook, built once for every site test. */
    siteDir: string;
    /** What that build printed. */
    siteLog: string;
  }
}

export const SITE_DIR = resolve('test/.output/site');

/** Build the real handbook once; integration and browser tests read or serve this one build. */
export default async function setup(project: TestProject): Promise<void> {
  const build = await buildSite({}, SITE_DIR);
  if (build.code !== 0) throw new Error(`The handbook did not build:\n${build.output}`);
  project.provide('siteDir', build.outDir);
  project.provide('siteLog', build.output);
}
