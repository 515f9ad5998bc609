/**
 * The «Образец» label every sample carries wherever it is shown: a fictional quote seen in a
 * list without it could be taken for a real one and cited.
 */
export function SampleBadge({ long = false }: { long?: boolean }) {
  return (
    <span
      className="mr-2 inline-block rounded bg-amber-100 px-1.5 py-0.5 align-middle text-xs font-medium text-amber-900"
      title="Вымышленный текст для демонстрации архива"
      data-testid="sample-badge"
    >
      {long ? "Образец: вымышленный текст для демонстрации архива" : "Образец"}
    </span>
  );
}
