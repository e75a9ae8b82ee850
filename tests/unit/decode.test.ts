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

  it("rejects a file that is empty or only white space", () => {
    for (const text of ["", "  \n\t \n"]) {
      const result = decodeText(utf8(text));
      assert.equal(result.ok, false);
      assert.match(!result.ok ? result.reason : "", /^empty/);
    }
  });
});
