import { NameLinks } from "@/components/name-links";
import { formatDate } from "@/lib/format";
import type { InstitutionEntity, PersonEntity } from "@/lib/entities/types";

function span(first?: string, last?: string): string {
  if (!first) return "";
  return first === last || !last ? formatDate(first) : `${formatDate(first)} — ${formatDate(last)}`;
}

/** A speaker's roles as the archive recorded them, with when each was seen, and other names used. */
export function SpeakerDetails({ speaker }: { speaker: PersonEntity }) {
  const roles = speaker.roles.filter((r) => r.role || r.institution);
  if (roles.length === 0 && speaker.variants.length === 0 && !speaker.partial) return null;
  return (
    <dl className="mt-6 grid gap-x-6 gap-y-2 rounded-md border border-slate-200 bg-white p-4 text-sm sm:grid-cols-[auto_1fr]" data-testid="speaker-details">
      {roles.length > 0 && (
        <div className="contents">
          <dt className="font-semibold text-slate-600">Должности</dt>
          <dd>
            <ul>
              {roles.map((r) => (
                <li key={`${r.role}|${r.institution}`}>
                  {[r.role, r.institution].filter(Boolean).join(", ")}
                  {r.firstSeen && <span className="text-slate-500"> ({span(r.firstSeen, r.lastSeen)})</span>}
                </li>
              ))}
            </ul>
          </dd>
        </div>
      )}
      {speaker.variants.length > 0 && (
        <div className="contents">
          <dt className="font-semibold text-slate-600">Упоминается как</dt>
          <dd data-testid="speaker-variants">{speaker.variants.join(", ")}</dd>
        </div>
      )}
      {speaker.partial && (
        <div className="contents">
          <dt className="font-semibold text-slate-600">Имя</dt>
          <dd data-testid="speaker-partial">известна только фамилия: тексты архива не называют полного имени, и ни один эксперт с полным именем не подходит однозначно</dd>
        </div>
      )}
    </dl>
  );
}

/** An institution's abbreviations, parent body and the people who spoke for it. */
export function InstitutionDetails({ institution }: { institution: InstitutionEntity }) {
  if (institution.variants.length === 0 && !institution.parent && institution.speakers.length === 0) return null;
  return (
    <dl className="mt-6 grid gap-x-6 gap-y-2 rounded-md border border-slate-200 bg-white p-4 text-sm sm:grid-cols-[auto_1fr]" data-testid="institution-details">
      {institution.variants.length > 0 && (
        <div className="contents">
          <dt className="font-semibold text-slate-600">Другие названия</dt>
          <dd>{institution.variants.join(", ")}</dd>
        </div>
      )}
      {institution.parent && (
        <div className="contents">
          <dt className="font-semibold text-slate-600">В составе</dt>
          <dd>
            <NameLinks kind="institution" names={[institution.parent]} className="text-sky-800 underline" />
          </dd>
        </div>
      )}
      {institution.speakers.length > 0 && (
        <div className="contents">
          <dt className="font-semibold text-slate-600">Эксперты</dt>
          <dd>
            <NameLinks kind="speaker" names={institution.speakers} className="text-sky-800 underline" />
          </dd>
        </div>
      )}
    </dl>
  );
}
