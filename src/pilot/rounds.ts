import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { stringify } from 'yaml';
import { UsageError } from '../errors/index.ts';
import { readYamlFile } from '../config/yaml-file.ts';
import { isNamedTester, newTesterCode, roundHelp, roundSchema, type Round } from '../schema/pilot.ts';

export const PILOTS_DIR = 'pilots';
const ROUND_ID = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function roundFile(contentPath: string, id: string): string {
  return join(contentPath, PILOTS_DIR, `${id}.yml`);
}

/** A round by id, validated against the policies that exist. Unknown ids say which ones exist. */
export async function loadRound(contentPath: string, root: string, id: string, policyIds: readonly string[]): Promise<Round> {
  if (!ROUND_ID.test(id)) throw new UsageError(`Unexpected round id \`${id}\`, expected lower-case words joined by hyphens, such as \`spring-2026\`.`);
  const path = roundFile(contentPath, id);
  if (!existsSync(path)) {
    const known = await listRoundIds(contentPath);
    throw new UsageError(
      `Cannot find pilot round \`${id}\`: there is no ${PILOTS_DIR}/${id}.yml in the content folder. ${known.length ? `Rounds: ${known.map((k) => `\`${k}\``).join(', ')}.` : 'Create the file first (see README, "Pilot rounds").'}`,
    );
  }
  return { ...readYamlFile(path, roundSchema(policyIds), { kind: 'content', what: 'pilot round', help: roundHelp, root }), id };
}

export async function listRoundIds(contentPath: string): Promise<string[]> {
  try {
    return (await readdir(join(contentPath, PILOTS_DIR)))
      .filter((name) => name.endsWith('.yml'))
      .map((name) => name.slice(0, -4))
      .sort();
  } catch {
    return [];
  }
}

export function isRoundOpen(round: Pick<Round, 'opens' | 'closes'>, today: string): boolean {
  return today >= round.opens && today <= round.closes;
}

/**
 * Rounds from before tester codes list customers by name: it still works, and this says how to
 * move to codes, with the lines to write (fresh codes). It names no one: CI logs can be public,
 * so a tester is pointed to by their place in the list.
 */
export function namedTestersWarning(round: Round, file: string): string | undefined {
  const named = round.testers.flatMap((tester, index) => (isNamedTester(tester) ? [{ tester, place: index + 1 }] : []));
  if (named.length === 0) return undefined;
  const rows = named.map(({ tester, place }) => {
    const { name: _name, ...rest } = tester;
    return `    - ${stringify({ code: newTesterCode(), ...rest }, { flow: true, lineWidth: 0 }).trim()}   # tester ${place}`;
  });
  return [
    `Warning: ${file} lists ${named.length === 1 ? 'a tester' : `${named.length} testers`} by name (${named.map(({ place }) => `tester ${place}`).join(', ')} in \`testers\`). The round file is in git and task issues are on GitHub, often in public: list a tester without a GitHub account by a code instead. Write in place of each:`,
    ...rows,
    `Then \`npx plainbook pilot start ${round.id}\` prints each code's personal link for the staff member in \`via\` to pass on. Feedback already filed under a name no longer counts for the coded tester, so switch before the round starts.`,
  ].join('\n');
}
