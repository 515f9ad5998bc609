import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/archive/db";
import { currentRegistry, loadRegistry } from "@/lib/archive/entities";
import { resolveDocument } from "@/lib/entities/document";
import { entitiesOf } from "@/lib/entities/registry";
import { NO_OVERRIDES } from "@/lib/entities/overrides";
import { commitIngest, prepareIngest } from "@/lib/ingest/run-ingest";
import { SqliteEngine } from "@/lib/search/engines/sqlite";
import { emptyFilters, type SearchQuery } from "@/lib/search/types";
import { getAnalyzer } from "@/lib/text/analyzers";

/** The archive-wide registry through the real import path: what facets show after an import. */

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), "entities-"));
});
afterEach(() => fs.rmSync(dir, { recursive: true, force: true }));

function jsonl(name: string, docs: object[]): string {
  const file = path.join(dir, name);
  fs.writeFileSync(file, docs.map((d) => JSON.stringify(d)).join("\n"));
  return file;
}

function importInto(engine: SqliteEngine, file: string) {
  const prepared = prepareIngest([file]);
  expect(prepared.errors).toEqual([]);
  return commitIngest(engine, prepared.documents.map((d) => d.document), NO_OVERRIDES);
}

const query = (filters: Partial<SearchQuery["filters"]>): SearchQuery => ({ q: "", filters: { ...emptyFilters(), ...filters }, sort: "date", page: 1, perPage: 20 });

describe("people resolved across the archive at import", () => {
  it("one speaker value for a person named in full in one document and by surname in others; the facet counts all of their documents", async () => {
    const engine = new SqliteEngine(openDatabase(path.join(dir, "a.db")), getAnalyzer());
    // As lib/search/index.ts opens it for the server.
    engine.view = (doc) => resolveDocument(currentRegistry(engine.db), doc);
    importInto(
      engine,
      jsonl("a.jsonl", [
        { id: "a", date: "2024-01-01", title: "Саммит в Астане", paragraphs: ["Президент Казахстана Касым-Жомарт Токаев выступил на саммите.", "«Мы открыты для диалога», – заявил Токаев."] },
        { id: "b", date: "2024-02-01", title: "Переговоры продолжатся", paragraphs: ["«Переговоры продолжатся весной», – сказал Токаев журналистам."] },
        { id: "c", date: "2024-03-01", title: "Визит в Москву", paragraphs: ["«Наши страны связывает многое», – подчеркнул Токаев на встрече."] },
      ]),
    );
    const r = await engine.search(query({}));
    const speakers = r.facets.speaker.map((v) => [v.value, v.count]);
    expect(speakers).toEqual([["Касым-Жомарт Токаев", 3]]);
    const filtered = await engine.search(query({ speaker: ["Касым-Жомарт Токаев"] }));
    expect(filtered.hits.map((h) => h.id).sort()).toEqual(["a", "b", "c"]);
    // What readers see: hits, statements and articles name the person as the registry does,
    // though document b stored only «Токаев».
    const seen = await engine.search(query({ speaker: ["Касым-Жомарт Токаев"] }));
    expect(new Set(seen.hits.flatMap((h) => h.speakers.map((s) => s.name)))).toEqual(new Set(["Касым-Жомарт Токаев"]));
    const said = await engine.searchStatements(query({ speaker: ["Касым-Жомарт Токаев"] }));
    expect(said.total).toBe(3);
    expect(new Set(said.hits.map((h) => h.speaker?.name))).toEqual(new Set(["Касым-Жомарт Токаев"]));
    // Countries come from the text; Казахстан is not an institution.
    expect(r.facets.country.map((v) => v.value)).toContain("Казахстан");
    expect(r.facets.institution.map((v) => v.value)).not.toContain("Казахстан");
  });

  it("a later import that brings the full name re-files earlier documents that had only the surname", async () => {
    const engine = new SqliteEngine(openDatabase(path.join(dir, "b.db")), getAnalyzer());
    importInto(engine, jsonl("1.jsonl", [{ id: "x", title: "Заявление", paragraphs: ["«Санкции не сработали», – заявил Жумагулов."] }]));
    let people = entitiesOf(loadRegistry(engine.db), "person");
    expect(people.map((p) => [p.name, p.partial])).toEqual([["Жумагулов", true]]);
    const summary = importInto(engine, jsonl("2.jsonl", [{ id: "y", title: "Интервью", paragraphs: ["Министр Бахытжан Жумагулов дал интервью.", "«Рынок растёт», – сказал Жумагулов."] }]));
    expect(summary.added).toBe(1);
    // The first document was indexed again under the full name: the archive changed around it.
    expect(summary.changed.map((d) => d.id).sort()).toEqual(["x", "y"]);
    people = entitiesOf(loadRegistry(engine.db), "person");
    expect(people.map((p) => [p.name, p.documentCount, p.partial])).toEqual([["Бахытжан Жумагулов", 2, false]]);
    const r = await engine.search(query({ speaker: ["Бахытжан Жумагулов"] }));
    expect(r.hits.map((h) => h.id).sort()).toEqual(["x", "y"]);
  });

  it("a split override for one document re-files that document only", () => {
    // The rebuild resolves each name once per value; a split moves one document's name, so that
    // document's view must change even though another document with the same name came first.
    const engine = new SqliteEngine(openDatabase(path.join(dir, "s.db")), getAnalyzer());
    const file = jsonl("1.jsonl", [
      { id: "x", title: "Заявление", paragraphs: ["Бахытжан Жумагулов выступил."], speakers: [{ name: "Бахытжан Жумагулов" }] },
      { id: "y", title: "Интервью", paragraphs: ["Бахытжан Жумагулов дал интервью."], speakers: [{ name: "Бахытжан Жумагулов" }] },
    ]);
    const prepared = prepareIngest([file]).documents.map((d) => d.document);
    commitIngest(engine, prepared, NO_OVERRIDES);
    const split = { ...NO_OVERRIDES, split: [{ name: "Бахытжан Жумагулов", documents: ["y"], as: "Бахытжан Жумагулов-младший" }] };
    const again = commitIngest(engine, prepared, split);
    expect(again.unchanged).toBe(2);
    expect(again.changed.map((d) => [d.id, d.speakers.map((sp) => sp.name)])).toEqual([["y", ["Бахытжан Жумагулов-младший"]]]);
  });

  it("re-importing unchanged documents indexes nothing again", () => {
    const engine = new SqliteEngine(openDatabase(path.join(dir, "c.db")), getAnalyzer());
    const file = jsonl("1.jsonl", [{ id: "x", title: "Заявление", paragraphs: ["«Санкции не сработали», – заявил Жумагулов."] }]);
    importInto(engine, file);
    const again = importInto(engine, file);
    expect([again.unchanged, again.changed.length]).toEqual([1, 0]);
  });
});
