/**
 * Social cards: one JPEG per article, its title in its own script, drawn with Skia
 * (@napi-rs/canvas) in the machine's Noto fonts. Cards are kept between builds by a hash of
 * everything drawn on them, so an unchanged article's card is linked, not drawn again.
 */
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { isMainThread } from "node:worker_threads";
import { dirname, join } from "node:path";
import { createCanvas, GlobalFonts, type Canvas } from "@napi-rs/canvas";
import { asKept, placeFile, placeWhole, RUNTIME, stampOf, succeeds, writeWhole } from "../files.ts";
import { CARD, cardFonts, layoutTitle } from "../render/social-card.ts";
import { sourceFile } from "../settings.ts";
import type { SiteFiles } from "./site-files.ts";
import { startWorker } from "../worker.ts";

export interface CardInput {
  /** The document, for warnings. */
  file: string;
  lang: string;
  dir: "ltr" | "rtl";
  title: string;
  siteName: string;
  /** The line under the title: the language's name, and the author's when known. */
  footer: string;
  /** Where the card goes, as a site path ("/es/slug/card.jpg"). */
  path: string;
}

export interface CardsWritten {
  drawn: number;
  reused: number;
  warnings: string[];
  /** Where they were drawn: on a worker thread, or on the build's own. */
  thread: "worker" | "main";
}

/** The light theme's colours (site.css): a card is seen on whatever the sharing site shows. */
const COLOURS = { paper: "#fcfbf8", text: "#1f1d1a", muted: "#5f5a52", accent: "#8a3b12", rule: "#e4e0d8" } as const;
const QUALITY = 86;
/** Encodings run on libuv's threads while the next card is drawn: enough in flight to keep a second core busy. */
const IN_FLIGHT = 4;

/** What a cached card depends on besides its texts: this drawing code, its layout, the canvas library and the runtime (Intl breaks its title). */
const DESIGN = (() => {
  const require = createRequire(import.meta.url);
  const canvasVersion = (JSON.parse(readFileSync(require.resolve("@napi-rs/canvas/package.json"), "utf8")) as { version: string }).version;
  const sources = ["src/write/social-cards.ts", "src/render/social-card.ts"].map((f) => readFileSync(sourceFile(f), "utf8"));
  return createHash("sha256")
    .update([RUNTIME, canvasVersion, ...sources].join("\0"))
    .digest("hex")
    .slice(0, 16);
})();

/** Below this many cards, drawing them here costs less than starting a worker thread. */
const MIN_IN_WORKER = 200;

/**
 * Draws or reuses every card the site `files` does not already have, and writes it there: on a
 * worker thread, so the main thread renders meanwhile (drawing is on the thread that calls it; a
 * card took about half a millisecond of choosing fonts and laying out, and 3 ms to draw when new),
 * or here for a few cards, or when the worker cannot start.
 * @param cacheDir where cards are kept between builds; cards this build did not use are removed from it
 */
export async function writeSocialCards(cards: readonly CardInput[], files: SiteFiles, cacheDir?: string): Promise<CardsWritten> {
  if (cards.length < MIN_IN_WORKER) return drawCards(cards, files, cacheDir);
  const previous = cards.flatMap((card): [string, string][] => {
    const token = files.previousToken(card.path.slice(1));
    return token === undefined ? [] : [[card.path.slice(1), token]];
  });
  const setup: CardJob = { cards, staging: files.staging, previous, ...(cacheDir ? { cacheDir } : {}) };
  let reply: CardReply;
  try {
    reply = await new Promise<CardReply>((resolve, reject) => {
      const worker = startWorker(new URL("./card-worker", import.meta.url), import.meta.url, setup);
      worker.once("message", (message: CardReply) => {
        resolve(message); // before the exit that terminating brings
        void worker.terminate();
      });
      worker.once("error", reject);
      worker.once("exit", () => reject(new Error("the card worker stopped")));
    });
  } catch {
    return drawCards(cards, files, cacheDir); // what the worker did not finish is done here
  }
  if ("failure" in reply) throw new Error(reply.failure);
  for (const [path, token] of reply.tokens) files.needs(path, token);
  return reply.written;
}

/** What the card worker is given: the cards, and what it needs to tell which the site lacks. */
export interface CardJob {
  cards: readonly CardInput[];
  staging: string;
  /** The last site's token for each card path it has, when it is updated in place. */
  previous: [string, string][];
  cacheDir?: string;
}

/** What it gives back: each card's path and token, for the build's record of the site, or why it failed. */
export type CardReply = { tokens: [string, string][]; written: CardsWritten } | { failure: string };

/** Draws or reuses every card the site `files` lacks, and writes it there (see writeSocialCards). */
export async function drawCards(cards: readonly CardInput[], files: SiteFiles, cacheDir?: string): Promise<CardsWritten> {
  if (cacheDir) mkdirSync(cacheDir, { recursive: true });
  const stamps = cacheDir ? readStamps(cacheDir) : new Map<string, string>();
  const lacking = new Map<string, string[]>(); // "Arabic (Noto Sans Arabic)" → files
  const used = new Set<string>();
  const pending = new Set<Promise<string>>();
  // One canvas per encoding in flight, each painted over in full for its next card: a new 3 MB
  // canvas per card kept the garbage collector busy.
  const free: Canvas[] = Array.from({ length: IN_FLIGHT }, () => createCanvas(CARD.width, CARD.height));
  // A card drawn in this build, by key: where it was written, once it is. A card with the same
  // key (a title repeated in a language) is that file again, not drawn again: the card cache's
  // stamp is only set once the first is encoded, which the loop checked before it waited for it.
  const drawing = new Map<string, Promise<string>>();
  const copies: Promise<void>[] = [];
  const installed = new Map<string, boolean>(); // GlobalFonts.has costs a millisecond a call
  const has = (family: string) => installed.get(family) ?? installed.set(family, GlobalFonts.has(family)).get(family);
  let drawn = 0;
  for (const card of cards) {
    const fonts = cardFonts(card.lang, [card.title, card.siteName, card.footer]);
    const present = fonts.map((f) => f.families.find(has));
    const missing = fonts.filter((_, i) => present[i] === undefined);
    for (const f of missing) {
      const font = f.families.length ? `${f.script} (${f.families.join(" or ")})` : f.script;
      lacking.set(font, [...(lacking.get(font) ?? []), card.file]);
    }
    const families = present.filter((f) => f !== undefined);
    const key = cardKey(card, families, missing.length > 0);
    const cached = cacheDir ? join(cacheDir, `${key}.jpg`) : undefined;
    used.add(`${key}.jpg`);
    if (!files.needs(card.path.slice(1), key)) continue; // the site has this very card
    const dest = files.at(card.path.slice(1));
    mkdirSync(dirname(dest), { recursive: true });
    const first = drawing.get(key);
    if (first) {
      copies.push(first.then((file) => placeFile(file, dest)));
      continue;
    }
    if (cached && asKept(cached, stamps.get(`${key}.jpg`)) && placed(cached, dest)) continue;
    if (free.length === 0) await Promise.race(pending);
    const canvas = free.pop() ?? createCanvas(CARD.width, CARD.height);
    draw(canvas, card, families, missing.length > 0);
    drawn++;
    const job = canvas.encode("jpeg", QUALITY).then((jpeg) => {
      free.push(canvas);
      writeFileSync(dest, jpeg);
      if (cached && keep(dest, cached)) stamps.set(`${key}.jpg`, stampOf(cached));
      return dest;
    });
    drawing.set(key, job);
    pending.add(job);
    const settled = () => pending.delete(job);
    job.then(settled, settled); // a failure is thrown by the race, or by the final wait on every card drawn
  }
  await Promise.all([...drawing.values(), ...copies]);
  if (cacheDir) {
    for (const name of readdirSync(cacheDir)) if (!used.has(name) && name !== STAMPS) rmSync(join(cacheDir, name), { force: true });
    saveStamps(cacheDir, new Map([...stamps].filter(([name]) => used.has(name))));
  }
  const warnings = [...lacking].map(
    ([font, files]) =>
      `social cards: no font for ${font} on this machine, so ${files.length} card(s) show the site's name without the title (${files.slice(0, 3).join(", ")}${files.length > 3 ? ", …" : ""}); install Debian's fonts-noto-core and fonts-noto-cjk`,
  );
  return { drawn, reused: cards.length - drawn, warnings, thread: isMainThread ? "main" : "worker" };
}

function cardKey(card: CardInput, families: readonly string[], titleLeftOut: boolean): string {
  const drawnFrom = [DESIGN, card.lang, card.dir, card.title, card.siteName, card.footer, families.join(","), titleLeftOut];
  return createHash("sha256").update(JSON.stringify(drawnFrom)).digest("hex").slice(0, 32);
}

/**
 * Into the cache, whole (a build stopped halfway leaves no half card there): linked to the card
 * just written into the site, not written a second time (a third of a millisecond a card less). A
 * cache that cannot take it costs the next build a card, never this one its site.
 */
function keep(written: string, cached: string): boolean {
  return succeeds(() => placeWhole(written, cached)); // if not, the next build draws it again
}

/** The cards' stamps as kept (see stampOf): a card edited in the site by hand is the cached file too, and is drawn again. */
const STAMPS = "stamps.json";

function readStamps(cacheDir: string): Map<string, string> {
  try {
    return new Map(Object.entries(JSON.parse(readFileSync(join(cacheDir, STAMPS), "utf8")) as Record<string, string>));
  } catch {
    return new Map(); // none yet: every card is drawn
  }
}

function saveStamps(cacheDir: string, stamps: ReadonlyMap<string, string>): void {
  try {
    writeWhole(join(cacheDir, STAMPS), JSON.stringify(Object.fromEntries(stamps)));
  } catch {
    // The next build draws the cards again.
  }
}

/** Whether the kept card is now at `dest`: another build sharing the cache may have just pruned it, and then it is drawn. */
function placed(cached: string, dest: string): boolean {
  return succeeds(() => placeFile(cached, dest));
}

function draw(canvas: Canvas, card: CardInput, families: readonly string[], titleLeftOut: boolean): void {
  const { width, height, margin } = CARD;
  const g = canvas.getContext("2d");
  const stack = families.map((f) => `"${f}"`).join(", ");
  const font = (weight: number, size: number) => `${weight} ${size}px ${stack}`;
  let current = "";
  // Setting a font parses it: set only when it changes (the layout measures mostly at one size).
  const use = (weight: number, size: number) => {
    const wanted = font(weight, size);
    if (wanted !== current) g.font = current = wanted;
  };
  g.fillStyle = COLOURS.paper;
  g.fillRect(0, 0, width, height);
  g.fillStyle = COLOURS.accent;
  g.fillRect(0, 0, width, 16);
  g.direction = card.dir;
  g.textAlign = card.dir === "rtl" ? "right" : "left";
  const x = card.dir === "rtl" ? width - margin : margin;

  use(600, 34);
  g.fillText(card.siteName, x, 112);
  g.fillStyle = COLOURS.rule;
  g.fillRect(margin, height - 132, width - 2 * margin, 2);
  if (titleLeftOut) return;

  // Scripts with tall stacks (Devanagari, Thai, Arabic, CJK) need taller lines; Latin looks loose in them.
  const leading = cardFonts(card.lang, [card.title])[0]?.script === "Latin" ? 1.18 : 1.4;
  const top = 140,
    bottom = height - 150;
  const layout = layoutTitle(card.title, card.lang, { width: width - 2 * margin, height: bottom - top, leading }, (text, size) => {
    use(700, size);
    return g.measureText(text).width;
  });
  const { lineHeight } = layout;
  // The block centred in its band; a line's baseline sits about 0.8 of the size below its top.
  const first = Math.round(top + (bottom - top - lineHeight * layout.lines.length) / 2 + (lineHeight - layout.size) / 2 + layout.size * 0.85);
  g.fillStyle = COLOURS.text;
  use(700, layout.size);
  layout.lines.forEach((line, i) => g.fillText(line, x, first + i * lineHeight));

  g.fillStyle = COLOURS.muted;
  use(400, 30);
  g.fillText(card.footer, x, height - 72);
}
