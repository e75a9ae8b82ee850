/** The worker of `readFeatures` (memo.ts). */
import { serveSharedWork } from "../shared-work.ts";
import { COMPUTE } from "./memo.ts";

serveSharedWork(() => COMPUTE.features);
