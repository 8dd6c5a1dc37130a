/** Questions at a terminal, for the commands that ask when a value is missing (init, import). */
import { createInterface } from 'node:readline/promises';
import type { CliIo } from './io.ts';

export interface AskingIo extends CliIo {
  /** Whether to ask questions (a terminal on both ends); tests and CI never are. */
  interactive?: boolean;
  ask?: (question: string, fallback: string) => Promise<string>;
}

export function canAsk(io: AskingIo): boolean {
  return io.interactive ?? Boolean(process.stdin.isTTY && process.stdout.isTTY);
}

export async function ask(io: AskingIo, question: string, fallback: string): Promise<string> {
  return (io.ask ?? terminalQuestion)(question, fallback);
}

async function terminalQuestion(question: string, fallback: string): Promise<string> {
  const terminal = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return await terminal.question(fallback ? `${question} (${fallback}): ` : `${question}: `);
  } finally {
    terminal.close();
  }
}
