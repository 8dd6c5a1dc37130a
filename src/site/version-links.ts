/**
 * Where a policy's versions are read: each earlier version on a page of its own, the newest in
 * force on the policy page. Shared by the pages, which link to them, and the step that writes them.
 */
import { relative, sep } from 'node:path';
import type { IsoDate } from '../schema/fields.ts';
import type { PolicyVersion } from '../policies/versions.ts';
import { POLICY_DIR } from '../policies/validate-policy.ts';

/** A version's page: `/versions/<policy id>/<n>/`, numbered from 1 in the order they were made. */
export function versionPath(base: string, policyId: string, number: number): string {
  return `${base.replace(/\/$/, '')}/versions/${policyId}/${number}/`;
}

/** Every version has a page of its own but the newest when it is in force: the policy page is its. */
export function hasVersionPage(versions: readonly PolicyVersion[], index: number, today: IsoDate): boolean {
  const newest = versions.at(-1)?.inForce;
  return index < versions.length - 1 || (newest !== undefined && newest.from > today);
}

/** Where version `index` of a policy is read: its own page, or the policy page for the newest in force. */
export function versionHref(base: string, policyId: string, versions: readonly PolicyVersion[], index: number, today: IsoDate): string {
  return hasVersionPage(versions, index, today) ? versionPath(base, policyId, index + 1) : `${base.replace(/\/$/, '')}/policies/${policyId}/`;
}

/** `content/policies/phone/answering.mdx` → `phone/answering`; undefined for a page that is not a policy. */
export function policyOfFile(settings: { root: string; contentPath: string }, filePath: string): string | undefined {
  const inContent = relative(relative(settings.root, settings.contentPath) || '.', filePath).split(sep).join('/');
  const match = new RegExp(`^${POLICY_DIR}/(.+)\\.mdx?$`).exec(inContent);
  return match?.[1];
}
