/** Wall time per build stage, for the build's summary line and the benchmark. */

export const STAGES = ["read", "detect", "ingest", "group", "model", "render", "write", "index"] as const;
export type Stage = (typeof STAGES)[number];

export class StageTimes {
  readonly ms: Record<Stage, number> = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;

  time<T>(stage: Stage, work: () => T): T {
    const start = performance.now();
    try {
      return work();
    } finally {
      this.ms[stage] += performance.now() - start;
    }
  }

  async timeAsync<T>(stage: Stage, work: () => Promise<T>): Promise<T> {
    const start = performance.now();
    try {
      return await work();
    } finally {
      this.ms[stage] += performance.now() - start;
    }
  }
}
