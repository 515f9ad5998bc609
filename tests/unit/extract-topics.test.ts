import { describe, expect, it } from "vitest";
import { TOPIC_LABELS } from "@/config/topics";
import { extractCommentary } from "@/lib/extract";
import { detectTopics } from "@/lib/extract/topics";

describe("topics", () => {
  it("uses exactly the nine labels of the taxonomy", () => {
    expect([...TOPIC_LABELS].sort()).toEqual(
      ["Посредничество и урегулирование конфликтов", "Евразийская интеграция", "Мягкая сила", "Безопасность", "Энергетика", "Санкции", "Многосторонняя дипломатия", "Центральная Азия", "Торговля и транспорт"].sort(),
    );
  });

  it("is multi-label from trigger lemmas", () => {
    const t = detectTopics("Санкции и транзит", [
      "Вторичные санкции против компаний региона осложняют транзит грузов по Среднему коридору.",
      "Санкционные риски учитывают перевозчики, логистика дорожает.",
    ]);
    expect(t).toContain("Санкции");
    expect(t).toContain("Торговля и транспорт");
  });

  it("a passing mention is not a topic", () => {
    expect(detectTopics("Выставка", ["На выставке показали газ в баллонах."])).not.toContain("Энергетика");
  });

  it("metadata topics win over rules", () => {
    const e = extractCommentary({ title: "Санкции", paragraphs: ["Санкции, санкции и эмбарго."], topics: ["Мягкая сила"] });
    expect(e.topics).toEqual(["Мягкая сила"]);
  });
});
