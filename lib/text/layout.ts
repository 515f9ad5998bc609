/**
 * Keyboard layouts: Russian ЙЦУКЕН typed on a Latin QWERTY layout («Rfpf[cnfy» for «Казахстан») and back.
 * Every key of the letter rows maps one to one, shifted keys included, so a whole query converts
 * character by character; anything else (digits, spaces, -, *) stays as typed.
 */
const LATIN = "`qwertyuiop[]asdfghjkl;'zxcvbnm,.~QWERTYUIOP{}ASDFGHJKL:\"ZXCVBNM<>";
const CYRILLIC = "ёйцукенгшщзхъфывапролджэячсмитьбюЁЙЦУКЕНГШЩЗХЪФЫВАПРОЛДЖЭЯЧСМИТЬБЮ";

const TO_CYRILLIC = new Map<string, string>();
const TO_LATIN = new Map<string, string>();
for (let i = 0; i < LATIN.length; i++) {
  TO_CYRILLIC.set(LATIN[i]!, CYRILLIC[i]!);
  TO_LATIN.set(CYRILLIC[i]!, LATIN[i]!);
}

/** Text typed on the Latin layout while meaning Russian, as the Russian layout would have typed it. */
export function latinLayoutToCyrillic(text: string): string {
  let out = "";
  for (const ch of text) out += TO_CYRILLIC.get(ch) ?? ch;
  return out;
}

/** Russian text as the same keys type it on the Latin layout (what the wrong-layout eval slice queries with). */
export function cyrillicToLatinLayout(text: string): string {
  let out = "";
  for (const ch of text) out += TO_LATIN.get(ch) ?? ch;
  return out;
}

/**
 * True when a query could be Russian typed on the Latin layout: it has Latin letters and no
 * Cyrillic, and every character is a key of the layout or a separator.
 */
export function looksLikeWrongLayout(text: string): boolean {
  if (!/[a-z]/i.test(text) || /[\u0400-\u04ff]/.test(text)) return false;
  for (const ch of text) if (!TO_CYRILLIC.has(ch) && !/[\s\d*\-]/.test(ch)) return false;
  return true;
}
