import { describe, expect, it } from "vitest";
import { buildRegistry, canonicalizeDocument, findInstitution, findSpeaker, findTopic, institutionSlug, quoteAnchor, speakerSlug, topicSlug } from "@/lib/extract/registry";
import type { CommentaryDocument } from "@/lib/validations/document";

function doc(id: string, date: string, over: Partial<CommentaryDocument>): CommentaryDocument {
  return { id, slug: id, title: id, paragraphs: ["x"], date, topics: [], speakers: [], institutions: [], quotes: [], contentHash: id, ...over };
}

const docs: CommentaryDocument[] = [
  doc("a", "2016-11-14", {
    topics: ["Многосторонняя дипломатия"],
    speakers: [{ name: "Ержан Салтыбаев", role: "директор", institution: "Институт мировой экономики и политики" }],
    institutions: ["Институт мировой экономики и политики", "Астана клуб"],
    institutionDetails: [{ name: "Институт мировой экономики и политики", aliases: ["ИМЭП"], parent: "Фонд Первого Президента РК – Лидера Нации" }],
    quotes: [
      { text: "q1", paragraph: 0, speaker: "Ержан Салтыбаев" },
      { text: "q2", paragraph: 0, speaker: "Ержан Салтыбаев" },
    ],
  }),
  doc("b", "2020-03-01", {
    topics: ["Санкции"],
    speakers: [{ name: "Салтыбаев", role: "эксперт", institution: "ИМЭП" }],
    institutions: ["ИМЭП"],
    quotes: [{ text: "q3", paragraph: 0, speaker: "Салтыбаев" }],
  }),
  doc("c", "2021-06-01", {
    topics: ["Мягкая сила"],
    speakers: [{ name: "Айгуль Салтыбаева", role: "аналитик", institution: "Астана клуб" }],
    institutions: ["Астана клуб"],
    quotes: [{ text: "q4", paragraph: 0, speaker: "Айгуль Салтыбаева" }],
  }),
];

describe("registry", () => {
  const r = buildRegistry(docs);

  it("merges a surname alone into the only full name with that surname", () => {
    const s = findSpeaker(r, "erzhan-saltybaev")!;
    expect(s.name).toBe("Ержан Салтыбаев");
    expect(s.aliases).toContain("Салтыбаев");
    expect(s.documentCount).toBe(2);
    expect(s.quoteCount).toBe(3);
  });

  it("keeps a different first name with the same surname apart", () => {
    expect(r.speakers.map((s) => s.name).sort()).toEqual(["Айгуль Салтыбаева", "Ержан Салтыбаев"]);
  });

  it("records roles with dates and the current role", () => {
    const s = findSpeaker(r, "Ержан Салтыбаев")!;
    expect(s.role).toBe("эксперт");
    expect(s.roles.map((x) => [x.role, x.firstSeen])).toEqual([
      ["эксперт", "2020-03-01"],
      ["директор", "2016-11-14"],
    ]);
    expect(s.institutions).toEqual(["Институт мировой экономики и политики"]);
  });

  it("joins an institution and its abbreviation under the full name", () => {
    const i = findInstitution(r, "ИМЭП")!;
    expect(i.name).toBe("Институт мировой экономики и политики");
    expect(i.aliases).toContain("ИМЭП");
    expect(i.parent).toBe("Фонд Первого Президента РК – Лидера Нации");
    expect(i.documentCount).toBe(2);
    expect(findInstitution(r, i.slug)).toBe(i);
  });

  it("topics use config slugs", () => {
    expect(findTopic(r, "sanctions")?.label).toBe("Санкции");
    expect(topicSlug("Мягкая сила")).toBe("soft-power");
  });

  it("canonicalises a document for facets", () => {
    const c = canonicalizeDocument(r, docs[1]!);
    expect(c.speakers[0]!.name).toBe("Ержан Салтыбаев");
    expect(c.quotes[0]!.speaker).toBe("Ержан Салтыбаев");
    expect(c.institutions).toEqual(["Институт мировой экономики и политики"]);
  });

  it("slugs are latin and stable", () => {
    expect(speakerSlug("Ержан Салтыбаев")).toBe("erzhan-saltybaev");
    expect(institutionSlug("Астана клуб")).toBe("astana-klub");
    expect(quoteAnchor(1)).toBe("quote-2");
  });
});
