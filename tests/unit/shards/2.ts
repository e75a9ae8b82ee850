import { runShard } from "./run.ts";

await runShard(1, 2);
