/**
 * Hidden HTML comments that tag what Plainbook writes on GitHub, so a second run finds and edits
 * its own comment or issue instead of adding another. People never see them.
 */
export function marker(kind: string, ...parts: (string | number)[]): string {
  const id = [kind, ...parts].map((part) => String(part).replace(/[^A-Za-z0-9_.\-/]/g, '-')).join(':');
  return `<!-- plainbook:${id} -->`;
}

export function hasMarker(body: string | null | undefined, tag: string): boolean {
  return typeof body === 'string' && body.includes(tag);
}
