/** How a result names and links the document it comes from: statement hits and similar commentary alike. */
export interface DocumentRef {
  id: string;
  slug: string;
  title: string;
  date?: string;
  source?: string;
  sample?: boolean;
}

/** A stored document, or an archive row with NULLs, as a reference: absent and empty fields are left out, not set to undefined. */
export function documentRef(d: { id: string; slug: string; title: string; date?: string | null; source?: string | null; sample?: boolean | number | null }): DocumentRef {
  return {
    id: d.id,
    slug: d.slug,
    title: d.title,
    ...(d.date ? { date: d.date } : {}),
    ...(d.source ? { source: d.source } : {}),
    ...(d.sample ? { sample: true } : {}),
  };
}
