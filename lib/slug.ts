import slugify from "@sindresorhus/slugify";

/** URL slug of a speaker, institution or topic name: transliterated, lowercase, dashes. */
export function nameSlug(name: string): string {
  return slugify(name, { lowercase: true }) || "x";
}
