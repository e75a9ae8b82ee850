import assert from "node:assert/strict";
import { mkdtempSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, it } from "node:test";
import { loadEld, type Eld } from "../../src/detect/eld-model.ts";
import { ELD_KNOWS } from "../../src/detect/language.ts";
import { packageDir } from "../../src/files.ts";

/** eld as its own entry module loads it. */
const shipped = (createRequire(import.meta.url)(join(packageDir("eld"), "src/entries/static.small.js")) as { eld: Eld }).eld;

const SAMPLES = [
  "El panadero abre su tienda antes del amanecer y los vecinos hacen cola para comprar pan.",
  "Der Bäcker öffnet seinen Laden vor Sonnenaufgang, und die Nachbarn stehen Schlange.",
  "Le boulanger ouvre sa boutique avant l'aube et les voisins font la queue.",
  "Tukang roti membuka tokonya sebelum matahari terbit dan para tetangga mengantre.",
  "Пекарь открывает свою лавку до рассвета, и соседи выстраиваются в очередь.",
  "Ο φούρναρης ανοίγει το μαγαζί του πριν την ανατολή του ηλίου.",
  "बेकर सूरज उगने से पहले अपनी दुकान खोलता है और पड़ोसी कतार में खड़े होते हैं।",
  "パン屋は夜明け前に店を開け、近所の人たちが列を作ります。",
  "제빵사는 해가 뜨기 전에 가게 문을 열고 이웃들은 줄을 섭니다.",
  "الخباز يفتح متجره قبل شروق الشمس ويصطف الجيران في طابور.",
  "El forner obre la botiga abans de l'alba i els veïns fan cua.",
  "Leipuri avaa leipomonsa ennen auringonnousua, ja naapurit jonottavat.",
  "ok",
  "",
];

const answers = (eld: Eld) =>
  SAMPLES.map((text) => {
    const r = eld.detect(text);
    return { language: r.language, reliable: r.isReliable(), scores: r.getScores() };
  });

describe("eld's model kept as JSON", () => {
  it("answers as eld's own entry does, loaded from the module the first time and from the JSON after", () => {
    const cache = mkdtempSync(join(tmpdir(), "eld-"));
    const expected = answers(shipped);
    assert.deepEqual(answers(loadEld(cache)), expected);
    assert.equal(readdirSync(cache).filter((f) => f.endsWith(".json")).length, 1);
    assert.deepEqual(answers(loadEld(cache)), expected);
  });

  it("parses the module again when the kept JSON is damaged, and keeps it whole again", () => {
    const cache = mkdtempSync(join(tmpdir(), "eld-"));
    loadEld(cache);
    const [kept = ""] = readdirSync(cache);
    writeFileSync(join(cache, kept), '{"type":');
    assert.deepEqual(answers(loadEld(cache)), answers(shipped));
    assert.doesNotThrow(() => JSON.parse(readFileSync(join(cache, kept), "utf8")) as unknown);
  });

  it("knows the languages eld's model names, no more and no fewer, so that franc speaks only for the others", () => {
    const model = createRequire(import.meta.url)(join(packageDir("eld"), "src/ngrams/small.js")) as { ngramsData: { languages: Record<string, string> } };
    assert.deepEqual([...ELD_KNOWS].sort(), Object.values(model.ngramsData.languages).sort());
  });
});
