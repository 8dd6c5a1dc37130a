#!/usr/bin/env node
/** The `plainbook` command (compiled to lib/bin/plainbook.js in the package). */
import { keepCompiledCode } from '../files/compile-cache.ts';

keepCompiledCode();
// Imported after the cache is on, so the command's own modules come from it too.
const { main } = await import('../cli/main.ts');
const { processIo, runCli } = await import('../cli/run-cli.ts');

await runCli(() => main(process.argv.slice(2), processIo()));
