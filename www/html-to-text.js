// Turns a saved web page into the article's plain text: the main content only, one
// paragraph per block, with scripts, navigation and page furniture dropped. DOMParser
// builds an inert document: nothing in it runs or loads.

const DROP = 'script, style, noscript, template, iframe, object, embed, svg, canvas, nav, header, footer, aside, form, button, select, [hidden], [aria-hidden="true"]';
const BLOCK = new Set([
  'ADDRESS', 'ARTICLE', 'BLOCKQUOTE', 'DD', 'DIV', 'DL', 'DT', 'FIGCAPTION', 'FIGURE', 'H1', 'H2', 'H3',
  'H4', 'H5', 'H6', 'HR', 'LI', 'MAIN', 'OL', 'P', 'PRE', 'SECTION', 'TABLE', 'TD', 'TH', 'TR', 'UL',
]);

/** The main text of an HTML document, paragraphs separated by blank lines. */
export function htmlToText(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const headline = doc.querySelector('article h1, main h1, h1');
  const headlineText = headline ? clean(headline.textContent) : '';
  for (const node of doc.querySelectorAll(DROP)) node.remove();
  const root = doc.querySelector('article') || doc.querySelector('main, [role="main"]') || doc.body;
  if (!root) return '';
  const paragraphs = [];
  let line = '';
  const flush = () => {
    const t = clean(line);
    if (t) paragraphs.push(t);
    line = '';
  };
  const walk = (node) => {
    for (const child of node.childNodes) {
      if (child.nodeType === Node.TEXT_NODE) line += child.data;
      else if (child.nodeType === Node.ELEMENT_NODE) {
        if (child.tagName === 'BR') {
          flush();
        } else if (BLOCK.has(child.tagName)) {
          flush();
          walk(child);
          flush();
        } else walk(child);
      }
    }
  };
  walk(root);
  flush();
  // A headline that sat outside the article element still belongs at the top.
  if (headlineText && !paragraphs.includes(headlineText)) paragraphs.unshift(headlineText);
  return paragraphs.join('\n\n');
}

function clean(s) {
  return s.replace(/[\s\u00a0]+/g, ' ').trim();
}
