import { lazyLinkedom } from "./lazy";

/** Elements whose text is one paragraph, unless they hold other such elements. */
const BLOCKS = new Set(["P", "H1", "H2", "H3", "H4", "H5", "H6", "LI", "BLOCKQUOTE", "PRE", "DD", "DT", "FIGCAPTION", "TD", "TH", "DIV", "SECTION", "ARTICLE", "MAIN", "UL", "OL", "TABLE", "TR", "TBODY", "THEAD", "DL", "FIGURE", "HEADER", "FOOTER", "ASIDE"]);
const SKIP = new Set(["SCRIPT", "STYLE", "NOSCRIPT", "TEMPLATE", "SVG", "IFRAME", "BUTTON", "FORM", "SELECT", "TEXTAREA"]);

/** HTML's own white-space collapsing: ASCII white space only, so a no-break space stays one, as a browser shows it. */
export function collapse(s: string): string {
  return s.replace(/[ \t\n\r\f]+/g, " ").replace(/^ | $/g, "");
}

interface MinimalNode {
  nodeType: number;
  nodeName: string;
  textContent: string | null;
  childNodes: ArrayLike<MinimalNode>;
}

/**
 * The paragraphs of an element tree: each block element without block children is one
 * paragraph; text directly inside a container (between its blocks) is one too; `<br><br>`
 * splits a paragraph.
 */
export function blockTexts(root: MinimalNode): string[] {
  const out: string[] = [];
  let inline = "";
  const flush = () => {
    for (const part of inline.split(/\u0000\s*\u0000/)) {
      const t = collapse(part.replace(/\u0000/g, " "));
      if (t) out.push(t);
    }
    inline = "";
  };
  const walk = (node: MinimalNode) => {
    for (let i = 0; i < node.childNodes.length; i++) {
      const child = node.childNodes[i]!;
      if (child.nodeType === 3) inline += child.textContent ?? "";
      else if (child.nodeType === 1) {
        const name = child.nodeName.toUpperCase();
        if (SKIP.has(name)) continue;
        if (name === "BR") inline += "\u0000";
        else if (BLOCKS.has(name)) {
          flush();
          walk(child);
          flush();
        } else walk(child);
      }
    }
  };
  walk(root);
  flush();
  return out.map((t) => t.replace(/\u0000/g, " "));
}

/** An HTML fragment (a feed item's description, a Word file converted by mammoth) as paragraphs. */
export function htmlToParagraphs(html: string): string[] {
  const { document } = lazyLinkedom().parseHTML(`<!doctype html><html><head></head><body>${html}</body></html>`);
  return blockTexts(document.body as unknown as MinimalNode);
}

/** An HTML fragment as one line of text (a title given as HTML). */
export function htmlToLine(html: string): string {
  return collapse(htmlToParagraphs(html).join(" "));
}
