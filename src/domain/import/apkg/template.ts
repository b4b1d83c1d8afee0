/**
 * A small renderer for Anki card templates, enough to turn a note into the front and back of a
 * Layerdeck card. It reads `{{Field}}` and filters such as `{{text:Field}}`, where the field name
 * is the part after the last colon. It reads sections `{{#Field}}…{{/Field}}` and
 * `{{^Field}}…{{/Field}}`, and the special fields `FrontSide`, `Tags`, `Deck`, `Subdeck`, `Card`
 * and `Type`. Text-to-speech tags and unknown fields render as nothing. Scripts in templates are
 * left for the sanitizer to remove.
 */

export interface TemplateContext {
  readonly fields: ReadonlyMap<string, string>;
  readonly side: 'front' | 'back';
  readonly tags: readonly string[];
  readonly deck: string;
  readonly card: string;
  readonly notetype: string;
  /** The text `{{FrontSide}}` renders as. */
  readonly frontSide: string;
}

type Node = { kind: 'text'; text: string } | { kind: 'field'; filters: string[]; name: string } | { kind: 'section'; name: string; inverted: boolean; children: Node[] };

const TAG = /\{\{([\s\S]*?)\}\}/g;

function parse(template: string): Node[] {
  const root: Node[] = [];
  const stack: { name: string; children: Node[] }[] = [{ name: '', children: root }];
  let last = 0;
  for (const match of template.matchAll(TAG)) {
    const children = stack[stack.length - 1]!.children;
    if (match.index > last) children.push({ kind: 'text', text: template.slice(last, match.index) });
    last = match.index + match[0].length;
    const inner = match[1]!.trim();
    if (inner.startsWith('#') || inner.startsWith('^')) {
      const section: Node = { kind: 'section', name: inner.slice(1).trim(), inverted: inner.startsWith('^'), children: [] };
      children.push(section);
      stack.push({ name: section.name, children: section.children });
    } else if (inner.startsWith('/')) {
      // Anki rejects a template whose sections do not nest; here a stray close is ignored.
      if (stack.length > 1 && stack[stack.length - 1]!.name === inner.slice(1).trim()) stack.pop();
    } else if (inner.startsWith('!')) {
      continue;
    } else {
      const parts = inner.split(':');
      const name = parts.pop()!.trim();
      children.push({ kind: 'field', filters: parts.map((part) => part.trim()), name });
    }
  }
  if (last < template.length) stack[stack.length - 1]!.children.push({ kind: 'text', text: template.slice(last) });
  return root;
}

/** Anki treats a field as empty when it holds only whitespace and empty markup such as `<br>`. */
export function fieldIsEmpty(value: string): boolean {
  return value.replace(/<\/?(br|div|p|span)\b[^>]*>/gi, '').replace(/&nbsp;|\s/g, '') === '';
}

const FURIGANA = / ?([^ >]+?)\[(.+?)\]/g;

function applyFilter(filter: string, value: string, side: 'front' | 'back'): string {
  const name = filter.toLowerCase();
  if (name === 'text') return value.replace(/<[^>]*>/g, '');
  if (name === 'type' || name.startsWith('type-')) return side === 'front' ? '' : value;
  if (name === 'furigana') return value.replace(FURIGANA, '<ruby><rb>$1</rb><rt>$2</rt></ruby>');
  if (name === 'kana') return value.replace(FURIGANA, '$2');
  if (name === 'kanji') return value.replace(FURIGANA, '$1');
  if (name === 'tts' || name.startsWith('tts ')) return '';
  return value;
}

function valueOf(name: string, context: TemplateContext): string {
  switch (name) {
    case 'FrontSide':
      return context.frontSide;
    case 'Tags':
      return context.tags.join(' ');
    case 'Deck':
      return context.deck;
    case 'Subdeck':
      return context.deck.split('::').pop() ?? '';
    case 'Card':
      return context.card;
    case 'Type':
      return context.notetype;
    default:
      return context.fields.get(name) ?? '';
  }
}

function render(nodes: readonly Node[], context: TemplateContext): string {
  let output = '';
  for (const node of nodes) {
    if (node.kind === 'text') {
      output += node.text;
    } else if (node.kind === 'section') {
      const empty = fieldIsEmpty(valueOf(node.name, context));
      if (empty === node.inverted) output += render(node.children, context);
    } else if (node.filters.some((filter) => /^tts\b/i.test(filter))) {
      continue;
    } else {
      let value = valueOf(node.name, context);
      for (const filter of [...node.filters].reverse()) value = applyFilter(filter, value, context.side);
      output += value;
    }
  }
  return output;
}

export function renderTemplate(template: string, context: TemplateContext): string {
  return render(parse(template), context);
}

const ANSWER_RULE = /<hr\s+id\s*=\s*["']?answer["']?\s*\/?>/i;

/** Trims whitespace and `<br>`s at both ends. */
export function trimHtml(html: string): string {
  return html.replace(/^(?:\s|<br\s*\/?>)+/i, '').replace(/(?:\s|<br\s*\/?>)+$/i, '');
}

/**
 * Renders a standard card: the question, and the answer without the question it usually
 * repeats, because Layerdeck shows the front above the back anyway. The answer is the part after
 * `<hr id=answer>` when the template has one.
 */
export function renderCardSides(front: string, back: string, context: Omit<TemplateContext, 'side' | 'frontSide'>): { front: string; back: string } {
  const question = trimHtml(renderTemplate(front, { ...context, side: 'front', frontSide: '' }));
  const rendered = renderTemplate(back, { ...context, side: 'back', frontSide: '' });
  const rule = ANSWER_RULE.exec(rendered);
  const answer = trimHtml(rule ? rendered.slice(rule.index + rule[0].length) : rendered);
  return { front: question, back: answer };
}

/** Returns the field a cloze template deletes from, named by `{{cloze:Field}}`. */
export function clozeFieldName(template: string): string | undefined {
  for (const match of template.matchAll(TAG)) {
    const parts = match[1]!.split(':').map((part) => part.trim());
    if (parts.length >= 2 && parts.slice(0, -1).some((filter) => filter.toLowerCase() === 'cloze')) return parts[parts.length - 1];
  }
  return undefined;
}

/** The answer side of a cloze template without its cloze field: usually the "Back Extra" field. */
export function renderClozeExtra(back: string, clozeField: string, context: Omit<TemplateContext, 'side' | 'frontSide'>): string {
  const withoutCloze = back.replace(TAG, (tag, inner: string) => (inner.split(':').pop()?.trim() === clozeField && /cloze\s*:/i.test(inner) ? '' : tag));
  return trimHtml(renderTemplate(withoutCloze, { ...context, side: 'back', frontSide: '' }));
}
