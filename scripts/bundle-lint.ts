/** `npm run compile`, after tsc: the lint's rules as one module in lib/lint/ (see src/lint/bundle.ts). */
import { resolve } from 'node:path';
import { bundleLint, LINT_BUNDLE } from '../src/lint/bundle.ts';

await bundleLint(resolve('lib/lint', LINT_BUNDLE));
