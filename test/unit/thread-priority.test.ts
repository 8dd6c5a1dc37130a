import { getPriority } from 'node:os';
import { Worker } from 'node:worker_threads';
import { describe, expect, it } from 'vitest';

const onLinux = process.platform === 'linux';

/** Runs in a thread of its own, so the test runner's thread keeps its priority. */
const PROBE = `
const { parentPort } = require('node:worker_threads');
import(${JSON.stringify(new URL('../../src/lint/thread-priority.ts', import.meta.url).href)}).then((m) => {
  const lowered = m.runThisThreadInBackground();
  parentPort.postMessage({ lowered, id: m.currentThreadId() });
});
`;

describe.runIf(onLinux)('the lint thread beside a build', () => {
  it('lowers its own priority to 19 and leaves the rest of the process as it was', async () => {
    const before = getPriority(process.pid);
    const { lowered, id } = await new Promise<{ lowered: boolean; id: number }>((resolve, reject) => {
      const worker = new Worker(PROBE, { eval: true });
      worker.once('message', (message: { lowered: boolean; id: number }) => {
        resolve(message);
        void worker.terminate();
      });
      worker.once('error', reject);
    });
    expect(lowered).toBe(true);
    expect(id).not.toBe(process.pid);
    expect(getPriority(process.pid)).toBe(before);
  });
});
