import { describe, expect, it } from "vitest";
import { buildEntityRegistry } from "@/lib/entities/registry";
import { documentNames, resolveDocument } from "@/lib/entities/document";
import { statementFacetValues, toStatementHit } from "@/lib/search/statement-hit";
import { getAnalyzer } from "@/lib/text/analyzers";
import { NO_HIGHLIGHT } from "@/lib/text/highlight";
import type { CommentaryDocument } from "@/lib/validations/document";

/** Statements a text credits to a body («по данным МВД России», «передает РИА Новости»). */
const doc: CommentaryDocument = {
  id: "d1",
  slug: "d1",
  title: "Заявление МВД",
  paragraphs: ["По данным МВД России, задержаны трое.", "«Мы продолжим работу», – сказал Иван Петров."],
  topics: [],
  speakers: [{ name: "Иван Петров", role: "генерал", institution: "МВД России" }],
  institutions: ["МВД России"],
  quotes: [
    { text: "задержаны трое", paragraph: 0, start: 22, end: 36, kind: "reported", speaker: "МВД России", speakerKind: "body" },
    { text: "Мы продолжим работу", paragraph: 1, start: 1, end: 20, kind: "direct", speaker: "Иван Петров" },
  ],
  contentHash: "x",
};

describe("statements by bodies", () => {
  it("are filed under the body as an institution, never as a speaker", () => {
    expect(statementFacetValues(doc, doc.quotes[0]!)).toMatchObject({ speaker: [], institution: ["МВД России"] });
    expect(statementFacetValues(doc, doc.quotes[1]!)).toMatchObject({ speaker: ["Иван Петров"], institution: ["МВД России"] });
  });

  it("carry the body's canonical name and say it is a body; the person keeps their entity id", () => {
    const registry = buildEntityRegistry([documentNames(doc)]);
    const view = resolveDocument(registry, doc);
    const body = toStatementHit(view, 0, getAnalyzer(), NO_HIGHLIGHT);
    const person = toStatementHit(view, 1, getAnalyzer(), NO_HIGHLIGHT);
    expect(body.speaker).toEqual({ name: "Министерство внутренних дел России", kind: "body" });
    expect(person.speaker).toMatchObject({ name: "Иван Петров", role: "генерал" });
    expect(person.speaker?.id).toMatch(/^p[0-9a-f]{12}$/);
    // A body counts no statements for any person.
    expect(documentNames(doc).quoteSpeakers).toEqual({ "Иван Петров": 1 });
  });
});
