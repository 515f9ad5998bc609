/** One document as read from a file, before validation, with a way to say where a field came from. */
export interface SourceRecord {
  file: string;
  /** Line where the record starts. */
  line: number;
  format: "txt" | "md" | "json" | "jsonl" | "html" | "feed" | "docx" | "wiki";
  data: unknown;
  /** Best line for a top-level field, for error messages. */
  lineOf(field: string): number;
  /** Index of the record in a file that holds many (a JSON array, a feed, a dump). */
  item?: number;
}
