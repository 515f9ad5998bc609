import type { PersonEntity } from "@/lib/entities/types";
import { speakerOf, statementAnchor } from "@/lib/search/statement-hit";
import { nameSlug } from "@/lib/slug";
import type { CommentaryDocument } from "@/lib/validations/document";
import { SITE_NAME, absoluteUrl } from "@/lib/site";

/**
 * schema.org JSON-LD for article pages (NewsArticle with its statements as Quotation) and speaker
 * pages (Person). Every text in it comes from imported documents, so it is serialised with
 * serializeJsonLd, never with a bare JSON.stringify.
 */

export type Json = string | number | boolean | null | Json[] | { [key: string]: Json | undefined };

/**
 * JSON for a `<script type="application/ld+json">`: `<`, `>` and `&` as \u escapes, so a text
 * holding `</script>` or `<!--` cannot end the element or open a comment, and U+2028/U+2029 escaped
 * for old JavaScript parsers. JSON.parse reads the same value back.
 */
export function serializeJsonLd(value: Json): string {
  return JSON.stringify(value)
    .replace(/</g, "\\u003c")
    .replace(/>/g, "\\u003e")
    .replace(/&/g, "\\u0026")
    .replace(/\u2028/g, "\\u2028")
    .replace(/\u2029/g, "\\u2029");
}

const CONTEXT = "https://schema.org";

/** A sample's JSON-LD says it is invented, as its page does. */
/**
 * The article's text in its JSON-LD is its opening, not all of it: the page sends at most
 * ARTICLE_PAGE_CHARS of a long article, and a 2-million-character document once made a 7 MB page
 * (its body twice over, in the JSON-LD and in React's payload of it). Likewise for quotations.
 */
export const JSON_LD_BODY_CHARS = 5_000;
export const JSON_LD_MAX_QUOTATIONS = 100;

function opening(text: string, max: number): string {
  if (text.length <= max) return text;
  const cut = text.lastIndexOf(" ", max);
  return `${text.slice(0, cut > max * 0.8 ? cut : max)} …`;
}

const SAMPLE_NOTE = "Образец: вымышленный текст, не реальная публикация";

/** The article page's graph: the NewsArticle and one Quotation per statement, each at its permalink. */
export function articleJsonLd(doc: CommentaryDocument, origin: string): Json {
  const page = absoluteUrl(origin, `/articles/${doc.slug}`);
  const person = (name: string): Json => {
    const s = doc.speakers.find((x) => x.name === name);
    return {
      "@type": "Person",
      name,
      url: absoluteUrl(origin, `/speakers/${nameSlug(name)}`),
      ...(s?.role ? { jobTitle: s.role } : {}),
      ...(s?.institution ? { affiliation: { "@type": "Organization", name: s.institution } } : {}),
    };
  };
  const article: Json = {
    "@type": "NewsArticle",
    "@id": `${page}#article`,
    headline: doc.title,
    url: page,
    mainEntityOfPage: page,
    inLanguage: "ru",
    isAccessibleForFree: true,
    ...(doc.date ? { datePublished: doc.date } : {}),
    ...(doc.author ? { author: { "@type": "Person", name: doc.author } } : {}),
    ...(doc.source ? { publisher: { "@type": "Organization", name: doc.source } } : {}),
    ...(doc.url ? { isBasedOn: doc.url } : {}),
    ...(doc.topics.length ? { keywords: doc.topics.join(", ") } : {}),
    ...(doc.speakers.length ? { mentions: doc.speakers.map((s) => person(s.name)) } : {}),
    ...(doc.sample ? { disambiguatingDescription: SAMPLE_NOTE } : {}),
    articleBody: opening(doc.paragraphs.join("\n\n"), JSON_LD_BODY_CHARS),
    sourceOrganization: { "@type": "Organization", name: SITE_NAME, url: absoluteUrl(origin, "/") },
  };
  const quotations: Json[] = doc.quotes.slice(0, JSON_LD_MAX_QUOTATIONS).map((q, i) => {
    const speaker = speakerOf(doc, q);
    const body = q.speakerKind === "body";
    const who: Json | undefined = q.speaker ? (body ? { "@type": "Organization", name: q.speaker } : person(speaker?.name ?? q.speaker)) : undefined;
    return {
      "@type": "Quotation",
      "@id": `${page}#${statementAnchor(i)}`,
      url: `${page}#${statementAnchor(i)}`,
      text: q.text,
      isPartOf: { "@id": `${page}#article` },
      ...(doc.date ? { dateCreated: doc.date } : {}),
      // spokenByCharacter is schema.org's property for who says a Quotation; creator for any reader that knows only that.
      ...(who ? { spokenByCharacter: who, creator: who } : {}),
    };
  });
  return { "@context": CONTEXT, "@graph": [article, ...quotations] };
}

/**
 * A speaker page: the Person, with the role and institution of their most recent dated document.
 * The registry's variants are left out: most are case forms («Салтыбаева»), not other names.
 */
export function personJsonLd(person: Pick<PersonEntity, "name" | "slug" | "role" | "institution" | "sampleOnly">, origin: string): Json {
  const url = absoluteUrl(origin, `/speakers/${person.slug}`);
  return {
    "@context": CONTEXT,
    "@type": "Person",
    "@id": url,
    name: person.name,
    url,
    ...(person.role ? { jobTitle: person.role } : {}),
    ...(person.institution ? { worksFor: { "@type": "Organization", name: person.institution } } : {}),
    ...(person.sampleOnly ? { disambiguatingDescription: "Образец: вымышленное лицо из образцов архива" } : {}),
  };
}
