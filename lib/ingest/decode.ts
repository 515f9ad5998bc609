import chardet from "chardet";
import iconv from "iconv-lite";
import { IngestError } from "./errors";

/** A text file's bytes as text, with the encoding it was read in. */
export interface DecodedText {
  text: string;
  /** "UTF-8", "UTF-16LE", "windows-1251", "KOI8-R", … */
  encoding: string;
  /** True when the bytes were not UTF-8 and were converted. */
  converted: boolean;
}

/** Single-byte encodings a Russian archive holds besides UTF-8; chardet's other guesses are not trusted. */
const CYRILLIC_SINGLE_BYTE = new Set(["windows-1251", "KOI8-R", "ISO-8859-5", "IBM866"]);

/** C0 controls other than tab, line feed, form feed and carriage return, and DEL. */
const CONTROL = /[\u0000-\u0008\u000B\u000E-\u001F\u007F]/;

function lineOfOffset(text: string, index: number): number {
  let line = 1;
  for (let i = 0; i < index && i < text.length; i++) if (text.charCodeAt(i) === 10) line++;
  return line;
}

/** Share of UTF-16 code units that look like text (letters, digits, punctuation, spaces). */
function textLikeShare(text: string): number {
  const n = Math.min(text.length, 4096);
  if (n === 0) return 0;
  let ok = 0;
  for (let i = 0; i < n; i++) {
    const c = text.charCodeAt(i);
    if (c === 9 || c === 10 || c === 13 || (c >= 0x20 && c < 0x7f) || (c >= 0xa0 && c < 0x0530) || (c >= 0x2000 && c < 0x2070) || c === 0x2116) ok++;
  }
  return ok / n;
}

/**
 * UTF-16 without a byte-order mark: Cyrillic in UTF-16LE is bytes like 1F 04, which are valid
 * UTF-8 control characters, so it has to be recognised by what it decodes to.
 */
function guessUtf16(bytes: Buffer): "utf-16le" | "utf-16be" | undefined {
  if (bytes.length < 4) return undefined;
  const sample = bytes.subarray(0, Math.min(bytes.length, 8192) & ~1);
  const le = textLikeShare(iconv.decode(sample, "utf-16le"));
  const be = textLikeShare(iconv.decode(sample, "utf-16be"));
  if (Math.max(le, be) < 0.95) return undefined;
  return le >= be ? "utf-16le" : "utf-16be";
}

/** Where the first byte that is not UTF-8 sits, for the error message. */
function firstBadUtf8(bytes: Buffer): { offset: number; line: number } {
  const loose = new TextDecoder("utf-8").decode(bytes);
  const i = loose.indexOf("\uFFFD");
  const before = loose.slice(0, Math.max(i, 0));
  return { offset: Buffer.byteLength(before, "utf8"), line: lineOfOffset(before, before.length) };
}

/**
 * Decode a text file: UTF-8 (with or without BOM), UTF-16 LE/BE (with or without BOM), the
 * encoding an XML or HTML file declares, or a Cyrillic single-byte encoding (Windows-1251,
 * KOI8-R, …) recognised by chardet and decoded by iconv-lite. Line ends become \n. Text with control characters (NUL and the like), or bytes no
 * supported encoding reads, is refused with the line and byte offset of the first bad one.
 */
/**
 * The encoding a file declares in its first bytes: `<?xml … encoding="…"?>` or an HTML
 * `<meta charset>` / `http-equiv` content type. Used when the bytes are not UTF-8.
 */
export function declaredEncoding(bytes: Buffer): string | undefined {
  const head = bytes.subarray(0, 2048).toString("latin1");
  const m = /^\s*<\?xml[^>]*\bencoding\s*=\s*["']([\w.:-]+)["']/i.exec(head) ?? /<meta[^>]*\bcharset\s*=\s*["']?([\w.:-]+)/i.exec(head);
  const name = m?.[1];
  return name && !/^utf-?8$/i.test(name) && iconv.encodingExists(name) ? name : undefined;
}

export function decodeText(file: string, bytes: Buffer): DecodedText {
  let text: string | undefined;
  let encoding = "UTF-8";
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    bytes = bytes.subarray(3);
  } else if (bytes[0] === 0xff && bytes[1] === 0xfe) {
    text = iconv.decode(bytes.subarray(2), "utf-16le");
    encoding = "UTF-16LE";
  } else if (bytes[0] === 0xfe && bytes[1] === 0xff) {
    text = iconv.decode(bytes.subarray(2), "utf-16be");
    encoding = "UTF-16BE";
  }
  if (text === undefined) {
    let utf8: string | undefined;
    try {
      utf8 = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    } catch {
      utf8 = undefined;
    }
    if (utf8 !== undefined && !CONTROL.test(utf8)) {
      text = utf8;
    } else {
      const utf16 = bytes.length % 2 === 0 ? guessUtf16(bytes) : undefined;
      if (utf16) {
        text = iconv.decode(bytes, utf16);
        encoding = utf16.toUpperCase();
      } else if (utf8 !== undefined) {
        text = utf8; // valid UTF-8 with control characters: refused below, with where
      } else if (declaredEncoding(bytes)) {
        encoding = declaredEncoding(bytes)!;
        text = iconv.decode(bytes, encoding);
      } else {
        const guess = chardet.analyse(bytes).find((m) => CYRILLIC_SINGLE_BYTE.has(m.name) && m.confidence >= 10);
        if (!guess) {
          const at = firstBadUtf8(bytes);
          throw new IngestError(
            file,
            `not valid UTF-8 text (byte ${at.offset}, line ${at.line}) and not recognisably Windows-1251, KOI8-R or UTF-16; save it as UTF-8`,
            at.line,
          );
        }
        text = iconv.decode(bytes, guess.name);
        encoding = guess.name;
      }
    }
  }
  // A DOS end-of-file mark is not content.
  text = text.replace(/\u001A+$/, "");
  const bad = CONTROL.exec(text);
  if (bad) {
    const line = lineOfOffset(text, bad.index);
    const code = bad[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0");
    const byte = encoding === "UTF-8" ? `, byte ${Buffer.byteLength(text.slice(0, bad.index), "utf8")}` : "";
    throw new IngestError(file, `control character U+${code} in the text (line ${line}${byte}); this does not look like a text file`, line);
  }
  return { text: text.replace(/\r\n?/g, "\n"), encoding, converted: encoding !== "UTF-8" };
}
