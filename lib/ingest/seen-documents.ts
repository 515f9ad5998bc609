import type { CommentaryDocument } from "@/lib/validations/document";
import { IngestError } from "./errors";

/**
 * The documents one import has read so far, by id: the same document read again (the same
 * content in two files) is taken once; the same id with other content is an error at the
 * second file's line.
 */
export class SeenDocuments {
  private readonly byId = new Map<string, { hash: string; file: string }>();

  /** "new" the first time an id is read, "repeat" for the same content again, else the error to report. */
  check(document: Pick<CommentaryDocument, "id" | "title" | "contentHash">, file: string, line?: number): "new" | "repeat" | IngestError {
    const before = this.byId.get(document.id);
    if (!before) {
      this.byId.set(document.id, { hash: document.contentHash, file });
      return "new";
    }
    if (before.hash === document.contentHash) return "repeat";
    return new IngestError(file, `document "${document.title}" is also in ${before.file} with different content`, line);
  }

  clear(): void {
    this.byId.clear();
  }
}
