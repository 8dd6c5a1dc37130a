/**
 * One document in, one policy out (in memory): read it by its kind, make the body, name the file
 * after the title, save its images beside it, write the frontmatter and check it against the
 * policy schema. Nothing touches the disk here, so a failure anywhere writes nothing.
 */
import { readFile, stat } from 'node:fs/promises';
import { basename, extname } from 'node:path';
import { stringify as toYaml } from 'yaml';
import { ContentError, UsageError } from '../errors/index.ts';
import { bodyToMdx } from '../markdown/inert-mdx.ts';
import { POLICY_DIR, policySlug } from '../policies/policy-slug.ts';
import { validatePolicy } from '../policies/validate-policy.ts';
import type { SourceDocument } from './document.ts';
import { pointImagesAt, type SavedImage } from './images.ts';
import { checkLimit, IMPORT_LIMITS, ImportLimitError, type ImportLimits } from './limits.ts';
import { normaliseText, toPolicyBody } from './to-policy.ts';

/** What a reader is given besides the bytes; each reader checks the limits before its own work. */
export interface ReadRequest {
  absolutePath: string;
  shownPath: string;
  limits: ImportLimits;
}

type Reader = (bytes: Buffer, request: ReadRequest) => Promise<SourceDocument> | SourceDocument;

/** Each kind of file the import reads; the readers load only when a file of their kind comes. */
export const READERS: Record<string, () => Promise<Reader>> = {
  '.docx': async () => (await import('./docx.ts')).readDocx,
  '.html': async () => (await import('./html.ts')).readHtml,
  '.htm': async () => (await import('./html.ts')).readHtml,
  '.md': async () => {
    const { readMarkdown } = await import('./text.ts');
    return (bytes, request) => readMarkdown(request.absolutePath, bytes.toString('utf8'), request);
  },
  '.txt': async () => {
    const { readPlainText } = await import('./text.ts');
    return (bytes, request) => readPlainText(bytes.toString('utf8'), request);
  },
};

export const IMPORTABLE_EXTENSIONS = Object.keys(READERS);

export interface ImportRequest {
  /** Absolute path of the document. */
  absolutePath: string;
  /** The path as the user sees it, for messages. */
  shownPath: string;
  owner: string;
  /** YYYY-MM-DD for `effective`. */
  today: string;
  /** The content folder's name relative to the repository root, e.g. `content`. */
  contentDir: string;
  /** How big a document may be (default: `IMPORT_LIMITS`). */
  limits?: ImportLimits;
}

export interface ImportedPolicy {
  source: string;
  /** Repository-relative path of the policy file, e.g. `content/policies/refunds.mdx`. */
  policyPath: string;
  slug: string;
  title: string;
  text: string;
  images: SavedImage[];
  leftOut: string[];
}

export async function importDocument(request: ImportRequest): Promise<ImportedPolicy> {
  const { absolutePath, shownPath, limits = IMPORT_LIMITS } = request;
  const extension = extname(absolutePath).toLowerCase();
  const load = READERS[extension];
  if (!load) throw unknownExtension(shownPath, extension);
  const bytes = await readDocumentBytes(absolutePath, shownPath, limits);
  if (bytes.length === 0) throw new ContentError(`Cannot import ${shownPath}: the file is empty (0 bytes). Check that this is the right file.`, { file: shownPath });
  const reader = await load();
  return guardDepth(shownPath, limits, async () => convert(request, await reader(bytes, { absolutePath, shownPath, limits })));
}

async function convert(request: ImportRequest, read: SourceDocument): Promise<ImportedPolicy> {
  const { absolutePath, shownPath } = request;
  const body = await toPolicyBody(read, titleFromFileName(absolutePath), shownPath);
  const title = normaliseText(body.title);
  const slug = policySlug(title) ?? policySlug(titleFromFileName(absolutePath) ?? '') ?? 'imported-policy';
  pointImagesAt(body.tree, slug);
  const policyPath = `${request.contentDir}/${POLICY_DIR}/${slug}.mdx`;
  const text = `---\n${toYaml({ title, owner: request.owner, status: 'draft', effective: request.today }, { lineWidth: 0 })}---\n\n${bodyToMdx(body.tree)}`;
  validatePolicy({ file: policyPath, source: text });
  return { source: shownPath, policyPath, slug, title, text, images: body.images, leftOut: [...read.leftOut, ...body.leftOut] };
}

/**
 * The nesting scans count deep, never shallow, as far as they follow HTML; if a document still
 * nests deeper than the recursive tree walks can go, it is refused like one over the limit
 * rather than ending the import as a bug.
 */
async function guardDepth<T>(file: string, limits: ImportLimits, work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof RangeError && /call stack/i.test(error.message))) throw error;
    throw new ContentError(
      `Cannot import ${file}: it nests too deep to read (deeper than its tags show; Plainbook imports documents nested up to ${limits.depth.toLocaleString('en-US')} levels). Check that this is the right file: a policy nests lists a few levels at most.`,
      { file, cause: error },
    );
  }
}

export function unknownExtension(shownPath: string, extension: string): UsageError {
  return new UsageError(
    `Unexpected file type \`${extension || '(none)'}\` for ${shownPath}, expected one of ${IMPORTABLE_EXTENSIONS.map((item) => `\`${item}\``).join(', ')}. Save a Word or Google Docs document as .docx (Google Docs: File > Download > Microsoft Word), then import that.`,
  );
}

/** The file's bytes, once its size on disk is within the limit: a 2 GB file is never read. */
async function readDocumentBytes(absolutePath: string, shownPath: string, limits: ImportLimits): Promise<Buffer> {
  try {
    checkLimit(shownPath, limits, 'fileBytes', (await stat(absolutePath)).size);
    return await readFile(absolutePath);
  } catch (error) {
    if (error instanceof ImportLimitError) throw error;
    const code = (error as NodeJS.ErrnoException).code;
    throw new UsageError(`Cannot read ${shownPath}: ${code === 'ENOENT' ? 'the file does not exist' : code === 'EACCES' ? 'permission denied' : String(error)}. Check the path.`);
  }
}

/** `Refund and Returns (v3).docx` → `Refund and Returns (v3)`. */
function titleFromFileName(path: string): string | undefined {
  const name = basename(path, extname(path)).replace(/[-_]+/g, ' ').trim();
  return name || undefined;
}
