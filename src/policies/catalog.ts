import { readFile } from 'node:fs/promises';
import { join, relative, sep } from 'node:path';
import { glob } from 'tinyglobby';
import type { PolicyFrontmatter } from '../schema/policy.ts';
import { goalIds } from './goals.ts';
import { loadHandbookData } from './handbook-data.ts';
import { POLICY_DIR, validatePolicy } from './validate-policy.ts';

export interface PolicyRecord {
  /** `greeting-customers`, or `phone/answering` for a nested file: what forms and rounds name. */
  id: string;
  /** Repository-relative path, `content/policies/greeting-customers.mdx`. */
  file: string;
  frontmatter: PolicyFrontmatter;
}

/**
 * Every policy in the content folder, validated as the site build validates it, sorted by id.
 * Scripts use this; the site uses Astro's collection.
 */
export async function readPolicies(root: string, contentPath: string): Promise<PolicyRecord[]> {
  const ids = goalIds(loadHandbookData(contentPath, root));
  const dir = join(contentPath, POLICY_DIR);
  const files = await glob('**/[^_]*.{md,mdx}', { cwd: dir });
  const records = await Promise.all(
    files.map(async (name) => {
      const path = join(dir, name);
      const file = relative(root, path).split(sep).join('/');
      const frontmatter = validatePolicy({ file, source: await readFile(path, 'utf8'), goalIds: ids });
      return { id: name.replace(/\.(md|mdx)$/, '').split(sep).join('/'), file, frontmatter };
    }),
  );
  return records.sort((a, b) => a.id.localeCompare(b.id));
}
