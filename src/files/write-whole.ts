import { mkdirSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';

/** Write the whole file or nothing: a stopped run never leaves half a file behind. */
export function writeWhole(path: string, content: string | Uint8Array): void {
  mkdirSync(dirname(path), { recursive: true });
  const partial = `${path}.plainbook-${process.pid}.tmp`;
  try {
    writeFileSync(partial, content);
    renameSync(partial, path);
  } finally {
    rmSync(partial, { force: true });
  }
}
