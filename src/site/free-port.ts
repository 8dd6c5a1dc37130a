import { createServer } from 'node:net';
import { EnvironmentError } from '../errors/index.ts';

/** A port nothing listens on, on 127.0.0.1 (for a preview server that must not clash). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    const fail = (cause?: unknown) => reject(new EnvironmentError('Cannot find a free port on 127.0.0.1 for the preview server: check that this machine allows local servers.', { cause }));
    probe.once('error', fail);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      probe.close(() => (typeof address === 'object' && address ? resolve(address.port) : fail()));
    });
  });
}
