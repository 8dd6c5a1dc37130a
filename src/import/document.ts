import type { Root } from 'hast';

/** A document as read from its file, before it becomes a policy. */
export interface SourceDocument {
  /** The body as HTML syntax: every format is read into this one shape. */
  tree: Root;
  /** A title kept outside the text (Word's File > Properties, HTML `<title>`, Markdown frontmatter). */
  metadataTitle: string | undefined;
  /** Folder that relative image addresses point into; undefined when the format embeds its images. */
  baseFolder: string | undefined;
  /** What the reader dropped, said for the editor ("2 comments"). */
  leftOut: string[];
}

