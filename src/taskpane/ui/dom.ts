/** Attributes and properties an element is made with. `on*` keys add event listeners. */
export type Props = Readonly<Record<string, string | number | boolean | null | undefined | EventListener>>;

/**
 * Makes an element: string/number/boolean props become attributes (false/null/undefined are left out, true is an
 * empty attribute), `on<event>` functions become listeners; children are appended (strings as text).
 * @example el("button", { type: "button", onclick: go }, "Next")
 */
export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props?: Props,
  ...children: readonly (Node | string | null | undefined | false)[]
): HTMLElementTagNameMap[K];
export function el(
  tag: string,
  props?: Props,
  ...children: readonly (Node | string | null | undefined | false)[]
): HTMLElement;
export function el(
  tag: string,
  props: Props = {},
  ...children: readonly (Node | string | null | undefined | false)[]
): HTMLElement {
  const node = document.createElement(tag);
  for (const [key, value] of Object.entries(props)) {
    if (typeof value === "function") node.addEventListener(key.slice(2), value);
    else if (value === true) node.setAttribute(key, "");
    else if (value !== false && value !== null && value !== undefined) node.setAttribute(key, String(value));
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    node.append(child);
  }
  return node;
}

/** A CSS-safe id for a field id such as `participantShare.JOB` or `price.selfSupporting`. */
export function domId(prefix: string, id: string): string {
  return `${prefix}-${id.replace(/[^A-Za-z0-9_-]/g, "_")}`;
}

/**
 * A label that may wrap after a slash at narrow widths ("Fleksjob/ledighedsydelse"): a zero-width space after each "/".
 * @example breakable("Fleksjob/ledighedsydelse") // "Fleksjob/\u200bledighedsydelse"
 */
export function breakable(label: string): string {
  return label.replace(/\//g, "/\u200b");
}
