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
  let lo = 0, hi = bytes.length;
  while (hi - lo > 1) {
    const mid = (lo + hi) >> 1;
    try {
      // stream: a prefix may end inside a valid character; only a broken byte throws
      new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(0, mid), { stream: true });
      lo = mid;
    } catch {
      hi = mid;
    }
  }
  return lo;
}
