/**
 * The non-personal shape of a feed card, kept when a user says "ScrollCart missed this ad"
 * (issue 3 § Diagnostics): enough to see which hooks and label texts a new TikTok build uses,
 * nothing about who posted what. Kept: tag names, `data-e2e` hooks, roles, enumerated `aria-*`
 * values, and short texts outside user-written parts and links. Dropped: captions, names,
 * sound titles, URLs, attribute values that could hold them, long item ids. Depth-, node- and
 * text-bounded, so a huge or hostile card still yields a small record.
 */
import { NOT_A_LABEL } from './signals';
import { isAdLabelText } from './dom-labels';
import { oneLine } from './text';

export interface ShapeNode {
  tag: string;
  e2e?: string;
  role?: string;
  /** `aria-*` attributes: enumerated values kept; free text kept only when it is a known ad label, else '…'. */
  aria?: Record<string, string>;
  /** The element id with long digit runs (item ids) replaced by `<id>`. */
  id?: string;
  /** Short own text, only outside user-written parts and links. */
  text?: string;
  children?: ShapeNode[];
  /** Children left out by the bounds. */
  omitted?: number;
}

export interface CardShape {
  version: 1;
  root: ShapeNode;
  /** Every `data-e2e` hook in the card, sorted. */
  hooks: string[];
  /** The short texts kept, in document order, deduplicated (label candidates). */
  texts: string[];
  nodes: number;
  truncated: boolean;
}

const MAX_DEPTH = 16;
const MAX_NODES = 300;
const MAX_CHILDREN = 40;
const MAX_TEXT = 32;
const MAX_TEXTS = 40;
const ENUMERATED = /^(true|false|mixed|undefined|on|off|polite|assertive|page|step|location|date|time|menu|listbox|tree|grid|dialog|\d{1,3})$/;
/** Texts that look like a handle, hashtag, URL or e-mail are personal or pointers: never kept. */
const POINTER_LIKE = /[@#/]|www\.|\.[a-z]{2,}\b/i;

interface Budget {
  nodes: number;
  truncated: boolean;
  hooks: Set<string>;
  texts: string[];
}

function clean(value: string): string {
  return oneLine(value, 64);
}

function ownText(el: Element): string {
  let text = '';
  for (const child of el.childNodes) if (child.nodeType === 3) text += child.nodeValue ?? '';
  return oneLine(text, MAX_TEXT + 1);
}

function shapeOf(el: Element, depth: number, personal: boolean, budget: Budget): ShapeNode {
  budget.nodes += 1;
  const node: ShapeNode = { tag: el.tagName.toLowerCase().slice(0, 32) };
  const e2e = el.getAttribute('data-e2e');
  if (e2e) budget.hooks.add((node.e2e = clean(e2e)));
  const role = el.getAttribute('role');
  if (role && /^[a-z ]{1,40}$/.test(role)) node.role = role;
  for (const attr of el.attributes) {
    if (!attr.name.startsWith('aria-')) continue;
    const keep = ENUMERATED.test(attr.value) || isAdLabelText(attr.value);
    (node.aria ??= {})[attr.name.slice(0, 32)] = keep ? clean(attr.value) : '…';
  }
  if (el.id) node.id = clean(el.id.replace(/\d{6,}/g, '<id>'));
  const inUserText = personal || el.matches(NOT_A_LABEL) || el.matches('a[href]');
  const text = inUserText ? '' : ownText(el);
  if (text && text.length <= MAX_TEXT && !POINTER_LIKE.test(text)) {
    node.text = text;
    if (budget.texts.length < MAX_TEXTS && !budget.texts.includes(text)) budget.texts.push(text);
  }
  const children = [...el.children];
  if (children.length === 0) return node;
  if (depth >= MAX_DEPTH) {
    node.omitted = children.length;
    budget.truncated = true;
    return node;
  }
  node.children = [];
  for (const child of children.slice(0, MAX_CHILDREN)) {
    if (budget.nodes >= MAX_NODES) break;
    node.children.push(shapeOf(child, depth + 1, inUserText, budget));
  }
  const left = children.length - node.children.length;
  if (left > 0) {
    node.omitted = left;
    budget.truncated = true;
  }
  return node;
}

export function cardShape(card: Element): CardShape {
  const budget: Budget = { nodes: 0, truncated: false, hooks: new Set(), texts: [] };
  const root = shapeOf(card, 0, false, budget);
  return { version: 1, root, hooks: [...budget.hooks].sort(), texts: budget.texts, nodes: budget.nodes, truncated: budget.truncated };
}
