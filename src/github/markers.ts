/**
 * Hidden HTML comments that tag what Plainbook writes on GitHub, so a second run finds and edits
 * its own comment or issue instead of adding another. People never see them.
 * `marker('lint-report')` -> `<!-- plainbook:lint-report -->`;
 * `marker('pilot=spring', { tester: 'ana' })` -> `<!-- plainbook:pilot=spring tester=ana -->`.
 */
export function marker(head: string, attributes: Record<string, string | number> = {}): string {
  const parts = [clean(head), ...Object.entries(attributes).map(([key, value]) => `${clean(key)}=${clean(String(value))}`)];
  return `<!-- plainbook:${parts.join(' ')} -->`;
}

export function hasMarker(body: string | null | undefined, tag: string): boolean {
  return typeof body === 'string' && body.includes(tag);
}

// Values come from validated ids and logins; anything else is folded so a marker stays one token.
function clean(value: string): string {
  return value.replace(/[^A-Za-z0-9_.\-/:=]/g, '-');
}
