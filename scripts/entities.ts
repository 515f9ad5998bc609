/**
 * npm run entities -- <command>
 *   list [person|institution|country|topic] [--q text] [--limit N]   what the registry holds
 *   merge "Canonical Name" "Other Name" …                             one person; the first name is shown
 *   split "Name" [--documents id,id --as "Other Person"]               never link this name / move it in those documents
 *   rename "Canonical Name" "New Name"                                 show a person under another name
 *   not-person "Name"                                                  drop a value from the speaker facet
 * Edits config/people.yaml (or PEOPLE_OVERRIDES_PATH) and applies it at once: the registry is
 * rebuilt and the documents whose names changed are indexed again, as `npm run reindex` would.
 */
import { enqueue, flushOutbox } from "@/lib/archive/outbox";
import { rebuildRegistry } from "@/lib/archive/entities";
import { ArchiveStore } from "@/lib/archive/store";
import { getConfig } from "@/lib/config";
import { resolveDocument } from "@/lib/entities/document";
import { loadPeopleOverrides, savePeopleOverrides, type PeopleOverrides } from "@/lib/entities/overrides";
import { entitiesOf, matchEntities } from "@/lib/entities/registry";
import { loadRegistry } from "@/lib/archive/entities";
import type { EntityKind } from "@/lib/entities/types";
import { getEngine, openEmbeddedEngine } from "@/lib/search";
import { runCli } from "./lib/run-cli";

const USAGE = `usage: npm run entities -- list [person|institution|country|topic] [--q text] [--limit N]
       npm run entities -- merge "Canonical Name" "Other Name" …
       npm run entities -- split "Name" [--documents id,id --as "Other Person"]
       npm run entities -- rename "Canonical Name" "New Name"
       npm run entities -- not-person "Name"`;

function option(args: string[], flag: string): string | undefined {
  const i = args.indexOf(flag);
  return i >= 0 ? args[i + 1] : undefined;
}

function positional(args: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < args.length; i++) {
    if (args[i]!.startsWith("--")) i++;
    else out.push(args[i]!);
  }
  return out;
}

async function apply(): Promise<void> {
  const config = getConfig();
  const engine = openEmbeddedEngine(config);
  const store = new ArchiveStore(engine.db);
  const changed = engine.db.transaction(() => {
    const { registry, changed: rows } = rebuildRegistry(engine.db, loadPeopleOverrides(config.PEOPLE_OVERRIDES_PATH));
    const views = [...store.byRowids(rows)].map(([rowid, doc]) => {
      const view = resolveDocument(registry, doc);
      engine.indexRow(rowid, view);
      return view;
    });
    if (config.MEILI_URL) enqueue(engine.db, views.map((v) => v.id), "upsert");
    return views;
  })();
  if (config.MEILI_URL) await flushOutbox(engine.db, await getEngine(config), config.MEILI_BATCH_SIZE);
  console.log(`registry rebuilt; ${changed.length} document(s) indexed again`);
}

async function main(): Promise<number> {
  const [command, ...rest] = process.argv.slice(2).filter((a) => a !== "--");
  const args = positional(rest);
  const config = getConfig();
  const file = config.PEOPLE_OVERRIDES_PATH;
  const edit = async (change: (o: PeopleOverrides) => void) => {
    const overrides = loadPeopleOverrides(file);
    change(overrides);
    savePeopleOverrides(overrides, file);
    console.log(`${file} updated`);
    await apply();
  };
  switch (command) {
    case "list": {
      const kind = (args[0] ?? "person") as EntityKind;
      if (!["person", "institution", "country", "topic"].includes(kind)) {
        console.error(USAGE);
        return 2;
      }
      const registry = loadRegistry(openEmbeddedEngine(config).db);
      const q = option(rest, "--q");
      const list = (q ? matchEntities(registry, kind, q) : entitiesOf(registry, kind)).sort((a, b) => b.documentCount - a.documentCount || a.name.localeCompare(b.name, "ru"));
      const limit = Number(option(rest, "--limit") ?? 50);
      for (const e of list.slice(0, limit)) {
        const flags = [e.kind === "person" && e.partial ? "partial" : "", e.sampleOnly ? "sample" : ""].filter(Boolean).join(", ");
        console.log(`${String(e.documentCount).padStart(5)}  ${e.name}${flags ? ` [${flags}]` : ""}${e.variants.length ? `  ← ${e.variants.join(" | ")}` : ""}`);
      }
      console.log(`${list.length} ${kind} entit${list.length === 1 ? "y" : "ies"}${list.length > limit ? ` (first ${limit} shown; --limit N for more)` : ""}`);
      return 0;
    }
    case "merge":
      if (args.length < 2) break;
      await edit((o) => void o.merge.push(args));
      return 0;
    case "split": {
      if (args.length !== 1) break;
      const documents = option(rest, "--documents")?.split(",").map((s) => s.trim()).filter(Boolean);
      const as = option(rest, "--as");
      await edit((o) => void o.split.push({ name: args[0]!, ...(documents?.length ? { documents } : {}), ...(as ? { as } : {}) }));
      return 0;
    }
    case "rename":
      if (args.length !== 2) break;
      await edit((o) => void (o.rename[args[0]!] = args[1]!));
      return 0;
    case "not-person":
      if (args.length !== 1) break;
      await edit((o) => void (o.notPerson.includes(args[0]!) || o.notPerson.push(args[0]!)));
      return 0;
  }
  console.error(USAGE);
  return 2;
}

runCli(main);
