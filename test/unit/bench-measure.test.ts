import { describe, expect, it } from 'vitest';
import { readGnuTime, summarise } from '../../src/bench/measure.ts';

describe('bench measurements', () => {
  it("reads peak memory and CPU time from GNU time's last line", () => {
    // What `/usr/bin/time -f '%M %U %S'` leaves after a build's own stderr.
    expect(readGnuTime('[build] Complete!\n204800 6.71 1.19\n')).toEqual({ peakMb: 200, cpuSeconds: 6.71 + 1.19 });
  });

  it('leaves both out when the line is not GNU time (a build that printed last, or no GNU time)', () => {
    expect(readGnuTime('[build] Complete!\n')).toEqual({ peakMb: undefined, cpuSeconds: undefined });
    expect(readGnuTime('')).toEqual({ peakMb: undefined, cpuSeconds: undefined });
  });

  it('takes the median of each measure over the runs that have it', () => {
    const summary = summarise([
      { seconds: 5, cpuSeconds: 7, peakMb: 300 },
      { seconds: 9, cpuSeconds: 8 },
      { seconds: 6, cpuSeconds: 12, peakMb: 310 },
    ]);
    expect(summary).toEqual({ seconds: 6, cpuSeconds: 8, peakMb: 305 });
    expect(summarise([{ seconds: 1 }]).cpuSeconds).toBeUndefined();
  });
});
