import { createTwoFilesPatch } from 'diff';
import { readMarker, withMarker } from '../files/generated-file.ts';
import type { GeneratedFile } from '../files/generated-file.ts';

/**
 * What sync does with one file:
 * - `add`: it is missing;
 * - `keep`: it already holds what this version generates;
 * - `update`: it holds what an earlier version generated, untouched since;
 * - `edited`: a person changed it (or wrote it without a marker): left alone, with a diff.
 */
export type SyncAction = 'add' | 'keep' | 'update' | 'edited';

export interface SyncStep {
  path: string;
  action: SyncAction;
  /** The text this version generates, marker included. */
  next: string;
  /** The version that wrote the current file, when it has a marker. */
  from?: string | undefined;
  /** For `edited`: a unified diff from the file as it is to what sync would write. */
  diff?: string | undefined;
}

export function planSync(file: GeneratedFile, current: string | undefined, version: string): SyncStep {
  const next = withMarker(file.body, version);
  if (current === undefined) return { path: file.path, action: 'add', next };
  const marker = readMarker(current);
  if (marker && !marker.edited) {
    const same = marker.body === file.body && marker.version === version;
    return { path: file.path, action: same ? 'keep' : 'update', next, from: marker.version };
  }
  if (current === next) return { path: file.path, action: 'keep', next };
  return { path: file.path, action: 'edited', next, from: marker?.version, diff: createTwoFilesPatch(file.path, file.path, current, next, 'yours', `plainbook ${version}`) };
}
