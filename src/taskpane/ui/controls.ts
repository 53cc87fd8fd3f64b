import { el, type Props } from "./dom";

/**
 * Native stand-ins for Fluent's button, tab list and tab (issue 14 item 11: initial JS ≤ 110 KB gzipped). A native
 * `<button>` is focusable, pressed with Enter and Space, named by its text and disabled by its `disabled` attribute
 * without any script; taskpane.html styles it with Fluent's light-theme values (class `fui-button`, appearance in
 * `data-appearance`), so the first screen looks as it did with Fluent's components and needs none of their code.
 */

/** A button's look, as Fluent's `appearance` attribute: default (outlined, white), primary (brand blue), outline. */
export type ButtonAppearance = "primary" | "outline";

/**
 * A native button styled as Fluent's button.
 * @example actionButton({ id: "next", appearance: "primary", onclick: () => go() }, "Næste")
 *   // <button type="button" class="fui-button" data-appearance="primary" id="next">Næste</button>
 */
export function actionButton(props: Props & { readonly appearance?: ButtonAppearance }, text: string): HTMLElement {
  const { appearance, ...rest } = props;
  return el("button", { type: "button", class: "fui-button", "data-appearance": appearance, ...rest }, text);
}

/** One tab of {@link viewTabs}: its element id and text. */
export interface TabSpec {
  readonly id: string;
  readonly text: string;
}

/**
 * A tab list (WAI-ARIA tabs with automatic activation, as Fluent's tab list): the selected tab is the one Tab key stop;
 * ArrowLeft/ArrowRight (wrapping), Home and End move to a tab and select it; a click selects it. `onSelect` gets the
 * selected tab's id after the focus has moved to it (so a page drawn again can restore the focus by id).
 * @example viewTabs("Visning", "tab-wizard", [{ id: "tab-wizard", text: "Guide" }, { id: "tab-about", text: "Om" }],
 *   (id) => show(id))
 */
export function viewTabs(
  label: string,
  selected: string,
  tabs: readonly TabSpec[],
  onSelect: (id: string) => void,
): HTMLElement {
  const buttons = tabs.map((tab) =>
    el(
      "button",
      {
        type: "button",
        role: "tab",
        class: "fui-tab",
        id: tab.id,
        "aria-selected": String(tab.id === selected),
        tabindex: tab.id === selected ? "0" : "-1",
        onclick: () => onSelect(tab.id),
      },
      el("span", { class: "fui-tab-content", "data-text": tab.text }, tab.text),
    ),
  );
  const list = el("div", { role: "tablist", class: "fui-tablist views", "aria-label": label }, ...buttons);
  list.addEventListener("keydown", (event) => {
    const current = buttons.findIndex((button) => button === document.activeElement);
    if (current < 0) return;
    const last = buttons.length - 1;
    const next =
      event.key === "ArrowRight"
        ? current === last
          ? 0
          : current + 1
        : event.key === "ArrowLeft"
          ? current === 0
            ? last
            : current - 1
          : event.key === "Home"
            ? 0
            : event.key === "End"
              ? last
              : null;
    const target = next === null ? undefined : buttons[next];
    if (target === undefined) return;
    event.preventDefault();
    target.focus();
    onSelect(target.id);
  });
  return list;
}
