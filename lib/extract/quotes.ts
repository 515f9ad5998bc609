import type { Quote, Speaker } from "@/lib/validations/document";

/** Reporting verbs, masculine and feminine, that introduce an attribution after a quote. */
const REPORTING_VERBS = new Set(
  [
    "отметил", "подчеркнул", "заявил", "заключил", "сказал", "считает", "уверен", "добавил", "пояснил", "указал",
    "констатировал", "напомнил", "резюмировал", "признал", "полагает", "говорит", "сообщил", "уточнил", "предупредил",
    "убежден", "убеждён", "отмечает", "подчеркивает", "подчёркивает", "заметил", "высказался", "рассказал", "написал",
  ].flatMap((v) => (/(ет|ит|ает)$/.test(v) ? [v] : v.endsWith("н") ? [v, `${v}а`] : [v, `${v}а`])),
);

const ROLE_WORDS = /^(директор|заместитель|замдиректора|руководитель|глава|председатель|эксперт|аналитик|политолог|профессор|доцент|посол|министр|советник|научный|ведущий|главный|старший|исполнительный|генеральный|президент|вице-президент|сотрудник|исследователь|экономист|дипломат|заведующий|декан|ректор|координатор|основатель|член|спикер|депутат|представитель)/i;

interface QuoteSpan {
  text: string;
  /** Text after the closing guillemet, within the paragraph. */
  tail: string;
}

/** Top-level «…» spans of a paragraph; nested guillemets stay inside their quote. */
function guillemetQuotes(paragraph: string): QuoteSpan[] {
  const out: QuoteSpan[] = [];
  let depth = 0;
  let start = -1;
  for (let i = 0; i < paragraph.length; i++) {
    const c = paragraph[i];
    if (c === "«") {
      if (depth === 0) start = i + 1;
      depth++;
    } else if (c === "»" && depth > 0) {
      depth--;
      if (depth === 0) {
        const rest = paragraph.slice(i + 1);
        const nextQuote = rest.indexOf("«");
        out.push({ text: paragraph.slice(start, i), tail: nextQuote === -1 ? rest : rest.slice(0, nextQuote) });
      }
    }
  }
  return out;
}

const NAME = "[А-ЯЁ][а-яё]+(?:-[А-ЯЁ][а-яё]+)?";

interface Attribution {
  /** "Имя Фамилия" when the tail ends with a full name. */
  fullName?: string;
  surname?: string;
  role?: string;
  institution?: string;
}

function parseTail(tail: string): Attribution | null {
  const m = /^\s*[,.!?…]?\s*[–—-]\s*([а-яё]+)\s+(.*?)[.!…]?\s*$/u.exec(tail);
  if (!m || !REPORTING_VERBS.has(m[1]!.toLowerCase())) return null;
  let rest = m[2]!.replace(/^(в|во)\s+(своем|своём|своей|ходе)\s+\S+\s*/u, "").trim();
  const attribution: Attribution = {};
  const full = new RegExp(`(?:^|\\s)(${NAME})\\s+(${NAME})$`, "u").exec(rest);
  if (full) {
    attribution.fullName = `${full[1]} ${full[2]}`;
    rest = rest.slice(0, full.index).trim();
  } else {
    const single = new RegExp(`(?:^|\\s)(${NAME})$`, "u").exec(rest);
    if (single && !/^[А-ЯЁ]{2,}$/.test(single[1]!)) {
      attribution.surname = single[1];
      rest = rest.slice(0, single.index).trim();
    }
  }
  const words = rest.split(/\s+/).filter(Boolean);
  const roleWords: string[] = [];
  while (words.length > 0 && ROLE_WORDS.test(words[0]!) && /^[а-яё-]+$/.test(words[0]!)) roleWords.push(words.shift()!);
  if (roleWords.length > 0) attribution.role = roleWords.join(" ");
  if (words.length > 0) attribution.institution = words.join(" ");
  return attribution;
}

/** Surname stems compared without case endings: Салтыбаев, Салтыбаева, Салтыбаеву. */
function surnameKey(name: string): string {
  const surname = name.trim().split(/\s+/).pop() ?? "";
  return surname.toLowerCase().replace(/ё/g, "е").replace(/(а|у|ым|ом|е|ой|ую|ы)$/u, "");
}

/** Genitive institution head words back to the nominative: Института → Институт, Академии → Академия. */
function institutionNominative(phrase: string): string {
  const cut = phrase.replace(/\s*\(([А-ЯЁA-Z]{2,})\)\s*/u, " ($1) ").trim();
  const [head, ...rest] = cut.split(/\s+/);
  if (!head) return phrase;
  let nom = head;
  if (/ии$/u.test(head)) nom = head.replace(/ии$/u, "ия");
  else if (/ства$/u.test(head)) nom = head.replace(/а$/u, "о");
  else if (/(та|ра|да|ла|на|ба|ва|ма|ка)$/u.test(head)) nom = head.slice(0, -1);
  else if (/ы$/u.test(head)) nom = head.replace(/ы$/u, "а");
  return [nom, ...rest].join(" ");
}

export interface QuoteExtraction {
  quotes: Quote[];
  speakers: Speaker[];
  institutions: string[];
}

/**
 * First rule-based pass: «…», – отметил [роль] Имя Фамилия. Later mentions by surname or by
 * role alone refer back to the person already introduced; a quote nobody is named for stays
 * unattributed rather than guessed.
 */
export function extractQuotes(paragraphs: readonly string[], known: readonly Speaker[]): QuoteExtraction {
  const speakers: Speaker[] = known.map((s) => ({ ...s }));
  const institutions = new Set<string>();
  const quotes: Quote[] = [];

  const findBySurname = (name: string) => speakers.find((s) => surnameKey(s.name) === surnameKey(name));
  const findByRole = (role: string) => {
    const matches = speakers.filter((s) => s.role && role.toLowerCase().startsWith(s.role.toLowerCase()));
    return matches.length === 1 ? matches[0] : undefined;
  };

  paragraphs.forEach((paragraph, index) => {
    for (const span of guillemetQuotes(paragraph)) {
      const a = parseTail(span.tail);
      let speaker: Speaker | undefined;
      if (a?.fullName) {
        speaker = findBySurname(a.fullName);
        if (!speaker && known.length === 0) {
          const institution = a.institution ? institutionNominative(a.institution.replace(/\s+при\s+.*$/u, "")) : undefined;
          speaker = { name: a.fullName, ...(a.role ? { role: a.role } : {}), ...(institution ? { institution: stripAbbreviation(institution) } : {}) };
          speakers.push(speaker);
        }
      } else if (a?.surname) {
        speaker = findBySurname(a.surname);
      } else if (a?.role) {
        speaker = findByRole(a.role);
      }
      if (a?.institution && speaker?.institution) institutions.add(speaker.institution);
      // Short guillemet spans inside running text are names of things («Астана клуб»), not quotes.
      if (!a && span.text.split(/\s+/).length < 5) continue;
      quotes.push({ text: span.text.trim(), paragraph: index, ...(speaker ? { speaker: speaker.name } : {}) });
    }
  });
  for (const s of speakers) if (s.institution) institutions.add(s.institution);
  const quoted = new Set(quotes.map((q) => q.speaker));
  return { quotes, speakers: known.length > 0 ? speakers : speakers.filter((s) => quoted.has(s.name)), institutions: [...institutions] };
}

function stripAbbreviation(institution: string): string {
  return institution.replace(/\s*\([А-ЯЁA-Z]{2,}\)\s*/u, " ").replace(/\s+/g, " ").trim();
}
