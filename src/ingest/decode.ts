/** Turns a file's bytes into normalized text, or says exactly why it cannot. */

export type Decoded = { ok: true; text: string } | { ok: false; reason: string };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

export function decodeText(bytes: Uint8Array): Decoded {
  let text: string;
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder("utf-16le", { fatal: true }).decode(bytes.subarray(2));
    else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder("utf-16be", { fatal: true }).decode(bytes.subarray(2));
    else {
      const start = UTF8_BOM.every((b, i) => bytes[i] === b) ? 3 : 0;
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(start));
    }
  } catch {
    return { ok: false, reason: `not valid UTF-8 (byte ${firstInvalidUtf8(bytes)})` };
  }
  const nul = text.indexOf("\0");
  if (nul >= 0) return { ok: false, reason: `contains a NUL character at offset ${nul}: binary data, not text` };
  text = text.replace(/\r\n?/g, "\n").normalize("NFC");
  if (text.trim() === "") return { ok: false, reason: "empty: no text after trimming white space" };
  return { ok: true, text };
}

/** Offset of the first byte that breaks UTF-8, so the message points at it. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  // A lenient decode turns each broken sequence into U+FFFD; the text before it is valid, so its
  // UTF-8 length is the offset. A U+FFFD that the file really contains (EF BF BD) is skipped.
  const lenient = new TextDecoder("utf-8").decode(bytes);
  const encoder = new TextEncoder();
  for (let i = lenient.indexOf("\uFFFD"); i >= 0; i = lenient.indexOf("\uFFFD", i + 1)) {
    const offset = encoder.encode(lenient.slice(0, i)).length;
    if (!(bytes[offset] === 0xef && bytes[offset + 1] === 0xbf && bytes[offset + 2] === 0xbd)) return offset;
  }
  return 0;
}
