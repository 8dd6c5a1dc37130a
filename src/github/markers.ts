/**
 * Hidden HTML comments that tag what Plainbook writes on GitHub, so a second run finds and edits
 * its own comment or issue instead of adding another. People never see them.
 * `marker('lint-report')` -> `<!-- plainbook:lint-report -->`;
 * `marker('pilot=spring', { tester: 'ana' })` -> `<!-- plainbook:pilot=spring tester=ana -->`.
 *
 * A marker counts only on something the token's own account wrote (`isSelf`): a reporter can
 * paste any marker into a comment, and that comment must stay theirs.
 */
import { isSelf } from './identity.ts';

export function marker(head: string, attributes: Record<string, string | number> = {}): string {
  const parts = [clean(head), ...Object.entries(attributes).map(([key, value]) => `${clean(key)}=${clean(String(value))}`)];
  return `<!-- plainbook:${parts.join(' ')} -->`;
}

/** Something on GitHub with a body and an author: an issue, a pull request or a comment. */
export interface Authored {
  body?: string | null | undefined;
  user?: { login?: string | null } | null | undefined;
}

/** Whether `item` carries `tag` and was written by `self`. */
export function hasOwnMarker(item: Authored, tag: string, self: string): boolean {
  return typeof item.body === 'string' && item.body.includes(tag) && isSelf(item.user, self);
}

/**
 * The first of `items` with `tag` that `self` wrote. Asks who `self` is only when some item
 * carries the tag, so a first run (nothing tagged yet) costs no extra request.
 */
export async function findOwnMarked<T extends Authored>(items: readonly T[], tag: string, self: () => Promise<string>): Promise<T | undefined> {
  const tagged = items.filter((item) => typeof item.body === 'string' && item.body.includes(tag));
  if (tagged.length === 0) return undefined;
  const login = await self();
  return tagged.find((item) => hasOwnMarker(item, tag, login));
}

// Values come from validated ids and logins; anything else is folded so a marker stays one token.
function clean(value: string): string {
  return value.replace(/[^A-Za-z0-9_.\-/:=]/g, '-');
}
