/**
 * Self-contained functions run inside one of our extension pages with `evaluate` (no imports,
 * no closures): what the popup or a person does there, and what the background stored.
 */

/** A message to our background, as the popup would send it (a `page` sender). */
export function sendMessage(message: { type: string; data: unknown }): Promise<unknown> {
  type Runtime = { runtime: { sendMessage(message: unknown): Promise<unknown> } };
  const scope = globalThis as unknown as { browser?: Runtime; chrome: Runtime };
  return (scope.browser ?? scope.chrome).runtime.sendMessage(message);
}

/** storage.local, all of it (key null) or one key's value. */
export function readLocal(key: string | null): Promise<unknown> {
  type Storage = { storage: { local: { get(k: string | null): Promise<Record<string, unknown>> } } };
  const scope = globalThis as unknown as { browser?: Storage; chrome: Storage };
  return (scope.browser ?? scope.chrome).storage.local.get(key).then((all) => (key === null ? all : all[key]));
}

/** Clicks the first `selector` whose trimmed text matches `text` (a regular expression source); false if none yet. */
export function clickControl(arg: { selector: string; text?: string }): boolean {
  const match = arg.text === undefined ? null : new RegExp(arg.text);
  const el = [...document.querySelectorAll<HTMLElement>(arg.selector)].find((e) => !match || match.test(e.textContent?.trim() ?? ''));
  if (!el || (el as HTMLButtonElement).disabled) return false;
  el.focus();
  el.click();
  return true;
}

/** Sets an input's or a select's value and fires input and change, as an edit does; false if it is not there yet. */
export function setControl(arg: { selector: string; value: string }): boolean {
  const el = document.querySelector<HTMLInputElement | HTMLSelectElement>(arg.selector);
  if (!el) return false;
  el.focus();
  el.value = arg.value;
  el.dispatchEvent(new Event('input', { bubbles: true }));
  el.dispatchEvent(new Event('change', { bubbles: true }));
  return true;
}

/** The text of every element matching `selector`. */
export function textsOf(selector: string): string[] {
  return [...document.querySelectorAll(selector)].map((e) => (e.textContent ?? '').replace(/\s+/g, ' ').trim());
}
