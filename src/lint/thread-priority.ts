/**
 * A lint beside a build should take only the CPU the build leaves: the pages wait for the build's
 * slowest step, not for the lint. Niced to 19, the lint thread stopped slowing Astro's phases
 * (`build --lint` at 300 policies: 10.1–10.5 s of build phases before, 9.4 s after, 2 cores).
 *
 * Linux nices a thread by its own id, which Node does not expose but /proc/thread-self names.
 */
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** The lowest priority, as `nice -n 19`. */
export const BACKGROUND_PRIORITY = 19;

/** The calling thread's id, or undefined where there is no /proc (macOS, Windows). */
export function currentThreadId(): number | undefined {
  try {
    const id = Number(readlinkSync('/proc/thread-self').split('/').pop());
    return Number.isInteger(id) && id > 0 ? id : undefined;
  } catch {
    return undefined;
  }
}

/** Lower the calling thread's priority; false where the system has no way or refuses. */
export function runThisThreadInBackground(): boolean {
  const id = currentThreadId();
  if (id === undefined) return false;
  try {
    setPriority(id, BACKGROUND_PRIORITY);
    return getPriority(id) === BACKGROUND_PRIORITY;
  } catch {
    return false;
  }
}
