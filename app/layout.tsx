import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { headers } from "next/headers";
import "./globals.css";
import { SITE_DESCRIPTION, SITE_NAME, siteOrigin } from "@/lib/site";

/**
 * Defaults for every page: absolute Open Graph addresses from the site's origin (SITE_URL, else the
 * request's host), the site's name and description. Pages give their own title, description and
 * Open Graph tags through lib/page-metadata.ts.
 */
export async function generateMetadata(): Promise<Metadata> {
  return {
    metadataBase: new URL(siteOrigin(await headers())),
    title: { default: "Архив экспертных комментариев о внешней политике", template: `%s — ${SITE_NAME}` },
    description: SITE_DESCRIPTION,
    openGraph: { siteName: SITE_NAME, locale: "ru_RU", type: "website", title: SITE_NAME, description: SITE_DESCRIPTION },
  };
}

/** The index pages of the archive's people, institutions, countries and topics. */
const NAV = [
  ["/speakers", "Эксперты"],
  ["/institutions", "Организации"],
  ["/countries", "Страны"],
  ["/topics", "Темы"],
] as const;

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="ru">
      <body className="min-h-screen bg-slate-50 text-slate-900 antialiased">
        {/* Browsers offer to add the archive as a search engine (app/opensearch.xml); React hoists the link into <head>. */}
        <link rel="search" type="application/opensearchdescription+xml" href="/opensearch.xml" title={SITE_NAME} />
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:rounded focus:bg-white focus:px-3 focus:py-2">
          К содержанию
        </a>
        <header className="border-b border-slate-200 bg-white">
          <div className="mx-auto flex max-w-6xl items-baseline justify-between gap-4 px-4 py-4">
            <Link href="/" className="text-xl font-bold tracking-tight text-slate-900">
              Архив комментариев
            </Link>
            <p className="hidden text-sm text-slate-500 sm:block">Кто что сказал о внешней политике — где и когда</p>
          </div>
          <nav aria-label="Разделы архива" className="mx-auto max-w-6xl px-4 pb-3">
            <ul className="flex flex-wrap gap-x-5 gap-y-1 text-sm">
              {NAV.map(([href, label]) => (
                <li key={href}>
                  <Link href={href} className="text-sky-700 underline-offset-2 hover:underline">
                    {label}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </header>
        <main id="main" className="mx-auto max-w-6xl px-4 py-8">
          {children}
        </main>
        <footer className="mx-auto max-w-6xl px-4 pb-10 text-xs text-slate-500">
          Образцы статей в архиве вымышлены и помечены как образцы; лемматизация — словарь OpenCorpora (CC BY-SA).
        </footer>
      </body>
    </html>
  );
}
