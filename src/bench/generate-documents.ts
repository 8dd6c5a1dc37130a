/**
 * Generated policy documents for the import benchmark: the same deterministic text (sections
 * with a heading, two paragraphs, a bulleted and a numbered list) as plain text, Markdown, HTML
 * and a Word document, grown to a given size of text.
 */
import { Document, HeadingLevel, Packer, Paragraph } from 'docx';
import { random, sentence } from './generate-handbook.ts';

interface Section {
  heading: string;
  paragraphs: string[];
  bullets: string[];
  steps: string[];
}

export type DocumentKind = 'txt' | 'md' | 'html' | 'docx';

/** Sections until their text reaches `bytes` (UTF-8, words and spaces only). */
function sections(bytes: number): Section[] {
  const next = random(bytes);
  const paragraph = () => Array.from({ length: 5 }, () => sentence(next)).join(' ');
  const result: Section[] = [];
  let size = 0;
  while (size < bytes) {
    const section = { heading: `Part ${result.length + 1} of the policy`, paragraphs: [paragraph(), paragraph()], bullets: [sentence(next), sentence(next), sentence(next)], steps: [sentence(next), sentence(next)] };
    size += [section.heading, ...section.paragraphs, ...section.bullets, ...section.steps].join(' ').length;
    result.push(section);
  }
  return result;
}

const TITLE = 'Refunds and returns';

export async function policyDocument(kind: DocumentKind, bytes: number): Promise<Buffer> {
  const parts = sections(bytes);
  if (kind === 'docx') return docx(parts);
  const text = { txt: plainText, md: markdown, html }[kind](parts);
  return Buffer.from(text);
}

function plainText(parts: Section[]): string {
  const blocks = [TITLE];
  for (const part of parts) blocks.push(part.heading, ...part.paragraphs, part.bullets.map((item) => `- ${item}`).join('\n'), part.steps.map((step, index) => `${index + 1}. ${step}`).join('\n'));
  return `${blocks.join('\n\n')}\n`;
}

function markdown(parts: Section[]): string {
  const blocks = [`# ${TITLE}`];
  for (const part of parts) blocks.push(`## ${part.heading}`, ...part.paragraphs, part.bullets.map((item) => `- ${item}`).join('\n'), part.steps.map((step, index) => `${index + 1}. ${step}`).join('\n'));
  return `${blocks.join('\n\n')}\n`;
}

function html(parts: Section[]): string {
  const body = parts.map((part) =>
    [`<h2>${part.heading}</h2>`, ...part.paragraphs.map((text) => `<p>${text}</p>`), `<ul>${part.bullets.map((item) => `<li>${item}</li>`).join('')}</ul>`, `<ol>${part.steps.map((step) => `<li>${step}</li>`).join('')}</ol>`].join('\n'),
  );
  return `<!doctype html>\n<html><head><meta charset="utf-8"><title>${TITLE}</title></head><body>\n<h1>${TITLE}</h1>\n${body.join('\n')}\n</body></html>\n`;
}

async function docx(parts: Section[]): Promise<Buffer> {
  const children = [new Paragraph({ text: TITLE, heading: HeadingLevel.TITLE })];
  for (const part of parts) {
    children.push(new Paragraph({ text: part.heading, heading: HeadingLevel.HEADING_1 }), ...part.paragraphs.map((text) => new Paragraph(text)));
    children.push(...part.bullets.map((text) => new Paragraph({ text, bullet: { level: 0 } })), ...part.steps.map((text) => new Paragraph({ text, bullet: { level: 1 } })));
  }
  return Packer.toBuffer(new Document({ sections: [{ children }] }));
}
