import type { EntityKind } from "@/lib/entities/types";

/** What each kind of entity is called on index pages and in the search page's filter boxes. */
export interface EntityLabels {
  /** Index page heading: «Эксперты». */
  title: string;
  /** Forms for a count: 1 эксперт, 2 эксперта, 5 экспертов. */
  forms: readonly [string, string, string];
  /** The filter box's label: «Найти эксперта». */
  find: string;
  /** The link to the index page: «Все эксперты». */
  all: string;
  /** «Никого не найдено», «Ничего не найдено». */
  none: string;
}

export const ENTITY_LABELS: Record<EntityKind, EntityLabels> = {
  person: { title: "Эксперты", forms: ["эксперт", "эксперта", "экспертов"], find: "Найти эксперта", all: "Все эксперты", none: "Никого не найдено" },
  institution: { title: "Организации", forms: ["организация", "организации", "организаций"], find: "Найти организацию", all: "Все организации", none: "Ни одной организации не найдено" },
  country: { title: "Страны", forms: ["страна", "страны", "стран"], find: "Найти страну", all: "Все страны", none: "Ни одной страны не найдено" },
  topic: { title: "Темы", forms: ["тема", "темы", "тем"], find: "Найти тему", all: "Все темы", none: "Ни одной темы не найдено" },
};
