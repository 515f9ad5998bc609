import { type Json, serializeJsonLd } from "@/lib/structured-data";

/**
 * A JSON-LD data block. Browsers never run application/ld+json; it still carries the page's
 * nonce so a stricter CSP (or a report-only one) has nothing to report about it.
 */
export function JsonLd({ data, nonce }: { data: Json; nonce?: string }) {
  return <script type="application/ld+json" nonce={nonce} dangerouslySetInnerHTML={{ __html: serializeJsonLd(data) }} />;
}
