/**
 * "Propose as a new policy" on the "Check your words" page: a pasted draft becomes a whole policy
 * file (frontmatter from the handbook's defaults, the text as inert Markdown) and the address of
 * GitHub's new-file page with the file's name and text filled in, so committing it on a new branch
 * opens a pull request without git. Pure and browser-safe: the page's web worker bundles it, so
 * nothing here may import `node:` modules, `yaml` or zod.
 */
import type { Root, RootContent } from 'mdast';
import { toString } from 'mdast-util-to-string';
import { ConfigError, UsageError } from '../errors/index.ts';
import { bodyToMdx, shiftHeadings } from '../markdown/inert-mdx.ts';
import { parseDocument } from '../markdown/syntax.ts';
import { POLICY_DIR, policySlug } from '../policies/policy-slug.ts';
import { GITHUB_OWNER_HELP, isGithubOwner, withAt } from '../schema/github-owner.ts';

export interface ProposalDefaults {
  /** The handbook's repository, e.g. `https://github.com/acme/handbook`. */
  repoUrl: string;
  branch: string;
  /** Repository-relative, e.g. `content`. */
  contentDir: string;
  owner: string;
  /** `YYYY-MM-DD`. */
  today: string;
}

export interface Proposal {
  /** Repository-relative, e.g. `content/policies/refund-rules.mdx`. */
  path: string;
  /** The whole file: frontmatter and body. */
  source: string;
  /** GitHub's new-file page with the file name and text filled in; absent when that address is too long. */
  url?: string;
  /** The new-file page with only the file name, for "Copy, then paste". */
  blankUrl: string;
  tooLong?: { length: number; limit: number };
}

/**
 * The longest address GitHub's new-file page is given, in characters (the address is ASCII once
 * encoded, so also bytes). GitHub's front end answers 414 URI Too Long past 8 KB of request line:
 * the server limit its docs mention without a number ("Using query parameters to create a pull
 * request"), measured as 8,191 bytes (github/docs#5136) and worked around as "an 8k github url
 * limit" (JetBrains/intellij-plugins#679). 8,000 leaves room for the rest of the request line
 * (`GET `, ` HTTP/1.1`) and any difference between github.com and a GitHub Enterprise host.
 */
export const MAX_URL_LENGTH = 8_000;

/**
 * The longest draft taken, in characters: about 15,000 words, several times the longest policy a
 * team reads; past it the draft is not one policy, and parsing it would keep the page busy.
 */
export const MAX_DRAFT_LENGTH = 100_000;

/** The longest title taken: a title is a line in the sidebar, and its file name is cut at 60. */
export const MAX_TITLE_LENGTH = 200;

const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

export function proposePolicy(title: string, draft: string, defaults: ProposalDefaults): Proposal {
  const cleanTitle = titleOf(title);
  const owner = ownerOf(defaults.owner);
  const slug = policySlug(cleanTitle);
  if (!slug) throw new UsageError(`Unexpected title \`${cleanTitle}\` for a new policy, expected a title with Latin letters or digits (the file name is made of them), such as \`Refund rules\`.`);
  if (!ISO_DAY.test(defaults.today)) throw new UsageError(`Unexpected date \`${defaults.today}\` for today, expected \`YYYY-MM-DD\`.`);
  const directory = `${contentDirOf(defaults.contentDir)}/${POLICY_DIR}`;
  const file = `${slug}.mdx`;
  const newFilePage = `${repositoryOf(defaults.repoUrl)}/new/${pathSegments(branchOf(defaults.branch))}/${pathSegments(directory)}?filename=${encodeURIComponent(file)}`;
  const body = bodyOf(draft, cleanTitle);
  // JSON strings are YAML 1.2 double-quoted scalars: the title and owner read back exactly, whatever
  // they hold (`: `, `#`, quotes, a leading `@` or `-`), without the yaml package in the browser.
  const source = `---\ntitle: ${JSON.stringify(cleanTitle)}\nowner: ${JSON.stringify(owner)}\nstatus: draft\neffective: ${defaults.today}\n---\n\n${body}`;
  const url = `${newFilePage}&value=${encodeURIComponent(source)}`;
  const proposal: Proposal = { path: `${directory}/${file}`, source, blankUrl: newFilePage };
  if (url.length <= MAX_URL_LENGTH) proposal.url = url;
  else proposal.tooLong = { length: url.length, limit: MAX_URL_LENGTH };
  return proposal;
}

/** One line of words: spaces folded, control characters and broken surrogates gone. */
function titleOf(title: string): string {
  const clean = wellFormed(title).replace(CONTROL_CHARACTERS, ' ').replace(/\s+/g, ' ').trim();
  if (clean === '') throw new UsageError('Unexpected empty title for a new policy, expected a few words that name it, such as `Refund rules`.');
  if (clean.length > MAX_TITLE_LENGTH) {
    throw new UsageError(`Unexpected title of ${clean.length.toLocaleString('en-US')} characters, expected at most ${MAX_TITLE_LENGTH}: a title names the policy in a few words.`);
  }
  return clean;
}

function ownerOf(owner: string): string {
  const withSign = withAt(owner);
  if (!isGithubOwner(withSign)) throw new ConfigError(`Unexpected owner \`${owner}\` for a new policy, expected ${GITHUB_OWNER_HELP}. Set \`defaultOwner\` in plainbook.config.yml.`);
  return withSign;
}

/**
 * The draft as Markdown that MDX reads as words only. It is parsed as plain Markdown (so `<b>`,
 * `{x}` and `import` are characters, not code); a frontmatter block it starts with is dropped
 * (the new one replaces it), and so does a first heading that repeats the title; raw HTML and
 * directives become their own text; headings start at `##` because the title is the page's `#`.
 */
function bodyOf(draft: string, title: string): string {
  const text = wellFormed(draft).replace(/\r\n?/g, '\n').replace(CONTROL_CHARACTERS, '');
  if (text.length > MAX_DRAFT_LENGTH) {
    throw new UsageError(`Unexpected draft of ${text.length.toLocaleString('en-US')} characters, expected at most ${MAX_DRAFT_LENGTH.toLocaleString('en-US')}: split it into one policy per page.`);
  }
  const tree = parseDocument(text, 'md');
  dropFrontmatter(tree);
  dropLeadingRules(tree);
  dropTitleHeading(tree, title);
  if (toString(tree).trim() === '') throw new UsageError('Unexpected empty draft, expected the text of the policy: paste or type it above.');
  asText(tree, text);
  shiftHeadings(tree);
  return bodyToMdx(tree);
}

/**
 * A pasted policy file's frontmatter goes. A draft that merely starts with a `---` line and prose
 * (no `key:` line) keeps its words, and the closing line as a rule, as plain Markdown would read them.
 */
function dropFrontmatter(tree: Root): void {
  const first = tree.children[0];
  if (first?.type !== 'yaml' && first?.type !== 'toml') return;
  const firstLine = first.value.split('\n').find((line) => line.trim() !== '') ?? '';
  if (first.type === 'toml' || /^[\w-]+\s*[:=]/.test(firstLine)) {
    tree.children.shift();
    return;
  }
  tree.children.splice(0, 1, ...parseDocument(first.value, 'md').children, { type: 'thematicBreak' });
}

/**
 * A rule at the top of a page says nothing, and written first it would open a block MDX reads as
 * frontmatter if another `---` line follows (the check in `bodyToMdx` reads the body on its own).
 */
function dropLeadingRules(tree: Root): void {
  while (tree.children[0]?.type === 'thematicBreak') tree.children.shift();
}

/** Containers whose children are blocks: what stands in them must be a block too. */
const FLOW_PARENTS = new Set(['root', 'blockquote', 'listItem', 'footnoteDefinition']);

/** Raw HTML and directives (`:::note`, `::name`, `:name`) become the characters they were written with. */
function asText(tree: Root, source: string): void {
  const walk = (parent: { type: string; children: RootContent[] }): void => {
    parent.children = parent.children.map((child): RootContent => {
      if (child.type === 'html' || child.type === 'containerDirective' || child.type === 'leafDirective' || child.type === 'textDirective') {
        const value = child.type === 'html' ? child.value : sourceOf(child, source);
        return FLOW_PARENTS.has(parent.type) ? { type: 'paragraph', children: [{ type: 'text', value }] } : { type: 'text', value };
      }
      if ('children' in child) walk(child as { type: string; children: RootContent[] });
      return child;
    });
  };
  walk(tree);
}

/** The characters a node was parsed from (the parser always records where). */
function sourceOf(node: RootContent, source: string): string {
  const start = node.position?.start.offset;
  const end = node.position?.end.offset;
  return start === undefined || end === undefined ? toString(node) : source.slice(start, end);
}

/** A draft that opens with its own title as a heading: the page shows the title already. */
function dropTitleHeading(tree: Root, title: string): void {
  const first = tree.children[0];
  if (first?.type === 'heading' && sameWords(toString(first), title)) tree.children.shift();
}

function sameWords(a: string, b: string): boolean {
  const words = (text: string) => text.replace(/\s+/g, ' ').trim().toLowerCase();
  return words(a) === words(b);
}

function repositoryOf(repoUrl: string): string {
  let parsed: URL | undefined;
  try {
    parsed = new URL(repoUrl);
  } catch {
    parsed = undefined;
  }
  const parts = parsed?.pathname.split('/').filter(Boolean) ?? [];
  if (!parsed || parsed.protocol !== 'https:' || parsed.search || parsed.hash || parts.length !== 2) {
    throw new ConfigError(`Unexpected repository address \`${repoUrl}\`, expected \`https://<host>/<owner>/<repository>\`, such as \`https://github.com/acme/handbook\`.`);
  }
  return `${parsed.origin}/${parts[0]}/${parts[1]!.replace(/\.git$/, '')}`;
}

function branchOf(branch: string): string {
  const trimmed = branch.trim();
  if (trimmed === '' || trimmed.split('/').some((part) => part === '' || part === '.' || part === '..')) {
    throw new ConfigError(`Unexpected branch \`${branch}\`, expected a branch name such as \`main\`.`);
  }
  return trimmed;
}

/** Repository-relative and inside it: never absolute, never `..`. */
function contentDirOf(contentDir: string): string {
  const parts = contentDir.replace(/\\/g, '/').split('/').filter((part) => part !== '' && part !== '.');
  if (contentDir.startsWith('/') || parts.length === 0 || parts.includes('..')) {
    throw new ConfigError(`Unexpected content directory \`${contentDir}\`, expected a folder inside the repository, such as \`content\`.`);
  }
  return parts.join('/');
}

/** Each segment encoded, the `/` between them kept: `release/2026` stays two path segments. */
function pathSegments(path: string): string {
  return path.split('/').map(encodeURIComponent).join('/');
}

/** C0 and C1 controls except tab and line feed: they hide text and YAML refuses some of them. */
const CONTROL_CHARACTERS = /[\u0000-\u0008\u000B-\u001F\u007F-\u009F]/g;

/** A lone surrogate becomes U+FFFD: `encodeURIComponent` throws on one. */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}
