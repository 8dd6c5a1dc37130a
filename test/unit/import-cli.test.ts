import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HeadingLevel, Paragraph } from 'docx';
import { describe, expect, it } from 'vitest';
import { runToExitCode } from '../../src/cli/run-cli.ts';
import { importCli } from '../../src/import/cli.ts';
import { fullWordDocument, wordDocument } from '../helpers/documents.ts';
import { createTempProject } from '../helpers/temp-project.ts';

async function run(root: string, argv: string[], options: { cwd?: string; ask?: string } = {}) {
  let stdout = '';
  let stderr = '';
  const io = {
    root,
    cwd: options.cwd ?? root,
    env: {},
    interactive: options.ask !== undefined,
    ask: async () => options.ask ?? '',
    stdout: (text: string) => (stdout += text),
    stderr: (text: string) => (stderr += text),
  };
  const code = await runToExitCode(() => importCli(argv, io), (text) => (stderr += text));
  return { code, stdout, stderr };
}

/** Every file under content/, so a test can see that nothing at all was written. */
function contentFiles(root: string): string[] {
  return readdirSync(join(root, 'content'), { recursive: true, encoding: 'utf8' }).sort();
}

const HARD = 'Notwithstanding the aforementioned considerations, representatives shall endeavour to facilitate comprehensive resolution of customer dissatisfaction expeditiously.';

async function policyDocument(title: string, text = 'Say hi. Be kind. Help them.'): Promise<Buffer> {
  return wordDocument([new Paragraph({ text: title, heading: HeadingLevel.TITLE }), new Paragraph(text)]);
}

describe('plainbook import', () => {
  it('writes the policy and its images, then reports grade, hardest sentences and findings by rule', async () => {
    const project = createTempProject({});
    writeFileSync(join(project.dir, 'Refunds.docx'), await fullWordDocument());
    writeFileSync(join(project.dir, 'Hard.docx'), await policyDocument('Complaints', `Say sorry. ${HARD} Then help.`));

    const result = await run(project.dir, ['Hard.docx', '--owner', '@acme/leads', '--today', '2026-11-23']);

    expect(result.code).toBe(0);
    expect(contentFiles(project.dir)).toEqual(['goals.yml', 'policies', 'policies/complaints.mdx']);
    expect(result.stdout).toContain('content/policies/complaints.mdx  (from Hard.docx)\n  Title: Complaints\n  Reading grade: ');
    expect(result.stdout).toContain(`  Hardest sentences (start here):\n    content/policies/complaints.mdx:8:12  grade 30.4  "Notwithstanding the aforementioned considerations, representatives shall endeavour to facilitate co…"\n`);
    expect(result.stdout).toMatch(/Findings by rule: .*readability 1.*\(\d+ in all\)/);
    expect(result.stdout).toContain('Imported 1 document as draft policy.');

    const withImages = await run(project.dir, ['Refunds.docx', '--owner', '@acme/leads', '--today', '2026-11-23']);
    expect(withImages.code).toBe(0);
    expect(existsSync(join(project.dir, 'content/policies/refunds-and-returns/image-1.png'))).toBe(true);
    expect(withImages.stdout).toContain('  Images saved: content/policies/refunds-and-returns/image-1.png\n');
    expect(withImages.stdout).toContain('  Left out: 1 comment; 2 tracked changes');
  });

  it('writes nothing with --dry-run, and reports the same', async () => {
    const project = createTempProject({});
    writeFileSync(join(project.dir, 'a.docx'), await policyDocument('Greeting'));
    const result = await run(project.dir, ['a.docx', '--owner', '@acme/leads', '--dry-run', '--format', 'json']);
    expect(result.code).toBe(0);
    expect(contentFiles(project.dir)).toEqual(['goals.yml']);
    const report = JSON.parse(result.stdout) as { dryRun: boolean; policies: { policy: string; grade: number; targetGrade: number; hardestSentences: unknown[]; findingsByRule: Record<string, number> }[] };
    expect(report.dryRun).toBe(true);
    expect(report.policies).toEqual([
      expect.objectContaining({ source: 'a.docx', policy: 'content/policies/greeting.mdx', title: 'Greeting', targetGrade: 6, leftOut: [], images: [], hardestSentences: [], findingsByRule: {} }),
    ]);
    expect(typeof report.policies[0]?.grade).toBe('number');
  });

  it('never replaces an existing policy without --force, and replaces it with', async () => {
    const existing = '---\ntitle: Greeting\n---\n\nOur own words.\n';
    const project = createTempProject({ 'content/policies/greeting.md': existing });
    writeFileSync(join(project.dir, 'a.docx'), await policyDocument('Greeting'));

    const refused = await run(project.dir, ['a.docx', '--owner', '@acme/leads']);
    expect(refused.code).toBe(2);
    expect(refused.stderr).toBe('Cannot import a.docx: content/policies/greeting.mdx already exists. Run again with --force to replace it, or rename the existing policy first.\n');
    expect(readFileSync(join(project.dir, 'content/policies/greeting.md'), 'utf8')).toBe(existing);
    expect(existsSync(join(project.dir, 'content/policies/greeting.mdx'))).toBe(false);

    const forced = await run(project.dir, ['a.docx', '--owner', '@acme/leads', '--force']);
    expect(forced.code).toBe(0);
    expect(readFileSync(join(project.dir, 'content/policies/greeting.mdx'), 'utf8')).toContain('Say hi. Be kind. Help them.');
  });

  it('imports a folder with progress and a final table; one bad document means nothing is written', async () => {
    const project = createTempProject({});
    const folder = join(project.dir, 'old policies');
    mkdirSync(join(folder, 'more'), { recursive: true });
    for (let index = 1; index <= 50; index++) {
      const target = index % 2 === 0 ? join(folder, 'more', `p${index}.docx`) : join(folder, `p${index}.docx`);
      writeFileSync(target, await policyDocument(`Policy ${index}`));
    }
    writeFileSync(join(folder, 'notes.pdf'), 'not a document');
    writeFileSync(join(folder, '~$p1.docx'), 'Word lock file');

    const result = await run(project.dir, ['old policies', '--owner', 'acme'], { cwd: project.dir });
    expect(result.code).toBe(0);
    expect(result.stderr).toContain('[1/50] old policies/more/p10.docx\n');
    expect(result.stderr).toContain('[50/50] old policies/p9.docx\n');
    expect(result.stderr).toContain('Skipped 2 files in the folders that are not .docx, .html, .htm, .md, .txt.');
    expect(result.stdout).toMatch(/\nDocument {2,}Policy {2,}Grade {2}Findings\nold policies\/more\/p10\.docx {2,}content\/policies\/policy-10\.mdx {2,}-?[\d.]+ {2,}\d+\n/);
    expect(result.stdout).toContain('Imported 50 documents as draft policies.');
    expect(contentFiles(project.dir).filter((path) => path.endsWith('.mdx'))).toHaveLength(50);
    expect(readFileSync(join(project.dir, 'content/policies/policy-7.mdx'), 'utf8')).toContain('owner: "@acme"');

    const second = createTempProject({});
    const docs = join(second.dir, 'docs');
    mkdirSync(docs);
    writeFileSync(join(docs, 'good.docx'), await policyDocument('Good'));
    writeFileSync(join(docs, 'broken.docx'), 'not a zip');
    writeFileSync(join(docs, 'same.docx'), await policyDocument('Good'));
    const failed = await run(second.dir, ['docs', '--owner', '@acme/leads']);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toContain('Cannot import 2 of 3 documents, so nothing was written:\n- Cannot read docs/broken.docx: it is not a Word document');
    expect(failed.stderr).toContain('- Cannot import docs/same.docx: docs/good.docx becomes the same policy, content/policies/good.mdx (both are titled "Good").');
    expect(failed.stderr).toContain('Fix these documents or leave them out, then run the import again.');
    expect(contentFiles(second.dir)).toEqual(['goals.yml']);
  });

  it('needs an owner: asks at a terminal, refuses without one, and checks it', async () => {
    const project = createTempProject({});
    writeFileSync(join(project.dir, 'a.docx'), await policyDocument('Greeting'));
    const missing = await run(project.dir, ['a.docx']);
    expect(missing.code).toBe(2);
    expect(missing.stderr).toBe('Missing --owner: who owns the imported policies, as a GitHub user or team such as `@jane-doe` or `@acme/support-leads`. Example: `--owner @acme/support-leads`.\n');
    const wrong = await run(project.dir, ['a.docx', '--owner', 'acme/leads/x']);
    expect(wrong.stderr).toBe('Unexpected `acme/leads/x` for --owner, expected a GitHub user or team such as `@jane-doe` or `@acme/support-leads`.\n');
    const asked = await run(project.dir, ['a.docx'], { ask: '@acme/front-desk' });
    expect(asked.code).toBe(0);
    expect(readFileSync(join(project.dir, 'content/policies/greeting.mdx'), 'utf8')).toContain('owner: "@acme/front-desk"');
  });

  it('reads a folder\'s documents only: not hidden files, not Word lock files, whatever the case of the extension', async () => {
    const project = createTempProject({});
    const docs = join(project.dir, 'docs');
    mkdirSync(join(docs, 'sub'), { recursive: true });
    writeFileSync(join(docs, 'A.TXT'), 'Alpha\n\nSay hi.');
    writeFileSync(join(docs, '.hidden.txt'), 'Hidden\n\nSay hi.');
    writeFileSync(join(docs, 'sub/~$lock.txt'), 'Lock\n\nSay hi.');
    writeFileSync(join(docs, 'sub/x~$y.txt'), 'Tilde\n\nSay hi.');
    const result = await run(project.dir, ['docs', '--owner', '@a', '--dry-run', '--format', 'json']);
    expect(result.code).toBe(0);
    expect((JSON.parse(result.stdout) as { policies: { source: string }[] }).policies.map((policy) => policy.source)).toEqual(['docs/A.TXT', 'docs/sub/x~$y.txt']);
    expect(result.stderr).toContain('Skipped 1 file in the folders that is not .docx, .html, .htm, .md, .txt.');
  });

  it('shows documents outside the current folder by their full path, and asks for an owner it trims', async () => {
    const project = createTempProject({});
    const outside = join(mkdtempSync(join(tmpdir(), 'plainbook-outside-')), 'Chat.txt');
    writeFileSync(outside, 'Chat\n\nSay hi.');
    const questions: string[] = [];
    let stdout = '';
    const code = await runToExitCode(
      () => importCli([outside, '--dry-run'], { root: project.dir, cwd: project.dir, env: {}, interactive: true, ask: async (question) => (questions.push(question), '  @acme/chat  '), stdout: (text) => (stdout += text), stderr: () => {} }),
      () => {},
    );
    expect(code).toBe(0);
    expect(questions).toEqual(['Who owns these policies (GitHub @team or @user)']);
    expect(stdout).toContain(`content/policies/chat.mdx  (from ${outside})`);
  });

  it('gives one document\'s own error when it is the only one, and a UsageError when every problem is the call\'s', async () => {
    const project = createTempProject({ 'content/policies/good.mdx': '---\ntitle: Good\n---\n\nOurs.\n' });
    writeFileSync(join(project.dir, 'broken.docx'), 'not a zip');
    const alone = await run(project.dir, ['broken.docx', '--owner', '@a']);
    expect(alone).toMatchObject({ code: 1, stderr: 'Cannot read broken.docx: it is not a Word document (a .docx file is a zip archive, and this one is not). The file may be damaged or have the wrong extension: open it in Word and save it again as .docx.\n' });
    mkdirSync(join(project.dir, 'two'));
    writeFileSync(join(project.dir, 'two/a.txt'), 'Good\n\nSay hi.');
    writeFileSync(join(project.dir, 'two/b.txt'), 'Good\n\nSay hello.');
    const conflicts = await run(project.dir, ['two', '--owner', '@a']);
    expect(conflicts.code).toBe(2);
    expect(conflicts.stderr).toBe(
      '[1/2] two/a.txt\n[2/2] two/b.txt\nCannot import 2 of 2 documents, so nothing was written:\n- Cannot import two/a.txt: content/policies/good.mdx already exists. Run again with --force to replace it, or rename the existing policy first.\n- Cannot import two/b.txt: two/a.txt becomes the same policy, content/policies/good.mdx (both are titled "Good"). Import one of them on its own, or change one title.\nFix these documents or leave them out, then run the import again.\n',
    );
  });

  it('names what is wrong with the call', async () => {
    const project = createTempProject({});
    expect((await run(project.dir, ['--owner', '@a'])).stderr).toMatch(/^Missing documents to import: name files or folders/);
    expect((await run(project.dir, ['nope.docx', '--owner', '@a'])).stderr).toBe('Cannot find nope.docx: no such file or folder. Check the path (it is read from where you run the command).\n');
    writeFileSync(join(project.dir, 'a.pdf'), 'x');
    const pdf = await run(project.dir, ['a.pdf', '--owner', '@a']);
    expect(pdf.code).toBe(2);
    expect(pdf.stderr).toMatch(/^Unexpected file type `\.pdf` for a\.pdf/);
    expect((await run(project.dir, ['a.pdf', '--today', '23/11/2026'])).stderr).toBe('Unexpected `23/11/2026` for --today, expected a date such as `2026-03-15`.\n');
    expect((await run(project.dir, ['a.pdf', '--format', 'xml'])).stderr).toBe('Unexpected format `xml`, expected `pretty` or `json`.\n');
    mkdirSync(join(project.dir, 'empty'));
    expect((await run(project.dir, ['empty', '--owner', '@a'])).stderr).toBe('Cannot find documents in empty: expected files ending in .docx, .html, .htm, .md, .txt.\n');
  });
});
