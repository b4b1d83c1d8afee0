import DOMPurify from 'dompurify';
import { Marked } from 'marked';
import { CLOZE_MARK_END, CLOZE_MARK_START } from '../../domain/deck/cloze';

/** Deck text is untrusted: raw HTML in Markdown is kept only as far as the sanitizer allows. */
const marked = new Marked({ gfm: true, breaks: false, async: false });

const cache = new Map<string, string>();
const CACHE_LIMIT = 500;

function cached(key: string, render: () => string): string {
  const hit = cache.get(key);
  if (hit !== undefined) return hit;
  const html = render();
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, html);
  return html;
}

function sanitize(html: string): string {
  // Cloze highlights arrive as private-use marker characters, also inside code spans.
  const marked = html.replaceAll(CLOZE_MARK_START, '<mark class="cloze">').replaceAll(CLOZE_MARK_END, '</mark>');
  return DOMPurify.sanitize(marked, { USE_PROFILES: { html: true }, FORBID_TAGS: ['style', 'form', 'input', 'button'] });
}

/** Renders deck Markdown to sanitized HTML; links open in a new tab and never navigate the app. */
export function renderMarkdown(text: string, inline = false): string {
  return cached(`${inline ? 'i' : 'b'}:${text}`, () => sanitize(inline ? (marked.parseInline(text) as string) : (marked.parse(text) as string)));
}

/** Sanitizes a field that is already HTML, such as an imported Anki field. */
export function renderHtml(text: string): string {
  return cached(`h:${text}`, () => sanitize(text));
}

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});
