/** Wall time per build stage, for the build's summary line and the benchmark. */

export const STAGES = ["read", "detect", "ingest", "group", "model", "render", "cards", "write", "index"] as const;
export type Stage = (typeof STAGES)[number];

/**
 * Stages may nest (detection runs inside ingestion, git dates are read while modelling): an
 * inner stage's time counts for it alone, never for the stage around it too. Stages run one at a
 * time; the async ones are awaited in turn.
 */
export class StageTimes {
  readonly ms: Record<Stage, number> = Object.fromEntries(STAGES.map((s) => [s, 0])) as Record<Stage, number>;
  private readonly open: { start: number; inner: number }[] = [];

  /** Starts timing `stage`; the function returned stops it. */
  begin(stage: Stage): () => void {
    const frame = { start: performance.now(), inner: 0 };
    this.open.push(frame);
    return () => {
      this.open.pop();
      const elapsed = performance.now() - frame.start;
      this.ms[stage] += elapsed - frame.inner;
      const outer = this.open[this.open.length - 1];
      if (outer) outer.inner += elapsed;
    };
  }

  time<T>(stage: Stage, work: () => T): T {
    const end = this.begin(stage);
    try {
      return work();
    } finally {
      end();
    }
  }

  async timeAsync<T>(stage: Stage, work: () => Promise<T>): Promise<T> {
    const end = this.begin(stage);
    try {
      return await work();
    } finally {
      end();
    }
  }
}
