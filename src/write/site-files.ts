/**
 * The files of the site a build makes, each with a token that names its content (a digest of it,
 * or the cache key it was made under). When the last good build's site is on disk as that build
 * left it, a file whose token is the one it had is already in place: only the others are written
 * into the staging folder, and publishing moves them in and removes what the new site no longer
 * has (publish.ts). Otherwise every file is written and the staging folder replaces the site.
 */
import { join } from "node:path";
import { byCodePoint } from "../order.ts";

/** Each file of a published site, by its path in the site, and its token. */
export type SiteManifest = Record<string, string>;

export interface InPlaceCounts {
  written: number;
  removed: number;
  unchanged: number;
}

export class SiteFiles {
  /** This build's site, as it is being made. */
  private readonly made = new Map<string, string>();
  private readonly fresh = new Set<string>();

  /**
   * @param staging the folder the build writes into
   * @param previous the site on disk, when it is as the last good build published it
   */
  constructor(
    readonly staging: string,
    private readonly previous?: ReadonlyMap<string, string>,
  ) {}

  /** Whether the site is updated in place (only what changed is written) rather than replaced whole. */
  get inPlace(): boolean {
    return this.previous !== undefined;
  }

  /** Records the file at `path` (in the site) with `token`; true when it must be written into the staging folder. */
  needs(path: string, token: string): boolean {
    this.made.set(path, token);
    if (this.previous?.get(path) === token) return false;
    this.fresh.add(path);
    return true;
  }

  /** The token the last site had for the file at `path`, when the site is updated in place. */
  previousToken(path: string): string | undefined {
    return this.previous?.get(path);
  }

  /** Whether the last site has each of `paths` under the folder `dir` with `token`: a folder made whole (a search bundle) that is already in place. */
  has(dir: string, paths: readonly string[], token: string): boolean {
    return this.previous !== undefined && paths.every((path) => this.previous?.get(join(dir, path)) === token);
  }

  /** Records each of `paths` under the folder `dir`, with `token`, as `needs` does; the folder is written (or in place) whole. */
  record(dir: string, paths: readonly string[], token: string): void {
    for (const path of paths) this.needs(join(dir, path), token);
  }

  /** Where the file at `path` (in the site) is written in the staging folder. */
  at(path: string): string {
    return join(this.staging, path);
  }

  /** The files written into the staging folder. */
  written(): string[] {
    return [...this.fresh].sort(byCodePoint);
  }

  /** The last site's files the new one does not have. */
  removed(): string[] {
    return [...(this.previous?.keys() ?? [])].filter((path) => !this.made.has(path)).sort(byCodePoint);
  }

  counts(): InPlaceCounts {
    return { written: this.fresh.size, removed: this.removed().length, unchanged: this.made.size - this.fresh.size };
  }

  manifest(): SiteManifest {
    return Object.fromEntries([...this.made].sort(([a], [b]) => byCodePoint(a, b)));
  }
}
