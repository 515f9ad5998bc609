import { createRequire } from "node:module";

/**
 * The readers' heavier libraries, loaded on first use: `npm start` and most imports read only
 * .txt/.md, and linkedom alone takes about a third of a second to load.
 */
const load = createRequire(import.meta.url);

let linkedom: typeof import("linkedom") | undefined;
let fxp: typeof import("fast-xml-parser") | undefined;
let wtf: typeof import("wtf_wikipedia").default | undefined;
let mammoth: typeof import("mammoth") | undefined;

export const lazyLinkedom = () => (linkedom ??= load("linkedom") as typeof import("linkedom"));
export const lazyXmlParser = () => (fxp ??= load("fast-xml-parser") as typeof import("fast-xml-parser"));
export const lazyWtf = () => (wtf ??= ((m: { default?: unknown }) => (m.default ?? m) as typeof import("wtf_wikipedia").default)(load("wtf_wikipedia") as { default?: unknown }));
export const lazyMammoth = () => (mammoth ??= load("mammoth") as typeof import("mammoth"));
