/** Running a command several times and reading its wall time, CPU time and peak memory. */
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';

export interface Sample {
  seconds: number;
  /** Peak resident memory of the process tree's largest process, in MB (GNU time), if known. */
  peakMb?: number | undefined;
  /**
   * CPU seconds, user + system, of the process and the children it waited for (GNU time), if
   * known. On a shared 2-core machine this is what a second thread costs: it adds up, while wall
   * time hides it until the cores are full.
   */
  cpuSeconds?: number | undefined;
  /** What the command printed (stdout, then stderr), when asked for: a step's own timing line. */
  output?: string;
}

const GNU_TIME = '/usr/bin/time';

/** Run a command once; with GNU time on the machine, also read its CPU time and peak memory. */
export function measure(command: string, args: string[], options: { cwd: string; env?: NodeJS.ProcessEnv; okCodes?: number[]; keepOutput?: boolean }): Sample {
  const useTime = existsSync(GNU_TIME);
  const start = performance.now();
  const result = spawnSync(useTime ? GNU_TIME : command, useTime ? ['-f', '%M %U %S', command, ...args] : args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    encoding: 'utf8',
    maxBuffer: 1 << 30,
  });
  const seconds = (performance.now() - start) / 1000;
  if (!(options.okCodes ?? [0]).includes(result.status ?? -1)) throw new Error(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stderr.slice(-3000)}`);
  return { seconds, ...(useTime ? readGnuTime(result.stderr) : {}), ...(options.keepOutput ? { output: `${result.stdout}${result.stderr}` } : {}) };
}

/** GNU time's `%M %U %S` line, the last of stderr: peak KB, user and system seconds. */
export function readGnuTime(stderr: string): Pick<Sample, 'peakMb' | 'cpuSeconds'> {
  const line = /^(\d+) (\d+(?:\.\d+)?) (\d+(?:\.\d+)?)$/.exec(stderr.trim().split('\n').at(-1) ?? '');
  if (!line) return { peakMb: undefined, cpuSeconds: undefined };
  return { peakMb: Math.round(Number(line[1]) / 1024), cpuSeconds: Number(line[2]) + Number(line[3]) };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? (sorted[middle] ?? Number.NaN) : ((sorted[middle - 1] ?? 0) + (sorted[middle] ?? 0)) / 2;
}

export function summarise(samples: readonly Sample[]): Sample {
  const known = (values: (number | undefined)[]) => values.filter((value): value is number => value !== undefined);
  const peaks = known(samples.map((sample) => sample.peakMb));
  const cpu = known(samples.map((sample) => sample.cpuSeconds));
  return {
    seconds: median(samples.map((sample) => sample.seconds)),
    peakMb: peaks.length ? median(peaks) : undefined,
    cpuSeconds: cpu.length ? median(cpu) : undefined,
  };
}

/** Total size of the HTML files under a folder, and how many there are. */
export function htmlSize(dir: string): { bytes: number; files: number } {
  let bytes = 0;
  let files = 0;
  const walk = (folder: string) => {
    for (const name of readdirSync(folder)) {
      const path = join(folder, name);
      const stats = statSync(path);
      if (stats.isDirectory()) walk(path);
      else if (name.endsWith('.html')) {
        bytes += stats.size;
        files++;
      }
    }
  };
  walk(dir);
  return { bytes, files };
}
