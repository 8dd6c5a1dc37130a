#!/usr/bin/env node
/** The `plainbook` command (compiled to lib/bin/plainbook.js in the package). */
import { main } from '../cli/main.ts';
import { processIo, runCli } from '../cli/run-cli.ts';

await runCli(() => main(process.argv.slice(2), processIo()));
