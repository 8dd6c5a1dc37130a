import { PRIVATE_ROBOTS_TXT } from '../site/visibility.ts';

/** Injected only for a private handbook (src/integration.ts); a public one has no robots.txt, as before. */
export function GET() {
  return new Response(PRIVATE_ROBOTS_TXT, { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
}
