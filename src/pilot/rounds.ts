import { existsSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { UsageError } from '../errors/index.ts';
import { readYamlFile } from '../config/yaml-file.ts';
import { roundHelp, roundSchema, type Round } from '../schema/pilot.ts';

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
