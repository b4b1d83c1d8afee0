import DOMPurify from 'dompurify';
import { Marked } from 'marked';

/** Deck text is untrusted: raw HTML in Markdown is kept only as far as the sanitizer allows. */
const marked = new Marked({ gfm: true, breaks: false, async: false });

const cache = new Map<string, string>();
const CACHE_LIMIT = 500;

/** Renders deck Markdown to sanitized HTML; links open in a new tab and never navigate the app. */
export function renderMarkdown(text: string, inline = false): string {
  const key = `${inline ? 'i' : 'b'}:${text}`;
  const cached = cache.get(key);
  if (cached !== undefined) return cached;

  const raw = inline ? (marked.parseInline(text) as string) : (marked.parse(text) as string);
  const html = DOMPurify.sanitize(raw, { USE_PROFILES: { html: true }, FORBID_TAGS: ['style', 'form', 'input', 'button'] });
  if (cache.size >= CACHE_LIMIT) cache.delete(cache.keys().next().value!);
  cache.set(key, html);
  return html;
}

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (node.tagName === 'A') {
    node.setAttribute('target', '_blank');
    node.setAttribute('rel', 'noopener noreferrer');
  }
});
