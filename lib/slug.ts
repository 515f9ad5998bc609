import slugify from "@sindresorhus/slugify";

const slugs = new Map<string, string>();

/** URL slug of a speaker, institution or topic name: transliterated, lowercase, dashes. */
export function nameSlug(name: string): string {
  let slug = slugs.get(name);
  if (slug === undefined) {
    slug = slugify(name, { lowercase: true }) || "x";
    // Every registry rebuild slugs every name and variant; transliteration is most of its cost.
    if (slugs.size > 100_000) slugs.clear();
    slugs.set(name, slug);
  }
  return slug;
}
