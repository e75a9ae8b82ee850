import { runShard } from "./run.ts";

await runShard(0, 2);
