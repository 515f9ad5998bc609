import { getConfig } from "@/lib/config";

/**
 * Import limits (issue 11, item 1): one document may not cost every reader seconds. Checked on
 * the validated input, before extraction and indexing, so an over-long document costs its reading
 * only. The numbers come from MAX_PARAGRAPH_CHARS, MAX_DOCUMENT_CHARS and MAX_PARAGRAPHS.
 */
export interface DocumentLimits {
  paragraphChars: number;
  documentChars: number;
  paragraphs: number;
}

export function documentLimits(): DocumentLimits {
  const c = getConfig();
  return { paragraphChars: c.MAX_PARAGRAPH_CHARS, documentChars: c.MAX_DOCUMENT_CHARS, paragraphs: c.MAX_PARAGRAPHS };
}

const n = (x: number) => x.toLocaleString("en-US");

/** The first limit a document breaks, as the field and a message saying by how much; undefined when within them. */
export function documentLimitIssue(doc: { title: string; paragraphs: readonly string[] }, limits: DocumentLimits = documentLimits()): { field: string; message: string } | undefined {
  if (doc.paragraphs.length > limits.paragraphs) {
    return { field: "paragraphs", message: `${n(doc.paragraphs.length)} paragraphs, more than MAX_PARAGRAPHS (${n(limits.paragraphs)}): split the document` };
  }
  let total = doc.title.length;
  for (let i = 0; i < doc.paragraphs.length; i++) {
    const len = doc.paragraphs[i]!.length;
    if (len > limits.paragraphChars) {
      return { field: `paragraphs.${i}`, message: `paragraph ${i + 1} has ${n(len)} characters, more than MAX_PARAGRAPH_CHARS (${n(limits.paragraphChars)}): is it one paragraph?` };
    }
    total += len;
  }
  if (total > limits.documentChars) {
    return { field: "paragraphs", message: `${n(total)} characters, more than MAX_DOCUMENT_CHARS (${n(limits.documentChars)}): split the document` };
  }
  return undefined;
}
