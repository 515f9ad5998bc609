/** One document as read from a file, before validation, with a way to say where a field came from. */
export interface SourceRecord {
  file: string;
  /** Line where the record starts. */
  line: number;
  format: "txt" | "md" | "json" | "jsonl";
  data: unknown;
  /** Best line for a top-level field, for error messages. */
  lineOf(field: string): number;
}
