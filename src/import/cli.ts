/**
 * `plainbook import <files or folders...>`: existing policies (Word, Google Docs, web pages,
 * Markdown, plain text) become draft policies in content/policies/, followed by a reading report
 * that says where to start rewriting.
 */
import { relative } from 'node:path';
import { ask, canAsk, type AskingIo } from '../command/ask.ts';
import { commandLine, dateOption, printUsage } from '../command/options.ts';
import { EXIT } from '../command/exit-codes.ts';
import { loadSettings } from '../config/settings.ts';
import { ContentError, PlainbookError, UsageError } from '../errors/index.ts';
import { lintSource } from '../lint/lint-file.ts';
import { readingReport } from '../lint/source-metrics.ts';
import { lintContext } from '../lint/context.ts';
import { todayIso } from '../policies/review-dates.ts';
import { GITHUB_OWNER_HELP, githubOwner } from '../schema/fields.ts';
import { gatherDocuments, type DocumentPath } from './gather.ts';
import { importDocument, IMPORTABLE_EXTENSIONS, type ImportedPolicy, type ImportRequest } from './import-document.ts';
import { limitsSummary, type ImportLimits } from './limits.ts';
import { jsonImportReport, policyReport, prettyImportReport, type PolicyReport } from './report.ts';
import { findConflicts, writePolicies } from './write-policies.ts';

const USAGE = `Usage: plainbook import <files or folders...> [options]

Turns existing policies into draft policies in content/policies/<name>.mdx and reports where
to start rewriting. Reads ${IMPORTABLE_EXTENSIONS.join(', ')} (Google Docs: File > Download >
Microsoft Word, or Web page).

  --owner <@team>        who owns the imported policies (a GitHub team or user); asked if missing
  --today <YYYY-MM-DD>   the policies' effective date (default: today)
  --format <pretty|json> report format (default: pretty)
  --dry-run              convert and report, write nothing
  --force                replace policies that already exist
  --keep-going           import the documents that can be, list the others and exit 1 (2 if
                         only the call was wrong for them, such as a policy that exists);
                         without it, one document that cannot be imported stops them all
  --debug                print stack traces

Limits (a document over one is refused, and the message says by how much):
${limitsSummary().replace(/^/gm, '  ')}`;

export async function importCli(argv: string[], io: AskingIo, options: ImportCliOptions = {}): Promise<number> {
  const { values, positionals } = commandLine(argv, USAGE, {
    owner: { type: 'string' },
    today: { type: 'string' },
    format: { type: 'string', default: 'pretty' },
    'dry-run': { type: 'boolean', default: false },
    force: { type: 'boolean', default: false },
    'keep-going': { type: 'boolean', default: false },
  }, { positionals: true });
  if (values.help) return printUsage(io, USAGE);
  if (values.format !== 'pretty' && values.format !== 'json') throw new UsageError(`Unexpected format \`${values.format}\`, expected \`pretty\` or \`json\`.`);
  if (positionals.length === 0) throw new UsageError(`Missing documents to import: name files or folders, e.g. \`plainbook import "Refund policy.docx"\`.\n\n${USAGE}`);
  const today = dateOption('--today', values.today) ?? todayIso();
  const settings = loadSettings(io.root, io.env);
  const { documents, skipped } = await gatherDocuments(positionals, io.cwd ?? io.root);
  const owner = await ownerFrom(values.owner, io);

  const contentDir = relative(io.root, settings.contentPath).split('\\').join('/') || '.';
  const imported = await convertAll(documents, { owner, today, contentDir, ...(options.limits ? { limits: options.limits } : {}) }, io);
  const problems = new Map([...imported.failures, ...findConflicts(io.root, imported.policies, values.force)]);
  if (problems.size > 0 && (!values['keep-going'] || problems.size === documents.length)) throw failedImport(problems, documents.length);
  const policies = imported.policies.filter((policy) => !problems.has(policy.source));

  if (!values['dry-run']) writePolicies(io.root, policies);
  const context = lintContext(settings);
  const reports: PolicyReport[] = [];
  for (const policy of policies) {
    const lint = await lintSource(policy.policyPath, policy.text, context);
    reports.push(policyReport(policy, lint, (await readingReport(policy.text, { mdx: true }))?.hardest ?? []));
  }
  io.stdout(values.format === 'json' ? jsonImportReport(reports, values['dry-run']) : prettyImportReport(reports, values['dry-run']));
  if (skipped > 0) io.stderr(`Skipped ${skipped} ${skipped === 1 ? 'file' : 'files'} in the folders that ${skipped === 1 ? 'is' : 'are'} not ${IMPORTABLE_EXTENSIONS.join(', ')}.\n`);
  if (problems.size > 0) throw leftOutWithKeepGoing(problems, documents.length, values['dry-run']);
  return EXIT.ok;
}

export interface ImportCliOptions {
  /** The import's limits, raised by the benchmark to measure past them; `IMPORT_LIMITS` otherwise. */
  limits?: ImportLimits;
}

async function ownerFrom(given: string | undefined, io: AskingIo): Promise<string> {
  let owner = given;
  if (owner === undefined) {
    if (!canAsk(io)) throw new UsageError(`Missing --owner: who owns the imported policies, as ${GITHUB_OWNER_HELP}. Example: \`--owner @acme/support-leads\`.`);
    owner = (await ask(io, 'Who owns these policies (GitHub @team or @user)', '')).trim();
  }
  const parsed = githubOwner.safeParse(owner);
  if (!parsed.success) throw new UsageError(`Unexpected \`${owner}\` for --owner, expected ${GITHUB_OWNER_HELP}.`);
  return parsed.data;
}

interface Converted {
  policies: ImportedPolicy[];
  failures: Map<string, PlainbookError>;
}

/** Every document, each on its own: one bad file is reported with the others, not alone. */
async function convertAll(documents: readonly DocumentPath[], shared: Omit<ImportRequest, keyof DocumentPath>, io: AskingIo): Promise<Converted> {
  const policies: ImportedPolicy[] = [];
  const failures = new Map<string, PlainbookError>();
  for (const [index, document] of documents.entries()) {
    if (documents.length > 1) io.stderr(`[${index + 1}/${documents.length}] ${document.shownPath}\n`);
    try {
      policies.push(await importDocument({ ...document, ...shared }));
    } catch (error) {
      if (!(error instanceof PlainbookError)) throw error;
      failures.set(document.shownPath, error);
    }
  }
  return { policies, failures };
}

/** All problems at once, and nothing written: fix them and run the same command again. */
function failedImport(problems: ReadonlyMap<string, PlainbookError>, total: number): PlainbookError {
  const errors = [...problems.values()];
  if (errors.length === 1 && total === 1) return errors[0] as PlainbookError;
  return listed(problems, `Cannot import ${problems.size} of ${total} documents, so nothing was written:`, 'Fix these documents or leave them out, then run the import again.');
}

/** With --keep-going the others went through; the ones left out still end the run with an error. */
function leftOutWithKeepGoing(problems: ReadonlyMap<string, PlainbookError>, total: number, dryRun: boolean): PlainbookError {
  const done = total - problems.size;
  return listed(
    problems,
    `${dryRun ? 'Would import' : 'Imported'} ${done} of ${total} documents; left out ${problems.size} that cannot be imported:`,
    `Fix ${problems.size === 1 ? 'it' : 'them'}, then import ${problems.size === 1 ? 'it' : 'them'} again.`,
  );
}

/** Problems that are all the call's (a policy that exists, two documents with one title) are a usage error; any other is the content's. */
function listed(problems: ReadonlyMap<string, PlainbookError>, heading: string, advice: string): PlainbookError {
  const errors = [...problems.values()];
  const message = `${heading}\n${errors.map((error) => `- ${error.message}`).join('\n')}\n${advice}`;
  return errors.every((error) => error instanceof UsageError) ? new UsageError(message) : new ContentError(message, { file: [...problems.keys()][0] });
}
