import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { typeset } from "../../src/ingest/typography.ts";

const NBSP = "\u00A0",
  NNBSP = "\u202F";

describe("typography as each language writes it", () => {
  it("sets French guillemets with no-break spaces inside", () => {
    const out = typeset("une lettre de «cesser et de s'abstenir» du fournisseur", "fr");
    assert.match(out, /«[\u00A0\u202F]cesser et de s’abstenir[\u00A0\u202F]»/u);
  });

  it("puts a narrow no-break space before French question and exclamation marks", () => {
    assert.equal(typeset("Quoi? Non!", "fr"), `Quoi${NNBSP}? Non${NNBSP}!`);
  });

  it("puts a no-break space before a French colon", () => {
    assert.equal(typeset("Le pire: partir.", "fr"), `Le pire${NBSP}: partir.`);
  });

  it("uses „German“ quotation marks", () => {
    assert.equal(typeset('Er sagte "Hallo" zu uns.', "de"), "Er sagte „Hallo“ zu uns.");
  });

  it("uses «Spanish» angle quotes", () => {
    assert.equal(typeset('una carta de "cese y desistimiento" del proveedor', "es"), "una carta de «cese y desistimiento» del proveedor");
  });

  it("uses “curly” quotes in Indonesian, which Typograf has no rules for", () => {
    assert.equal(typeset('surat "berhenti dan berhenti" dari vendor', "id"), "surat “berhenti dan berhenti” dari vendor");
  });

  it("uses «guillemets» in Arabic", () => {
    assert.equal(typeset('قال "مرحبا" لهم', "ar"), "قال «مرحبا» لهم");
  });

  it("turns typewriter apostrophes into typographic ones", () => {
    assert.equal(typeset("l'histoire", "fr"), "l’histoire");
  });

  it("leaves markup characters in text exactly as written", () => {
    const out = typeset("a <b>bold</b> & <!-- note --> </script>", "en");
    assert.equal(out, "a <b>bold</b> & <!-- note --> </script>");
  });

  it("changes nothing else: dashes, numbers and spacing stay as the author wrote them", () => {
    const text = "Le pire qui devrait se produire - c'est de se séparer. 1984-2020  x 3";
    assert.equal(typeset(text, "en"), text.replace("'", "’"));
  });
});
