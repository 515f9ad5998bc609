import type { Segment } from "@/lib/text/highlight";

/**
 * Highlighted text rendered as React text nodes: user content is never parsed as HTML. Plain runs
 * are bare text, not elements, and a match is a bare <mark> styled in app/globals.css: a search
 * page holds a few hundred of them, each in its HTML and again in its RSC payload.
 */
export function Highlighted({ segments }: { segments: readonly Segment[] }) {
  return <>{segments.map((s, i) => (s.hit ? <mark key={i}>{s.text}</mark> : s.text))}</>;
}
