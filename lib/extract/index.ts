import type { Quote, Speaker } from "@/lib/validations/document";
import { extractQuotes } from "./quotes";

export interface Extraction {
  quotes: Quote[];
  speakers: Speaker[];
  institutions: string[];
  topics: string[];
}

export interface ExtractionInput {
  title: string;
  paragraphs: string[];
  /** Speakers given in metadata: quotes are attributed to them, no new ones are invented. */
  speakers?: Speaker[];
}

/** Who said what in a document's text. Metadata, where given, wins over what is found here. */
export function extractCommentary(input: ExtractionInput): Extraction {
  const found = extractQuotes(input.paragraphs, input.speakers ?? []);
  return { quotes: found.quotes, speakers: found.speakers, institutions: found.institutions, topics: [] };
}
