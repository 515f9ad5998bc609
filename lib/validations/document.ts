import { z } from "zod";

const isoDate = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}$/, "expected a date as YYYY-MM-DD")
  .refine((s) => !Number.isNaN(Date.parse(`${s}T00:00:00Z`)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s), {
    message: "not a real calendar date",
  });

const text = z
  .string()
  .trim()
  .min(1, "must not be empty")
  .refine((s) => !/[\u0000-\u0008\u000B\u000E-\u001F\u007F]/.test(s), "contains control characters (NUL and the like)");

export const speakerSchema = z.object({
  name: text.max(200),
  role: z.string().trim().max(300).optional(),
  institution: z.string().trim().max(300).optional(),
  /** Other forms of the name seen in the text (inflected, surname alone); never shown as the name. */
  aliases: z.array(z.string().trim().min(1).max(200)).max(50).optional(),
  /** From the first name's reading or the verb's agreement; lets a surname alone find only compatible people. */
  gender: z.enum(["masc", "femn"]).optional(),
});

/** An institution with its abbreviations and the body it belongs to («ИМЭП», «при Фонде …»). */
export const institutionDetailSchema = z.object({
  name: text.max(300),
  aliases: z.array(z.string().trim().min(1).max(300)).max(50).default([]),
  parent: z.string().trim().min(1).max(300).optional(),
});

export const quoteSchema = z.object({
  text: text.max(20_000),
  /** Canonical speaker name; absent when the quote has no attribution. */
  speaker: z.string().trim().min(1).max(200).optional(),
  paragraph: z.number().int().min(0),
  /**
   * Where the statement sits in the stored text: from `start` in `paragraph` to `end` in
   * `endParagraph` (the same paragraph when absent). Anchors on the article page are placed by
   * these offsets, never by searching for the text, which may have an interruption removed.
   * Filled in at import when an importer gives only the text.
   */
  start: z.number().int().min(0).optional(),
  end: z.number().int().min(0).optional(),
  endParagraph: z.number().int().min(0).optional(),
  /** A direct quote «…», or reported speech («по словам Х, …», «Х считает, что …»). */
  kind: z.enum(["direct", "reported"]).optional(),
  /**
   * Who `speaker` is: a person (the default), or a body or medium that the text credits
   * («по данным МВД», «передает РИА Новости»). A body's statement is filed under the institution
   * facet, never under speakers, which are people.
   */
  speakerKind: z.enum(["person", "body"]).optional(),
});

/** What an importer may supply: everything but the title and text is optional. */
export const documentInputSchema = z.object({
  id: z.string().trim().min(1).max(200).optional(),
  slug: z
    .string()
    .regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/, "slug must be lowercase latin letters, digits and dashes")
    .max(120)
    .optional(),
  title: text.max(500),
  paragraphs: z.array(text).min(1, "a document needs at least one paragraph").max(5_000),
  date: isoDate.optional(),
  source: z.string().trim().min(1).max(300).optional(),
  url: z
    .url({ protocol: /^https?$/, message: "url must be an http(s) address" })
    .max(2_000)
    .refine((u) => !/[\u0000-\u001F\u007F]/.test(u), "url must not contain control characters")
    .optional(),
  /** Who wrote the piece (a journalist), not a speaker. */
  author: z.string().trim().min(1).max(300).optional(),
  /** Licence of the text, when it is not the archive's to decide (CC BY 2.5 for Wikinews). */
  license: z.string().trim().min(1).max(300).optional(),
  topics: z.array(text.max(200)).max(50).default([]),
  speakers: z.array(speakerSchema).max(200).default([]),
  institutions: z.array(text.max(300)).max(200).default([]),
  institutionDetails: z.array(institutionDetailSchema).max(200).optional(),
  /** Organisations the text mentions without anyone speaking for them. */
  mentionedOrganizations: z.array(text.max(300)).max(200).optional(),
  quotes: z.array(quoteSchema).max(2_000).optional(),
  countries: z.array(text.max(200)).max(300).optional(),
  sample: z.boolean().optional(),
});

export type DocumentInput = z.input<typeof documentInputSchema>;
export type Speaker = z.infer<typeof speakerSchema>;
export type Quote = z.infer<typeof quoteSchema>;
export type InstitutionDetail = z.infer<typeof institutionDetailSchema>;

export interface Provenance {
  /** Absolute path of the file, or the URL fetched. */
  from: string;
  kind: "file" | "url";
  /** The reader that read it: txt, md, json, jsonl, html, feed, docx, wiki. */
  format: string;
  /** ISO time of the import that stored this version. */
  importedAt: string;
  /** Encoding the file was converted from, when it was not UTF-8. */
  encoding?: string;
}

/** A stored commentary document, as the archive and every engine see it. */
export interface CommentaryDocument {
  id: string;
  slug: string;
  title: string;
  paragraphs: string[];
  date?: string;
  source?: string;
  url?: string;
  topics: string[];
  speakers: Speaker[];
  institutions: string[];
  institutionDetails?: InstitutionDetail[];
  mentionedOrganizations?: string[];
  quotes: Quote[];
  /** Countries the text names, canonical (lib/entities/countries.ts). */
  countries?: string[];
  sample?: boolean;
  author?: string;
  license?: string;
  /**
   * Where and when the document was imported from (a file or a URL). Not part of the content:
   * it does not enter `contentHash`, so the same text from another path is still unchanged.
   */
  provenance?: Provenance;
  /**
   * Set on the view engines index and pages show (lib/entities/document.ts), never stored: the
   * entity id behind each name, in the order of `speakers`, `institutions`, `countries`, `topics`.
   */
  entityIds?: { speakers: string[]; institutions: string[]; countries: string[]; topics: string[] };
  /** sha256 of the normalised content; equal hashes mean nothing to update. */
  contentHash: string;
}
