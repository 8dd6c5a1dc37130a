import { KILL_SWITCH_WORKER } from '../offline/kill-switch.ts';

/** `astro dev` only: see kill-switch.ts. */
export function GET() {
  return new Response(KILL_SWITCH_WORKER, { headers: { 'content-type': 'text/javascript' } });
}
