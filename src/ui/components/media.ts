/**
 * Images and sounds of imported decks. Card fields name media files as Anki does:
 * `<img src="cat.png">` and `[sound:meow.mp3]`. The sanitizer hook below moves every relative
 * `src` to `data-media`, so the browser never requests it from the server, and a
 * MutationObserver turns `[sound:…]` text into audio players and points `data-media` elements
 * at object URLs of the stored files.
 */
import DOMPurify from 'dompurify';

/** Reads a stored media file; `deckId` is the deck on screen, when one is. */
export type MediaLoader = (deckId: string | undefined, name: string) => Promise<Blob | undefined>;

const MEDIA_TAGS = new Set(['IMG', 'AUDIO', 'VIDEO', 'SOURCE']);
/** A URL with a scheme (`https:`, `data:`, `blob:`), a protocol-relative or absolute path, or a fragment. */
const NOT_MEDIA_NAME = /^(?:[a-z][a-z0-9+.-]*:|\/|#)/i;
const SOUND = /\[sound:([^\]]+)\]/g;

DOMPurify.addHook('afterSanitizeAttributes', (node) => {
  if (!MEDIA_TAGS.has(node.tagName)) return;
  const src = node.getAttribute('src');
  if (src === null || src === '' || NOT_MEDIA_NAME.test(src)) return;
  node.setAttribute('data-media', src);
  node.removeAttribute('src');
});

const urls = new Map<string, Promise<string | undefined>>();

function objectUrl(load: MediaLoader, deckId: string | undefined, name: string): Promise<string | undefined> {
  const key = `${deckId ?? ''}\n${name}`;
  let url = urls.get(key);
  if (!url) {
    url = (async () => {
      // Some exporters percent-encode names in fields (`my%20cat.png` for `my cat.png`).
      let blob = await load(deckId, name);
      if (!blob && name.includes('%')) blob = await load(deckId, safeDecode(name));
      return blob && URL.createObjectURL(blob);
    })();
    urls.set(key, url);
  }
  return url;
}

function safeDecode(name: string): string {
  try {
    return decodeURIComponent(name);
  } catch {
    return name;
  }
}

/** Replaces `[sound:name]` in the text of rendered deck fields with audio players. */
function replaceSoundTags(root: Element): void {
  const containers = root.matches('.markdown') ? [root] : [...root.querySelectorAll('.markdown')];
  for (const container of containers) {
    const walker = document.createTreeWalker(container, NodeFilter.SHOW_TEXT);
    const matches: Text[] = [];
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      if (node.nodeValue?.includes('[sound:') && !node.parentElement?.closest('code, pre')) matches.push(node as Text);
    }
    for (const text of matches) {
      const value = text.nodeValue ?? '';
      const parts: Node[] = [];
      let last = 0;
      for (const match of value.matchAll(SOUND)) {
        if (match.index > last) parts.push(document.createTextNode(value.slice(last, match.index)));
        const audio = document.createElement('audio');
        audio.controls = true;
        audio.className = 'media-sound';
        audio.dataset.media = match[1]!;
        parts.push(audio);
        last = match.index + match[0].length;
      }
      if (last < value.length) parts.push(document.createTextNode(value.slice(last)));
      text.replaceWith(...parts);
    }
  }
}

function resolveMedia(root: Element, load: MediaLoader, deckId: string | undefined): void {
  const elements = root.matches('[data-media]') ? [root] : [...root.querySelectorAll('[data-media]')];
  for (const element of elements) {
    if (element.hasAttribute('data-media-state')) continue;
    element.setAttribute('data-media-state', 'loading');
    const name = element.getAttribute('data-media') ?? '';
    void objectUrl(load, deckId, name)
      .catch(() => undefined)
      .then((url) => {
        if (url) element.setAttribute('src', url);
        element.setAttribute('data-media-state', url ? 'ready' : 'missing');
      });
  }
}

/**
 * Watches `root` for rendered deck fields and fills in their media. Returns a function that
 * stops watching.
 */
export function watchMedia(root: Element, load: MediaLoader, currentDeck: () => string | undefined): () => void {
  const process = (element: Element) => {
    replaceSoundTags(element);
    resolveMedia(element, load, currentDeck());
  };
  const observer = new MutationObserver((records) => {
    for (const record of records) {
      for (const node of record.addedNodes) {
        if (node instanceof Element) process(node);
        else if (node.parentElement) process(node.parentElement);
      }
    }
  });
  observer.observe(root, { childList: true, subtree: true });
  process(root);
  return () => observer.disconnect();
}
