/**
 * The worker's own test of the network. `navigator.onLine` only says a network interface is up:
 * it stays `true` on a phone held by a captive portal, on café Wi-Fi with no internet, and on a
 * line that times out, which are the cases the offline copy exists for. So the worker asks the
 * handbook's server, and gives up after a set time.
 */

/**
 * How long the worker waits for the server's first answer (its status line and headers, not the
 * whole body) before it takes the network as down. A working slow line answers well inside it:
 * Lighthouse's slow 4G has a 150 ms round trip and 2G (EDGE) 300 to 1,000 ms, and an answer
 * needs about three round trips on a new connection (TCP, TLS, the request). Five seconds is
 * that worst case again with room to spare, and short enough for a reader who waits on a page
 * this device has not saved.
 */
export const NETWORK_TIMEOUT_MS = 5_000;

export class NetworkTimeoutError extends Error {
  readonly ms: number;

  constructor(ms: number) {
    super(`No answer from the server within ${ms} ms.`);
    this.name = 'NetworkTimeoutError';
    this.ms = ms;
  }
}

/**
 * `fetch`, rejected when no answer has begun within `ms`. Once the headers are in, the body may
 * take as long as it needs: a large file on a slow line is not a failed network.
 */
export async function fetchWithin(input: RequestInfo | URL, init: RequestInit = {}, ms = NETWORK_TIMEOUT_MS): Promise<Response> {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(new NetworkTimeoutError(ms)), ms);
  try {
    return await fetch(input, { ...init, signal: controller.signal });
  } finally {
    clearTimeout(timer);
  }
}
