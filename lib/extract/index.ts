import type { Quote, Speaker } from "@/lib/validations/document";
import { extractFromParagraphs, type ExtractedSpeaker } from "./commentary";
import type { InstitutionDetail } from "./document-people";
import { detectTopics } from "./topics";

export type { ExtractedSpeaker } from "./commentary";
export type { InstitutionDetail } from "./document-people";

export interface Extraction {
  quotes: Quote[];
  speakers: Speaker[];
  institutions: string[];
  topics: string[];
  /** Institutions with their abbreviations and parent bodies (ИМЭП → Институт …, при Фонде …). */
  institutionDetails: InstitutionDetail[];
  /** Organisations the text mentions («Астана клуб») that nobody speaks for. */
  mentionedOrganizations: string[];
}

export interface ExtractionInput {
  title: string;
  paragraphs: string[];
  /** Speakers given in metadata: quotes are attributed to them, no new ones are invented. */
  speakers?: Speaker[];
  /** Topics given in metadata win over the rules; rules run only when there are none. */
  topics?: string[];
}

/** Who said what in a document's text. Metadata, where given, wins over what is found here. */
export function extractCommentary(input: ExtractionInput): Extraction {
  let found: ReturnType<typeof extractFromParagraphs>;
  try {
    found = extractFromParagraphs(input.paragraphs, input.speakers ?? []);
  } catch {
    // Extraction is best effort: a rule tripping over unusual text must not fail the ingest of
    // the document, which is still searchable without speakers.
    found = { quotes: [], speakers: [], institutions: [], institutionDetails: [], mentionedOrganizations: [], attributedBy: [] };
  }
  // Gender is kept: across the archive a surname alone may join only a compatible person.
  const speakers: Speaker[] = found.speakers.map((s: ExtractedSpeaker) => s);
  const topics = input.topics && input.topics.length > 0 ? input.topics : detectTopics(input.title, input.paragraphs);
  return {
    quotes: found.quotes,
    speakers,
    institutions: found.institutions,
    topics,
    institutionDetails: found.institutionDetails,
    mentionedOrganizations: found.mentionedOrganizations,
  };
}
