/**
 * «Похожие материалы» (issue 14, item 6): the same cases against the embedded engine always, and
 * against Meilisearch when MEILI_URL is set (in throw-away indexes). Invented documents and people.
 */
import { randomBytes } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/archive/db";
import { parseConfig } from "@/lib/config";
import type { SearchEngine } from "@/lib/search/engine";
import { SqliteEngine } from "@/lib/search/engines/sqlite";
import { getAnalyzer } from "@/lib/text/analyzers";
import type { CommentaryDocument } from "@/lib/validations/document";

const base = { quotes: [], institutions: [] as string[], topics: [] as string[], speakers: [] as CommentaryDocument["speakers"] };
const doc = (slug: string, date: string | undefined, title: string, paragraphs: string[], extra: Partial<CommentaryDocument> = {}): CommentaryDocument => ({
  ...base,
  id: `similar-${slug}`,
  slug,
  title,
  paragraphs,
  ...(date ? { date } : {}),
  contentHash: `h-${slug}`,
  ...extra,
});

const MURATOV = [{ name: "Ильяс Муратов", role: "директор", institution: "Институт Нурабада" }];

export const SIMILAR_DOCUMENTS: CommentaryDocument[] = [
  doc("nurabad-mediator", "2031-03-03", "Нурабад как медиатор в переговорах о водных ресурсах", [
    "Нурабад предлагает себя медиатором на переговорах соседей о водных ресурсах.",
    "Переговоры о воде идут третий год, медиатор нужен обеим сторонам.",
  ], { speakers: MURATOV, institutions: ["Институт Нурабада"], topics: ["Посредничество", "Водные ресурсы"] }),
  // Shares most key terms and the speaker: the nearest.
  doc("nurabad-mediator-2", "2031-04-01", "Медиатор из Нурабада вернулся к переговорам о воде", ["Нурабад снова выступил медиатором на переговорах о водных ресурсах."], {
    speakers: MURATOV,
    institutions: ["Институт Нурабада"],
    topics: ["Водные ресурсы"],
  }),
  // Shares key terms only.
  doc("water-talks", "2030-01-10", "Переговоры о водных ресурсах зашли в тупик", ["Соседи не договорились о воде, переговоры отложены."]),
  // Shares the speaker only.
  doc("muratov-trade", "2029-05-05", "Торговля зерном растёт", ["Экспорт зерна увеличился вдвое."], { speakers: MURATOV, institutions: ["Институт Нурабада"] }),
  // Shares a topic only.
  doc("mediation-elsewhere", "2028-02-02", "Посредничество в северном конфликте", ["Стороны пригласили посредников из трёх стран."], { topics: ["Посредничество"] }),
  // Shares a topic only, undated.
  doc("mediation-undated", undefined, "Посредничество без даты", ["Посредники собрались снова."], { topics: ["Посредничество"] }),
  // Shares nothing.
  doc("space-launch", "2031-01-01", "Запуск спутника перенесён", ["Ракета останется на стартовом столе до весны."]),
  doc("football", "2031-02-02", "Футбольный клуб сменил тренера", ["Новый тренер начнёт работу в июле."]),
];

type Open = (docs: CommentaryDocument[]) => Promise<{ engine: SearchEngine; dispose: () => Promise<void> }>;

function contract(name: string, open: Open) {
  describe(`similar documents contract: ${name}`, () => {
    let engine: SearchEngine;
    let dispose: () => Promise<void> = async () => {};
    beforeAll(async () => {
      ({ engine, dispose } = await open(SIMILAR_DOCUMENTS));
    });
    afterAll(async () => dispose());

    it("ranks by shared lemmas, speakers and topics: terms and speaker, then terms, then speaker, then topic, newest first on ties", async () => {
      const similar = await engine.similar("nurabad-mediator");
      expect(similar.map((s) => s.slug)).toEqual(["nurabad-mediator-2", "water-talks", "muratov-trade", "mediation-elsewhere", "mediation-undated"]);
      expect(similar[0]!.shared.speakers).toEqual(["Ильяс Муратов"]);
      expect(similar[0]!.shared.terms).toBeGreaterThan(3);
      expect(similar[2]!.shared).toEqual({ speakers: ["Ильяс Муратов"], topics: [], terms: 0 });
      expect(similar[3]!.shared.topics).toEqual(["Посредничество"]);
      expect(similar[1]!).toMatchObject({ title: "Переговоры о водных ресурсах зашли в тупик", date: "2030-01-10" });
    });

    it("never lists the article itself or a document that shares nothing, and honours the limit", async () => {
      const all = await engine.similar("nurabad-mediator", 20);
      expect(all.map((s) => s.slug)).not.toContain("nurabad-mediator");
      expect(all.map((s) => s.slug)).not.toContain("space-launch");
      expect(all.map((s) => s.slug)).not.toContain("football");
      expect(await engine.similar("nurabad-mediator", 2)).toHaveLength(2);
    });

    it("is symmetric enough to find its way back, and an unknown or unrelated slug gives an empty list", async () => {
      expect((await engine.similar("water-talks")).map((s) => s.slug).slice(0, 2).sort()).toEqual(["nurabad-mediator", "nurabad-mediator-2"]);
      expect(await engine.similar("no-such-article")).toEqual([]);
      expect(await engine.similar("space-launch")).toEqual([]);
    });
  });
}

contract("embedded (SQLite)", async (docs) => {
  const engine = new SqliteEngine(openDatabase(":memory:"), getAnalyzer());
  await engine.upsert(docs);
  return { engine, dispose: () => engine.close() };
});

const MEILI_URL = process.env.MEILI_URL;
if (!MEILI_URL) console.info("similar contract: MEILI_URL is not set, so the Meilisearch half is skipped (embedded engine only).");

describe.skipIf(!MEILI_URL)("Meilisearch", () => {
  contract("Meilisearch", async (docs) => {
    const { MeilisearchEngine } = await import("@/lib/search/engines/meilisearch");
    const config = parseConfig(process.env);
    const index = `${process.env.MEILI_INDEX ?? "contract"}_similar_${Date.now().toString(36)}_${randomBytes(4).toString("hex")}`;
    const engine = new MeilisearchEngine(config, getAnalyzer(), index);
    await engine.setup();
    await engine.upsert(docs);
    return {
      engine,
      dispose: async () => {
        await engine.dropIndex();
        await engine.close();
      },
    };
  });
});
