import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, it } from "node:test";
import { hanScript, SCRIPT_PAIRS, withStandard } from "../../src/detect/written-standard.ts";
import { PROJECT_ROOT } from "../../src/settings.ts";

const real = (file: string) => readFileSync(join(PROJECT_ROOT, "tests/fixtures/real", file), "utf8");

describe("Simplified or Traditional Chinese", () => {
  it("pairs two different characters each time, and no character belongs to both scripts", () => {
    const simplified = new Set(SCRIPT_PAIRS.map(([s]) => s));
    const traditional = new Set(SCRIPT_PAIRS.map(([, t]) => t));
    for (const [s, t] of SCRIPT_PAIRS) assert.ok([...s].length === 1 && [...t].length === 1 && s !== t, `${s}/${t}`);
    assert.equal(simplified.size, SCRIPT_PAIRS.length);
    assert.equal(traditional.size, SCRIPT_PAIRS.length);
    assert.deepEqual(
      [...simplified].filter((c) => traditional.has(c)),
      [],
    );
  });

  it("reads apt's messages as Taiwan's translators wrote them as Traditional, and as China's as Simplified", () => {
    assert.equal(hanScript(real("apt-messages-zh-TW.txt")), "Hant");
    assert.equal(hanScript(real("apt-messages-zh-CN.txt")), "Hans");
  });

  it("does not say from a line of characters both scripts write", () => {
    assert.equal(hanScript("中文 日本 人口 山水 大小"), undefined);
  });
});

describe("Bokmål or Nynorsk", () => {
  it("writes apt's messages as Norway's Nynorsk translators wrote them nn, and the Bokmål ones no", () => {
    assert.equal(withStandard("no", real("apt-messages-nn.txt")), "nn");
    assert.equal(withStandard("no", real("apt-messages-nb.txt")), "no");
  });

  it("leaves every other language as the detectors named it", () => {
    assert.equal(withStandard("da", real("apt-messages-nn.txt")), "da");
    assert.equal(withStandard("ja", real("apt-messages-zh-TW.txt")), "ja");
  });
});

describe("Portugal's or Brazil's Portuguese", () => {
  it("writes apt's messages as Portugal's translators wrote them pt-PT, and Brazil's pt", () => {
    assert.equal(withStandard("pt", real("apt-messages-pt.txt")), "pt-PT");
    assert.equal(withStandard("pt", real("apt-messages-pt-BR.txt")), "pt");
  });

  it("writes manpath(1) as Portugal's translators wrote it pt-PT, and Brazil's pt", () => {
    assert.equal(withStandard("pt", real("man-manpath-pt.txt")), "pt-PT");
    assert.equal(withStandard("pt", real("man-manpath-pt-BR.txt")), "pt");
  });

  it("reads Portugal's by its grammar too: estar a fazer, num, económico", () => {
    assert.equal(withStandard("pt", "O sistema está a instalar os pacotes num disco novo."), "pt-PT");
    assert.equal(withStandard("pt", "O sistema está instalando os pacotes em um disco novo."), "pt");
    assert.equal(withStandard("pt", "Um modelo económico e autónomo."), "pt-PT");
  });

  it("reads a desktop's words as Portugal names them: Definições, rato, aplicações, protecção", () => {
    assert.equal(withStandard("pt", "Abra as Definições e escolha Rato e painel tátil. As aplicações têm a sua protecção."), "pt-PT");
    assert.equal(withStandard("pt", "Abra as Configurações e escolha Mouse e touchpad. Os aplicativos têm a sua proteção."), "pt");
  });

  it("leaves a text that says too little to tell as pt", () => {
    assert.equal(withStandard("pt", "Olá, bom dia. Obrigado pela visita."), "pt");
  });

  it("leaves another language written with those words as the detectors named it", () => {
    assert.equal(withStandard("gl", real("apt-messages-pt.txt")), "gl");
    assert.equal(withStandard("es", real("apt-messages-pt.txt")), "es");
  });
});

describe("Serbian in Latin letters, or Croatian", () => {
  it("writes GNOME's help page as Serbia's translators wrote it in Latin letters sr-Latn, though the detectors say Croatian", () => {
    assert.equal(withStandard("hr", real("slowkeys-sr-Latn.txt")), "sr-Latn");
  });

  it("leaves Croatia's translation of it hr, and the Serbian one in Cyrillic sr", () => {
    assert.equal(withStandard("hr", real("slowkeys-hr.txt")), "hr");
    assert.equal(withStandard("sr", real("slowkeys-sr.txt")), "sr");
  });

  it("writes a text the detectors call Serbian sr-Latn when its letters are Latin", () => {
    // No word here is Serbian's own: the detectors' answer and the letters decide.
    assert.equal(withStandard("sr", "Kliknite na jezik."), "sr-Latn");
  });

  it("leaves another language written with those words as the detectors named it", () => {
    assert.equal(withStandard("sl", real("slowkeys-sr-Latn.txt")), "sl");
  });
});
