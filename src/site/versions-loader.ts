/**
 * The `versions` collection: each earlier (or waiting) version of each policy, rendered from git
 * for its version page and for a policy page whose newest words are not in force yet. Rendered
 * as Markdown (src/policies/version-words.ts), with Astro's own Markdown pipeline; an entry whose
 * words did not change since the last build keeps its rendering (the data store's digest).
 */
import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import type { Loader } from 'astro/loaders';
import { flavourOf } from '../markdown/syntax.ts';
import { frontmatterData } from '../policies/frontmatter.ts';
import { POLICY_DIR } from '../policies/validate-policy.ts';
import { versionMarkdown } from '../policies/version-words.ts';
import type { IsoDate } from '../schema/fields.ts';
import { policyVersions, upcomingVersions } from '../policies/versions.ts';
import { contentHistory } from './content-history.ts';

export interface VersionsLoaderOptions {
  root: string;
  contentPath: string;
  today: IsoDate;
}

export interface VersionData {
  policy: string;
  number: number;
  title: string;
}

export function versionsLoader(settings: VersionsLoaderOptions): Loader {
  return {
    name: 'plainbook-versions-loader',
    load: async (context) => {
      const kept = new Set<string>();
      // Read once here: content sync runs in a dev-mode Vite, where contentHistory reads afresh per call.
      const history = await contentHistory(settings);
      for (const [filePath, commits] of history) {
        const policy = policyOfFile(settings, filePath);
        const current = policy ? await readFile(join(settings.root, filePath), 'utf8').catch(() => undefined) : undefined;
        if (!policy || current === undefined) continue;
        const versions = policyVersions(current, commits);
        const upcoming = upcomingVersions(versions, settings.today).at(0);
        for (const [index, version] of versions.entries()) {
          // The newest words, in force: their page is the policy page itself.
          if (index === versions.length - 1 && !upcoming) continue;
          const id = `${policy}/${index + 1}`;
          const body = versionMarkdown(version.text, flavourOf(filePath));
          const digest = context.generateDigest(body);
          kept.add(id);
          if (context.store.get(id)?.digest === digest) continue;
          const title = String(frontmatterData(version.text)?.title ?? policy);
          const data: VersionData = { policy, number: index + 1, title };
          context.store.set({ id, data: { ...data }, body, digest, rendered: await context.renderMarkdown(body) });
        }
      }
      for (const id of context.store.keys()) if (!kept.has(id)) context.store.delete(id);
    },
  };
}

/** `content/policies/phone/answering.mdx` → `phone/answering`; undefined for a page that is not a policy. */
export function policyOfFile(settings: { root: string; contentPath: string }, filePath: string): string | undefined {
  const inContent = relative(relative(settings.root, settings.contentPath) || '.', filePath).split(sep).join('/');
  const match = new RegExp(`^${POLICY_DIR}/(.+)\\.mdx?$`).exec(inContent);
  return match?.[1];
}
