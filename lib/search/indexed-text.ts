import type { CommentaryDocument } from "@/lib/validations/document";

/**
 * Bump when what the engines index for a document changes (2: its topics), so an index built
 * before is rebuilt by the next import or reindex instead of silently missing the new words.
 */
export const INDEXED_TEXT_VERSION = "2";

/**
 * The body both engines index for a document: its paragraphs and, on a line of their own, its
 * topics, so `q=санкции` finds a piece tagged «Санкции» whose text only says «санкционный».
 * Snippets and highlighting read the paragraphs, never this text.
 */
export function indexedBody(doc: Pick<CommentaryDocument, "paragraphs" | "topics">): string {
  const topics = doc.topics.filter((t) => t.trim() !== "");
  return topics.length === 0 ? doc.paragraphs.join("\n") : `${doc.paragraphs.join("\n")}\n${topics.join(". ")}`;
}
