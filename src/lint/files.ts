import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { relative, sep } from 'node:path';
import { userPath } from '../command/project.ts';
import { promisify } from 'node:util';
import { glob } from 'tinyglobby';
import { UsageError } from '../errors/index.ts';

const git = promisify(execFile);

export const LINTED_EXTENSIONS = /\.(md|mdx)$/;

function toPosix(path: string): string {
  return path.split(sep).join('/');
}

/**
 * Files to lint: the paths and globs given (as the user typed them: absolute, or relative to
 * `cwd`), or every Markdown/MDX file in the content folder. Found files are named relative to the
 * project root, as annotations and the cache want them, and sorted, so output order never
 * depends on the file system.
 */
export async function findFiles(root: string, contentPath: string, patterns: readonly string[], cwd: string = root): Promise<string[]> {
  const content = toPosix(relative(root, contentPath)) || '.';
  for (const pattern of patterns) {
    const isPlainPath = !/[*?[\]{}]/.test(pattern);
    if (isPlainPath && !existsSync(userPath(cwd, pattern))) {
      throw new UsageError(`Cannot read ${pattern}: the file does not exist in ${cwd}. Check the path.`);
    }
  }
  const found =
    patterns.length > 0
      ? await glob(
          patterns.map((pattern) => toPosix(relative(root, userPath(cwd, pattern))) || '.'),
          { cwd: root, onlyFiles: true, expandDirectories: true },
        )
      : await contentFiles(contentPath, content);
  return [...new Set(found.filter((file) => LINTED_EXTENSIONS.test(file)))].sort();
}

/**
 * Every Markdown/MDX file under the content folder, named relative to the root. Searched from the
 * folder itself: a pattern such as `../handbook/**` searched from the root walked the whole
 * project, node_modules too (400 ms for 100 files when the content lived outside the project).
 */
async function contentFiles(contentPath: string, content: string): Promise<string[]> {
  const found = await glob('**/*.{md,mdx}', { cwd: contentPath, onlyFiles: true });
  return content === '.' ? found : found.map((file) => `${content}/${file}`);
}

/**
 * Markdown/MDX files in the content folder that differ from `base`: committed on this branch
 * since it left `base`, changed in the working tree, or new and untracked. Deleted files are
 * left out: there is nothing to lint.
 */
export async function changedFiles(root: string, contentPath: string, base: string): Promise<string[]> {
  const content = toPosix(relative(root, contentPath)) || '.';
  const from = await mergeBase(root, base);
  const [changed, untracked] = await Promise.all([
    gitOutput(root, ['diff', '--name-only', '--diff-filter=d', '--no-renames', from, '--', content]),
    gitOutput(root, ['ls-files', '--others', '--exclude-standard', '--', content]),
  ]);
  const files = `${changed}\n${untracked}`.split('\n').filter((file) => LINTED_EXTENSIONS.test(file));
  return [...new Set(files)].sort();
}

/** The commit this branch left `base` at: what a pull request's changes are counted from, as on GitHub. */
export async function mergeBase(root: string, base: string): Promise<string> {
  const found = await gitOutput(root, ['merge-base', base, 'HEAD']).catch(() => {
    throw new UsageError(
      `Cannot compare with \`${base}\`: git does not know it. Fetch it (\`git fetch origin ${base.replace(/^origin\//, '')}\`) or name another base.`,
    );
  });
  return found.trim();
}

/** Markdown/MDX files in the content folder that were at `revision` and are gone now (one git call for them all). */
export async function deletedFiles(root: string, contentPath: string, revision: string): Promise<string[]> {
  const content = toPosix(relative(root, contentPath)) || '.';
  const deleted = await gitOutput(root, ['diff', '--name-only', '--diff-filter=D', '--no-renames', revision, '--', content]);
  return deleted.split('\n').filter((file) => LINTED_EXTENSIONS.test(file)).sort();
}

/** The text of `path` at `revision`, or undefined when it did not exist there. */
export async function fileAtRevision(root: string, revision: string, path: string): Promise<string | undefined> {
  try {
    return await gitOutput(root, ['show', `${revision}:${path}`]);
  } catch {
    return undefined;
  }
}

export async function isRevision(root: string, name: string): Promise<boolean> {
  try {
    await gitOutput(root, ['rev-parse', '--verify', '--quiet', `${name}^{commit}`]);
    return true;
  } catch {
    return false;
  }
}

async function gitOutput(root: string, args: string[]): Promise<string> {
  const { stdout } = await git('git', args, { cwd: root, maxBuffer: 256 * 1024 * 1024, encoding: 'utf8' });
  return stdout;
}
