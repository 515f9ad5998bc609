import { describe, expect, it } from "vitest";
import { namesNoBody } from "@/lib/entities/mentions";

describe("quoted names that are venues, events or works", () => {
  it("a name after a venue, event or work word is no institution", () => {
    expect(namesNoBody("Зимняя вишня", "после пожара в торговом центре «Зимняя вишня», погибли")).toBe(true);
    expect(namesNoBody("Глобальное будущее", "На конференции «Глобальное будущее», а затем на конгрессе «Глобальное будущее» выступили")).toBe(true);
    expect(namesNoBody("Аполлон", "После американской миссии «Аполлон» прошло")).toBe(true);
  });
  it("a name after a word for a body stays, and one good occurrence is enough", () => {
    expect(namesNoBody("Коммерсантъ", "сообщает газета «Коммерсантъ»")).toBe(false);
    expect(namesNoBody("Взгляд", "ведущий программы «Взгляд» и редакция «Взгляд» сообщила")).toBe(false);
    expect(namesNoBody("Астана клуб", "в формате Астана клуба")).toBe(false);
  });
});
