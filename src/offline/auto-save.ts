/**
 * When the rest of the handbook is saved without asking: only on a fast line (the Network
 * Information API's `4g`, about 4 Mbit/s or more) without Save-Data, and only up to
 * AUTO_SAVE_BYTES. Browsers without the API (Safari, Firefox) count as fast. Otherwise the reader
 * presses "Save" (the pages they open are kept anyway).
 */
export interface Connection {
  saveData?: boolean;
  effectiveType?: string;
}

/**
 * Uncompressed bytes; HTML and search data shrink to about a fifth on the wire (gzip), so 25 MB
 * is about 5 MB sent, 10 seconds at 4 Mbit/s. `npm run bench:offline` puts 1,000 policies
 * under it and 3,000 above.
 */
export const AUTO_SAVE_BYTES = 25_000_000;

export function savesWithoutAsking(bytes: number, connection: Connection | undefined): boolean {
  if (connection?.saveData) return false;
  if (connection?.effectiveType !== undefined && connection.effectiveType !== '4g') return false;
  return bytes <= AUTO_SAVE_BYTES;
}
