/**
 * `plainbook history <policy>`: the record behind a policy, from git. Each version of its words,
 * the days it was in force, the change that made it and who made it; `--format json` for tools.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { commandLine, dateOption, printUsage } from '../command/options.ts';
import { EXIT } from '../command/exit-codes.ts';
import type { CliIo } from '../command/io.ts';
import { loadSettings } from '../config/settings.ts';
import { UsageError } from '../errors/index.ts';
import type { IsoDate } from '../schema/fields.ts';
import { dayBefore } from '../text/days.ts';
import { closestMatch } from '../schema/suggest.ts';
import { formatDate } from '../text/format-date.ts';
import { readPolicies } from './catalog.ts';
import { readContentHistory } from './git-history.ts';
import { missingVersionsNote, policyVersions, recordIsWhole, type PolicyVersion } from './versions.ts';

const USAGE = `Usage: plainbook history <policy> [--format table|json] [--today YYYY-MM-DD]

Each version of a policy's words, the days it was in force, the change that made it and who
made it. <policy> is its id, such as \`saying-no\`, or its file.

  --format <format>  table (default) or json
  --today <date>     the day to answer for (default: today, or PLAINBOOK_TODAY)`;

export type VersionStatus = 'in force' | 'replaced' | 'upcoming' | 'never in force';

export interface VersionRecord {
  /** First day in force; none for a version overtaken before its day. */
  from: IsoDate | null;
  /** Last day in force; none while in force or upcoming with nothing after it. */
  to: IsoDate | null;
  status: VersionStatus;
  effective: IsoDate | null;
  change: string;
  pullRequest: number | null;
  author: string;
  commit: string;
  committed: string;
}

export async function historyCli(argv: string[], io: CliIo): Promise<number> {
  const { values, positionals } = commandLine(argv, USAGE, { format: { type: 'string', default: 'table' }, today: { type: 'string' } }, { positionals: true });
  if (values.help) return printUsage(io, USAGE);
  if (values.format !== 'table' && values.format !== 'json') throw new UsageError(`Unexpected format \`${values.format}\`, expected \`table\` or \`json\`.`);
  const [wanted, ...extra] = positionals;
  if (!wanted) throw new UsageError(`Missing policy, expected its id, such as \`plainbook history saying-no\`.\n\n${USAGE}`);
  if (extra.length > 0) throw new UsageError(`Unexpected \`${extra.join(' ')}\` after the policy, expected one policy.`);
  const settings = loadSettings(io.root, io.env);
  const today = dateOption('--today', values.today) ?? settings.today;
  const policies = await readPolicies(io.root, settings.contentPath);
  const policy = policies.find((candidate) => candidate.id === wanted || candidate.file === wanted || candidate.file.endsWith(`/${wanted}`));
  if (!policy) {
    const meant = closestMatch(wanted, policies.map((candidate) => candidate.id));
    throw new UsageError(`Unexpected policy \`${wanted}\`, expected ${meant ? `\`${meant}\`` : 'the id of a policy in the handbook'}.`);
  }
  const notices: string[] = [];
  const history = await readContentHistory(io.root, settings.contentPath, { onNotice: (notice) => notices.push(notice), partial: settings.history === 'partial' });
  const current = readFileSync(join(io.root, policy.file), 'utf8');
  const commits = history.get(policy.file) ?? [];
  const versions = policyVersions(current, commits);
  if (!recordIsWhole(current, commits)) notices.push(missingVersionsNote(commits));
  const records = versions.map((version) => versionRecord(version, today)).reverse();
  if (values.format === 'json') {
    io.stdout(`${JSON.stringify({ policy: policy.id, file: policy.file, title: policy.frontmatter.title, today, complete: recordIsWhole(current, commits), versions: records }, null, 2)}\n`);
    return EXIT.ok;
  }
  for (const notice of notices) io.stderr(`${notice}\n`);
  io.stdout(historyTable(policy.frontmatter.title, policy.file, today, records));
  return EXIT.ok;
}

export function versionRecord(version: PolicyVersion, today: IsoDate): VersionRecord {
  const span = version.inForce;
  const status: VersionStatus = !span ? 'never in force' : span.from > today ? 'upcoming' : span.until === undefined || span.until > today ? 'in force' : 'replaced';
  return {
    from: span?.from ?? null,
    to: span?.until === undefined ? null : dayBefore(span.until),
    status,
    effective: version.effective ?? null,
    change: version.commit.subject,
    pullRequest: version.commit.pullRequest ?? null,
    author: version.commit.author,
    commit: version.commit.hash,
    committed: version.commit.date,
  };
}

function historyTable(title: string, file: string, today: IsoDate, records: readonly VersionRecord[]): string {
  const heading = `${title} (${file}), as of ${formatDate(today)}:\n\n`;
  if (records.length === 0) return `${heading}No versions in git yet: commit the policy to start its record.\n`;
  const rows = records.map((record) => [
    record.from ? formatDate(record.from) : '–',
    record.to ? formatDate(record.to) : record.status === 'never in force' ? '–' : '',
    record.status === 'never in force' ? 'overtaken before it took effect' : record.status,
    `${record.pullRequest ? `#${record.pullRequest} ` : ''}${record.change.replace(/\s*\(#\d+\)$/, '')}`,
    record.author,
  ]);
  const header = ['from', 'to', 'status', 'change', 'author'];
  const widths = header.map((name, column) => Math.max(name.length, ...rows.map((row) => (row[column] ?? '').length)));
  const line = (cells: readonly string[]) => `${cells.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd()}\n`;
  return heading + line(header) + rows.map(line).join('');
}
