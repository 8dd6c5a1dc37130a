import { existsSync, readdirSync } from 'node:fs';
import { getCollection } from 'astro:content';
import { join } from 'node:path';
import settings, { isDevServer } from 'virtual:plainbook/settings';
import { readYamlFile } from '../config/yaml-file.ts';
import { PILOTS_DIR } from '../pilot/rounds.ts';
import { policyId } from '../policies/policy-view.ts';
import { isPolicyId } from '../policies/validate-policy.ts';
import { roundHelp, roundResultsSchema, roundSchema, type Round, type RoundResults } from '../schema/pilot.ts';

export interface PilotData {
  rounds: Round[];
  results: RoundResults[];
}

let cached: PilotData | undefined;

/** Pilot round files and their results, read once per build and checked like every data file. */
export function pilotData(policyIds: readonly string[]): PilotData {
  if (cached && !isDevServer) return cached;
  const dir = join(settings.contentPath, PILOTS_DIR);
  const names = existsSync(dir) ? readdirSync(dir).sort() : [];
  const rounds = names
    .filter((name) => name.endsWith('.yml'))
    .map((name) => ({ ...readYamlFile(join(dir, name), roundSchema(policyIds), { kind: 'content', what: 'pilot round', help: roundHelp, root: settings.root }), id: name.slice(0, -4) }));
  const results = names
    .filter((name) => name.endsWith('.results.json'))
    // JSON is YAML: the YAML reader gives a broken file the same message, with its line, as any data file.
    .map((name) => readYamlFile(join(dir, name), roundResultsSchema, { kind: 'content', what: 'pilot results', root: settings.root }));
  cached = { rounds, results };
  return cached;
}

let pendingForSite: Promise<PilotData> | undefined;

/** Pilot data with the policy ids from the collection, for pages: the collection is read once per build. */
export function pilotDataForSite(): Promise<PilotData> {
  // A promise, not a value: pages render several at a time, and the first few must not all read.
  if (!pendingForSite || isDevServer) {
    pendingForSite = getCollection('docs', (entry) => isPolicyId(entry.id)).then((entries) => pilotData(entries.map((entry) => policyId(entry.id))));
  }
  return pendingForSite;
}
