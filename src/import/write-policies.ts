/**
 * Imported policies go to disk together or not at all: every target is checked first (an
 * existing policy is kept unless `--force`; two documents cannot become the same file), each
 * file is written whole (temporary file, then rename), and if a write fails the files this run
 * created are removed again.
 */
import { existsSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { UsageError } from '../errors/index.ts';
import { writeWhole } from '../files/write-whole.ts';
import type { ImportedPolicy } from './import-document.ts';

/** Problems that stop the import before anything is written, one per document. */
export function findConflicts(root: string, policies: readonly ImportedPolicy[], force: boolean): Map<string, UsageError> {
  const conflicts = new Map<string, UsageError>();
  const claimed = new Map<string, string>();
  for (const policy of policies) {
    const earlier = claimed.get(policy.policyPath);
    if (earlier) {
      conflicts.set(policy.source, new UsageError(`Cannot import ${policy.source}: ${earlier} becomes the same policy, ${policy.policyPath} (both are titled "${policy.title}"). Import one of them on its own, or change one title.`));
      continue;
    }
    claimed.set(policy.policyPath, policy.source);
    const existing = targetsOf(policy).find((path) => existsSync(join(root, path)) || existsSync(join(root, path.replace(/\.mdx$/, '.md'))));
    if (existing && !force) {
      conflicts.set(policy.source, new UsageError(`Cannot import ${policy.source}: ${existing} already exists. Run again with --force to replace it, or rename the existing policy first.`));
    }
  }
  return conflicts;
}

function targetsOf(policy: ImportedPolicy): string[] {
  const folder = policy.policyPath.replace(/\.mdx$/, '');
  return [policy.policyPath, ...policy.images.map((image) => `${folder}/${image.name}`)];
}

/** Write every policy and its images; returns the repository-relative paths written. */
export function writePolicies(root: string, policies: readonly ImportedPolicy[]): string[] {
  const created: string[] = [];
  const written: string[] = [];
  try {
    for (const policy of policies) {
      const folder = policy.policyPath.replace(/\.mdx$/, '');
      // Images first: a policy is never on disk pointing at an image that is not.
      for (const image of policy.images) write(`${folder}/${image.name}`, image.bytes);
      write(policy.policyPath, policy.text);
    }
  } catch (error) {
    for (const path of created) rmSync(join(root, path), { force: true });
    throw error;
  }
  return written;

  function write(path: string, content: string | Buffer): void {
    const absolute = join(root, path);
    const isNew = !existsSync(absolute);
    writeWhole(absolute, content);
    if (isNew) created.push(path);
    written.push(path);
  }
}
