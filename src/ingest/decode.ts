/** Turns a file's bytes into normalized text, or says exactly why it cannot. */

export type Decoded = { ok: true; text: string; controls?: TakenOut } | { ok: false; reason: string };

/** Control characters taken out of a text: how many, and which (as U+XXXX), in order of first sight. */
export type TakenOut = { count: number; codes: string[] };

const UTF8_BOM = [0xef, 0xbb, 0xbf];

const SAVE_AS = "save it as UTF-8";

export function decodeText(bytes: Uint8Array): Decoded {
  let text: string;
  const bom16 = bytes[0] === 0xff && bytes[1] === 0xfe ? "le" : bytes[0] === 0xfe && bytes[1] === 0xff ? "be" : undefined;
  if (bom16) {
    const decoded = decodeUtf16(bytes.subarray(2), bom16);
    if (!decoded.ok) return decoded;
    text = decoded.text;
  } else {
    const unmarked = utf16WithoutMark(bytes);
    if (unmarked) return { ok: false, reason: `UTF-16 (${unmarked === "le" ? "little" : "big"}-endian) without a byte order mark: every other byte is NUL; ${SAVE_AS}` };
    try {
      const start = UTF8_BOM.every((b, i) => bytes[i] === b) ? 3 : 0;
      text = new TextDecoder("utf-8", { fatal: true }).decode(bytes.subarray(start));
    } catch {
      const offset = firstInvalidUtf8(bytes);
      return {
        ok: false,
        reason: `not valid UTF-8 (byte ${offset})${looksLikeWindows1252(bytes) ? `; probably Windows-1252 or Latin-1 (byte ${offset} would be "${new TextDecoder("windows-1252").decode(bytes.subarray(offset, offset + 1))}"): ${SAVE_AS}` : ""}`,
      };
    }
  }
  const nul = text.indexOf("\0");
  if (nul >= 0) return { ok: false, reason: `contains a NUL character at offset ${nul}: binary data, not text` };
  const cleaned = withoutControls(text.replace(/\r\n?/g, "\n"));
  text = cleaned.text.normalize("NFC");
  if (text.trim() === "") return { ok: false, reason: "empty: no text after trimming white space" };
  return { ok: true, text, ...(cleaned.controls.count ? { controls: cleaned.controls } : {}) };
}

/** C0 and C1 controls but tab and line feed, DEL, and the noncharacters: what XML forbids and a page would not show. */
const CONTROLS = "[\\x00-\\x08\\x0b-\\x1f\\x7f-\\x9f\\ufdd0-\\ufdef\\ufffe\\uffff]";
const A_CONTROL = new RegExp(CONTROLS, "u");
const EVERY_CONTROL = new RegExp(CONTROLS, "gu");
// eslint-disable-next-line no-control-regex -- a terminal's escape sequences (colours, cursor moves)
const TERMINAL_CODES = /\x1b\[[0-?]*[ -/]*[@-~]|\x1b[@-Z\\-_]/g;
// eslint-disable-next-line no-control-regex -- a character struck over by the next: nroff's bold and underline
const OVERSTRIKE = /[^\n]\x08/gu;

/**
 * A text without the control characters that no web page or feed can hold: a terminal's colour
 * codes and nroff's overstrikes ("N\bNA\bA" for a bold "NA") go whole, a form feed or a vertical
 * tab breaks the text where it stood, and any other is taken out, each counted for the report.
 */
function withoutControls(text: string): { text: string; controls: TakenOut } {
  if (!A_CONTROL.test(text)) return { text, controls: { count: 0, codes: [] } };
  const codes = new Set<string>();
  let count = 0;
  const takeOut = (found: string) => {
    for (const ch of found) {
      if (!A_CONTROL.test(ch)) continue;
      count++;
      codes.add(`U+${(ch.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, "0")}`);
    }
    return "";
  };
  const cleaned = text.replace(TERMINAL_CODES, takeOut).replace(OVERSTRIKE, takeOut).replace(/\f/g, "\n\n").replace(/\v/g, "\n").replace(EVERY_CONTROL, takeOut);
  return { text: cleaned, controls: { count, codes: [...codes] } };
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

const ENDIAN = { le: "little", be: "big" } as const;

/** UTF-16 after its byte order mark, or why not: an odd byte count (truncated) or a broken surrogate pair. */
function decodeUtf16(body: Uint8Array, endian: "le" | "be"): Decoded {
  const name = `UTF-16 (${ENDIAN[endian]}-endian, from its byte order mark)`;
  if (body.length % 2 === 1) return { ok: false, reason: `not valid ${name}: an odd number of bytes after the mark, so the file was cut short` };
  try {
    return { ok: true, text: new TextDecoder(`utf-16${endian}`, { fatal: true }).decode(body) };
  } catch {
    return { ok: false, reason: `not valid ${name}: a broken surrogate pair near byte ${brokenSurrogate(body, endian) + 2}` };
  }
}

function brokenSurrogate(body: Uint8Array, endian: "le" | "be"): number {
  const view = new DataView(body.buffer, body.byteOffset, body.byteLength);
  for (let i = 0; i + 1 < body.length; i += 2) {
    const unit = view.getUint16(i, endian === "le");
    if (unit >= 0xd800 && unit <= 0xdbff) {
      const next = i + 3 < body.length ? view.getUint16(i + 2, endian === "le") : 0;
      if (next >= 0xdc00 && next <= 0xdfff) i += 2;
      else return i;
    } else if (unit >= 0xdc00 && unit <= 0xdfff) return i;
  }
  return 0;
}

/**
 * UTF-16 saved without a byte order mark: text in the Latin, Greek or Cyrillic range puts a NUL in
 * every other byte. Said as such instead of "binary data" when most even or most odd bytes are NUL.
 */
function utf16WithoutMark(bytes: Uint8Array): "le" | "be" | undefined {
  const n = Math.min(bytes.length, 4096) & ~1;
  if (n < 4) return undefined;
  let evenNul = 0,
    oddNul = 0;
  for (let i = 0; i < n; i += 2) {
    if (bytes[i] === 0) evenNul++;
    if (bytes[i + 1] === 0) oddNul++;
  }
  const pairs = n / 2;
  if (oddNul >= pairs * 0.4 && evenNul <= pairs * 0.05) return "le";
  if (evenNul >= pairs * 0.4 && oddNul <= pairs * 0.05) return "be";
  return undefined;
}

/**
 * Bytes that are not UTF-8 but read as Windows-1252 text: no high byte forms a UTF-8 sequence (a
 * UTF-8 file with one damaged byte is not Windows-1252), and none is unassigned in Windows-1252.
 */
function looksLikeWindows1252(bytes: Uint8Array): boolean {
  if (bytes.some((b) => b === 0x81 || b === 0x8d || b === 0x8f || b === 0x90 || b === 0x9d)) return false;
  const lenient = new TextDecoder("utf-8").decode(bytes);
  // eslint-disable-next-line no-control-regex -- ASCII is 0x00–0x7f, controls included
  return /[^\x00-\x7f]/.test(lenient) && !/[^\x00-\x7f\ufffd]/.test(lenient);
}
