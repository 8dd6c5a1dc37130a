/**
 * The one `Buffer` use the lint makes (speller.ts hands nspell the dictionary's bytes): in the
 * browser, nspell takes the same files as text, which it reads with `toString('utf8')` either way.
 */
export const Buffer = {
  from(bytes: Uint8Array): string {
    return new TextDecoder().decode(bytes);
  },
};
