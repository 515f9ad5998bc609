import fs from "node:fs";
import path from "node:path";
import YAML from "yaml";
import { z } from "zod";

/**
 * The editor's word on people, in `config/people.yaml`: what automatic resolution cannot know.
 * Import and reindex always apply it, so a correction survives every rebuild.
 */

const name = z.string().trim().min(1).max(200);

export const peopleOverridesSchema = z
  .object({
    /** Each list is one person; its first name is the canonical one. */
    merge: z.array(z.array(name).min(2, "a merge lists at least two names")).default([]),
    /**
     * A name that must not join anyone: without `documents` it never links to another person;
     * with them, its occurrences in those documents become the person `as`.
     */
    split: z.array(z.object({ name, documents: z.array(z.string().min(1)).optional(), as: name.optional() })).default([]),
    /** Canonical name → the name to show instead. */
    rename: z.record(name, name).default({}),
    /** Values that are not people (an order, a ship, a body) and leave the speaker facet. */
    notPerson: z.array(name).default([]),
  })
  .strict();

export type PeopleOverrides = z.infer<typeof peopleOverridesSchema>;

export const NO_OVERRIDES: PeopleOverrides = { merge: [], split: [], rename: {}, notPerson: [] };

const DEFAULT_OVERRIDES_PATH = path.resolve(process.cwd(), "config", "people.yaml");

export class OverridesError extends Error {}

/** Read and validate the overrides file; a missing file means no overrides, a bad one is an error naming it. */
export function loadPeopleOverrides(file = DEFAULT_OVERRIDES_PATH): PeopleOverrides {
  if (!fs.existsSync(file)) return NO_OVERRIDES;
  let data: unknown;
  try {
    data = YAML.parse(fs.readFileSync(file, "utf8")) ?? {};
  } catch (e) {
    throw new OverridesError(`${path.basename(file)}: not valid YAML: ${(e as Error).message.split("\n")[0]}`);
  }
  const parsed = peopleOverridesSchema.safeParse(data);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    throw new OverridesError(`${path.basename(file)}: ${issue.path.join(".") || "file"}: ${issue.message}`);
  }
  return parsed.data;
}

const HEADER = `# Editor's overrides for people in the archive: applied by every import and \`npm run reindex\`.
# Edit by hand or with \`npm run entities -- merge|split|rename|not-person …\` (see README).
`;

export function savePeopleOverrides(overrides: PeopleOverrides, file = DEFAULT_OVERRIDES_PATH): void {
  const body = YAML.stringify(peopleOverridesSchema.parse(overrides));
  const tmp = `${file}.tmp`;
  fs.writeFileSync(tmp, HEADER + body);
  fs.renameSync(tmp, file);
}
