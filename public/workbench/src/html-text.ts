// A saved web page reduced to its main text before it becomes a source: Mozilla's Readability (the algorithm of
// Firefox's Reader View) on the browser's own DOMParser, then its paragraphs as plain text, one blank line apart.
// Done in the page, not on the server: the API stores and checks quotes against plain text only, and the
// browser already is a complete, maintained DOM, so no second DOM implementation is needed.
import { Readability } from '@mozilla/readability';

export interface MainText {
  title: string | null;
  byline: string | null;
  published: string | null;
  language: string | null;
  text: string;
}

const blocks = 'p, h1, h2, h3, h4, h5, h6, li, blockquote, pre, figcaption, td, th, dd, dt';
const squash = (s: string) => s.replace(/[ \t\r\n\u00A0]+/g, ' ').trim();

/** The paragraphs of an HTML fragment as text: innermost blocks only, so a quoted paragraph is not doubled. */
export function paragraphs(root: ParentNode): string {
  const out: string[] = [];
  for (const el of Array.from(root.querySelectorAll(blocks))) {
    if (el.querySelector(blocks)) continue;
    const text = el.tagName === 'PRE' ? (el.textContent ?? '').trim() : squash(el.textContent ?? '');
    if (text !== '') out.push(text);
  }
  return out.length > 0 ? out.join('\n\n') : squash(root.textContent ?? '');
}

export function mainTextOfHtml(html: string): MainText {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  const language = doc.documentElement.getAttribute('lang');
  const article = new Readability(doc.cloneNode(true) as Document, { charThreshold: 100 }).parse();
  if (!article?.content) {
    return { title: squash(doc.title) || null, byline: null, published: null, language, text: paragraphs(doc.body ?? doc) };
  }
  const content = new DOMParser().parseFromString(article.content, 'text/html');
  return {
    title: article.title ? squash(article.title) : null,
    byline: article.byline ? squash(article.byline) : null,
    published: article.publishedTime ?? null,
    language: article.lang ?? language,
    text: paragraphs(content.body),
  };
}
