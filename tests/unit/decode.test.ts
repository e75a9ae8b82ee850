import assert from "node:assert/strict";
import { describe, it } from "node:test";
import { decodeText } from "../../src/ingest/decode.ts";
import { utf8 } from "./helpers.ts";

describe("decoding a document's bytes", () => {
  it("keeps valid UTF-8 text as it is", () => {
    assert.deepEqual(decodeText(utf8("Hola, ¿qué tal?")), { ok: true, text: "Hola, ¿qué tal?" });
  });

  it("drops a UTF-8 byte order mark", () => {
    assert.deepEqual(decodeText(new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("Texto")])), { ok: true, text: "Texto" });
  });

  it("reads UTF-16 little-endian text that starts with its byte order mark", () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from("Grüße", "utf16le")]);
    assert.deepEqual(decodeText(bytes), { ok: true, text: "Grüße" });
  });

  it("turns CRLF and lone CR line endings into LF", () => {
    assert.deepEqual(decodeText(utf8("one\r\ntwo\rthree")), { ok: true, text: "one\ntwo\nthree" });
  });

  it("rejects invalid UTF-8 and says at which byte", () => {
    const result = decodeText(new Uint8Array([...utf8("abc"), 0xff, 0x41]));
    assert.equal(result.ok, false);
    assert.match(!result.ok ? result.reason : "", /not valid UTF-8 \(byte 3\)/);
  });

  it("rejects text containing NUL characters as binary", () => {
    const result = decodeText(utf8("abc\0def"));
    assert.equal(result.ok, false);
    assert.match(!result.ok ? result.reason : "", /NUL character at offset 3/);
  });

  it("reads a manual page that nroff printed with overstrikes as its letters, bold and underline alike", () => {
    const decoded = decodeText(utf8("N\bNA\bAM\bME\bE\n       _\bf_\bi_\bl_\be"));
    assert.ok(decoded.ok);
    assert.equal(decoded.text, "NAME\n       file");
    assert.deepEqual(decoded.controls, { count: 8, codes: ["U+0008"] });
  });

  it("takes a terminal's colour codes out whole, and breaks the text at a form feed", () => {
    const decoded = decodeText(utf8("\x1b[1;31merror:\x1b[0m disk full\fnext page"));
    assert.ok(decoded.ok);
    assert.equal(decoded.text, "error: disk full\n\nnext page");
    assert.deepEqual(decoded.controls, { count: 2, codes: ["U+001B"] });
  });

  it("rejects a file that is empty or only white space", () => {
    for (const text of ["", "  \n\t \n"]) {
      const result = decodeText(utf8(text));
      assert.equal(result.ok, false);
      assert.match(!result.ok ? result.reason : "", /^empty/);
    }
  });

  const reasonOf = (bytes: Uint8Array) => {
    const result = decodeText(bytes);
    return result.ok ? `decoded: ${result.text}` : result.reason;
  };

  it("says a file is UTF-16 without a byte order mark, not binary data", () => {
    assert.match(reasonOf(new Uint8Array(Buffer.from("Grüße aus Köln, und bis bald.", "utf16le"))), /UTF-16 \(little-endian\) without a byte order mark.*save it as UTF-8/);
    assert.match(reasonOf(new Uint8Array(Buffer.from("Grüße aus Köln, und bis bald.", "utf16le").swap16())), /UTF-16 \(big-endian\) without a byte order mark/);
  });

  it("says UTF-16 with its byte order mark was cut short, not that it is bad UTF-8", () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from("Grüße", "utf16le"), 0x41]);
    assert.match(reasonOf(bytes), /not valid UTF-16 \(little-endian, from its byte order mark\): an odd number of bytes.*cut short/);
  });

  it("names a broken surrogate pair in UTF-16", () => {
    const bytes = new Uint8Array([0xff, 0xfe, ...Buffer.from("ab", "utf16le"), 0x3d, 0xd8, ...Buffer.from("c", "utf16le")]);
    assert.match(reasonOf(bytes), /broken surrogate pair near byte 6/);
  });

  it("says text that is not UTF-8 is probably Windows-1252, and what its first bad byte would be", () => {
    const latin1 = new Uint8Array([...utf8("Caf"), 0xe9, ...utf8(" au lait, s'il vous pla"), 0xee, ...utf8("t.")]);
    assert.match(reasonOf(latin1), /not valid UTF-8 \(byte 3\); probably Windows-1252 or Latin-1 \(byte 3 would be "é"\): save it as UTF-8/);
  });

  it("does not call a UTF-8 file with one damaged byte Windows-1252", () => {
    const damaged = new Uint8Array([...utf8("Grüße "), 0xff, ...utf8(" aus Köln")]);
    assert.doesNotMatch(reasonOf(damaged), /Windows-1252/);
  });
});
