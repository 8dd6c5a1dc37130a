/** `1234567` → `1.2 MB`, `2345` → `2 KB`: sizes as a reader deciding to download would say them. */
export function sizeText(bytes: number): string {
  return bytes >= 1e6 ? `${(bytes / 1e6).toFixed(1)} MB` : `${Math.max(1, Math.round(bytes / 1e3))} KB`;
}
