/** What a command sees of the world, so tests can run it in-process against a temp project. */
export interface CliIo {
  /** The handbook: the folder with plainbook.config.yml. */
  root: string;
  /** Where the user stands; paths they type are relative to it (default: root). */
  cwd?: string;
  env: Readonly<Record<string, string | undefined>>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
}
