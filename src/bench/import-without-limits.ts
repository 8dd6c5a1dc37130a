/**
 * `plainbook import` with its limits lifted, for `npm run bench:import` to time documents past
 * them (the import's cost must grow in a straight line, limits or not). Not for handbooks: the
 * limits are what keep a hostile document from taking the machine.
 */
import { runCommand } from '../cli/run-cli.ts';
import { importCli } from '../import/cli.ts';
import { IMPORT_LIMITS, type ImportLimits } from '../import/limits.ts';

const LIFTED = Object.fromEntries(Object.keys(IMPORT_LIMITS).map((name) => [name, Number.POSITIVE_INFINITY])) as unknown as ImportLimits;

await runCommand((argv, io) => importCli(argv, io, { limits: LIFTED }));
