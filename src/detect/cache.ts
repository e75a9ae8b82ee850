/**
 * Detections kept between builds, by a hash of the text detected: an unchanged document is not
 * detected again. The cache belongs to one detector: any change to the detection code or to
 * the detectors' versions empties it, so a cached answer is always the answer detection would give.
 */
import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { packageVersion, treeDigest, writeWhole } from "../files.ts";
import { byCodePoint } from "../order.ts";
import { PROJECT_ROOT } from "../settings.ts";
import { detectLanguage, type Detection } from "./language.ts";

/** What a detection is kept under: a hash of the text. */
export const textKey = (text: string) => createHash("sha256").update(text).digest("hex");

/**
 * The detector's identity: its own code (the whole of src/detect: the character table, the script
 * of Chinese and the codes are detection too), the runtime and the versions of the libraries it calls.
 */
function detectorVersion(): string {
  const libraries = ["tinyld", "eld", "franc"].map((name) => `${name}@${packageVersion(name)}`);
  return textKey([treeDigest(PROJECT_ROOT, ["src/detect"]), ...libraries].join("\0")).slice(0, 16);
}

type Stored = { version: string; detections: Record<string, Detection | null> };

export class DetectionCache {
  private readonly version = detectorVersion();
  private readonly known = new Map<string, Detection | null>();
  private readonly used = new Map<string, Detection | null>();
  hits = 0;
  misses = 0;

  /** @param file where the cache lives; a missing or stale file starts it empty */
  constructor(private readonly file: string) {
    try {
      const stored = JSON.parse(readFileSync(file, "utf8")) as Stored;
      if (stored.version === this.version) for (const [k, v] of Object.entries(stored.detections)) this.known.set(k, v);
    } catch {
      // No cache yet, or one that cannot be read: detect everything.
    }
  }

  detect(text: string): Detection | undefined {
    const key = textKey(text);
    let found = this.known.get(key);
    if (found === undefined) {
      this.misses++;
      found = detectLanguage(text) ?? null;
    } else this.hits++;
    this.used.set(key, found);
    return found ?? undefined;
  }

  /** Every detection known, by the hash of its text: for detecting elsewhere (a worker) as this cache would. */
  entries(): [string, Detection | null][] {
    return [...this.known];
  }

  /** A detection made elsewhere, by the hash of its text (`textKey`): known and kept as if made here. */
  learn(key: string, detection: Detection | null): void {
    this.known.set(key, detection);
    this.used.set(key, detection);
  }

  /** Keeps what this build used, so texts that left the folder leave the cache. */
  save(): void {
    const detections = Object.fromEntries([...this.used].sort(([a], [b]) => byCodePoint(a, b)));
    writeWhole(this.file, JSON.stringify({ version: this.version, detections } satisfies Stored));
  }
}
