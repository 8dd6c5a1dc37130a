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
 * Uncompressed bytes; pages shrink to about a quarter on the wire (gzip), so 25 MB is about 6 MB
 * sent, 12 seconds at 4 Mbit/s. `npm run bench:offline`: the shipped handbook's rest is 0.8 MB
 * and is saved unasked; 1,000 policies are 47 MB (11 MB sent), so their readers are asked first.
 */
export const AUTO_SAVE_BYTES = 25_000_000;

export function savesWithoutAsking(bytes: number, connection: Connection | undefined): boolean {
  if (connection?.saveData) return false;
  if (connection?.effectiveType !== undefined && connection.effectiveType !== '4g') return false;
  return bytes <= AUTO_SAVE_BYTES;
}
