/**
 * The check page's parser: the lint's `satteriParse` (src/markdown/satteri-parse.ts) with
 * micromark in place of Sätteri. Sätteri's browser build is a WebAssembly package npm never
 * installs (it is `cpu: wasm32`) and weighs 950 KB gzipped; micromark is the grammar the lint
 * used before Sätteri and still uses for the files Sätteri refuses, and both give the rules the
 * same tree: the parity test compares every fixture and policy with the CLI's findings.
 */
import type { Processor } from 'unified';
import { parseDocument, type Flavour } from '../markdown/syntax.ts';

export function satteriParse(this: Processor, flavour: Flavour): void {
  this.parser = (document: string) => parseDocument(document, flavour);
}
