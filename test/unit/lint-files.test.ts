import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { findFiles } from '../../src/lint/files.ts';
import { write } from '../helpers/temp-project.ts';

const folder = (prefix: string) => mkdtempSync(join(tmpdir(), prefix));

describe('files the lint finds', () => {
  it('are every Markdown and MDX file in the content folder, by root-relative path, sorted', async () => {
    const root = folder('plainbook-root-');
    write(root, { 'content/b.mdx': 'B', 'content/sub/a.md': 'A', 'content/notes.txt': 'no', 'README.md': 'not content', 'node_modules/x/readme.md': 'no' });
    expect(await findFiles(root, join(root, 'content'), [])).toEqual(['content/b.mdx', 'content/sub/a.md']);
  });

  it('are named from the root when the content folder lives outside the project', async () => {
    const root = folder('plainbook-root-');
    write(root, { 'README.md': 'not content', 'node_modules/x/readme.md': 'no' });
    const content = folder('plainbook-content-');
    write(content, { 'policies/phone.mdx': 'P', 'index.md': 'I' });
    const outside = `../${basename(content)}`;
    expect(await findFiles(root, content, [])).toEqual([`${outside}/index.md`, `${outside}/policies/phone.mdx`]);
  });

  it('are the paths and globs given, relative to the folder the user typed them in', async () => {
    const root = folder('plainbook-root-');
    write(root, { 'content/a.md': 'A', 'content/b.mdx': 'B', 'content/sub/c.md': 'C' });
    expect(await findFiles(root, join(root, 'content'), ['a.md', 'sub/*.md'], join(root, 'content'))).toEqual(['content/a.md', 'content/sub/c.md']);
  });
});
