import { describe, expect, it } from "vitest";
import { openDatabase } from "@/lib/archive/db";
import { SqliteEngine } from "@/lib/search/engines/sqlite";
import { getAnalyzer } from "@/lib/text/analyzers";
import type { CommentaryDocument } from "@/lib/validations/document";

const doc = (slug: string, title: string, text: string): CommentaryDocument => ({
  id: slug,
  slug,
  title,
  paragraphs: [text],
  quotes: [],
  institutions: [],
  topics: [],
  speakers: [],
  contentHash: `h-${slug}`,
});

describe("similar documents on the embedded engine", () => {
  it("only reads the archive: a page view writes nothing, not even the analyses of words it has not seen", async () => {
    const engine = new SqliteEngine(openDatabase(":memory:"), getAnalyzer());
    await engine.upsert([
      doc("water", "Переговоры о водных ресурсах", "Нурабад предлагает себя медиатором на переговорах о водных ресурсах."),
      doc("water-2", "Медиатор вернулся к переговорам о воде", "Нурабад снова выступил медиатором на переговорах о водных ресурсах."),
      doc("space", "Запуск спутника перенесён", "Ракета останется на стартовом столе до весны."),
    ]);
    // Saved analyses go with an analyzer version; a server may meet an archive without them.
    engine.db.exec("DELETE FROM token_analysis");
    const fresh = new SqliteEngine(engine.db, getAnalyzer());
    const changes = () => engine.db.prepare("SELECT total_changes()").pluck().get() as number;
    const before = changes();
    expect((await fresh.similar("water")).map((d) => d.slug)[0]).toBe("water-2");
    expect(changes()).toBe(before);
  });
});
