import { Button, ButtonDefinition } from "@fluentui/web-components/button/index.js";
import { Tab, TabDefinition } from "@fluentui/web-components/tab/index.js";
import { Tablist, TablistDefinition } from "@fluentui/web-components/tablist/index.js";
import { setTheme } from "@fluentui/web-components/theme/set-theme.js";

/**
 * Fluent's light theme (webLightTheme of @fluentui/tokens) with only the tokens the registered components read: set by
 * webpack's DefinePlugin from scripts/fluentTheme.cjs, so the 459-token theme and its palettes are not in the bundle.
 */
declare const FLUENT_THEME: Readonly<Record<string, string | number>>;

/**
 * Registers the Fluent UI web components the first screen uses (button, tab list, tab) and sets Fluent's light
 * theme. The form components (text input, field, radio group, radio, slider) are registered by
 * {@link installFluentForms} from the lazy chunk fluentforms.js (issue 14 item 11: initial JS ≤ 110 KB gzipped).
 * Safe to call more than once.
 * @example installFluent(); await installFluentForms();
 */
export function installFluent(): void {
  const definitions = [
    { name: ButtonDefinition.name, define: () => Button.define(ButtonDefinition) },
    { name: TabDefinition.name, define: () => Tab.define(TabDefinition) },
    { name: TablistDefinition.name, define: () => Tablist.define(TablistDefinition) },
  ];
  for (const definition of definitions) {
    if (customElements.get(definition.name) === undefined) definition.define();
  }
  setTheme(FLUENT_THEME);
}

/**
 * Loads the lazy chunk fluentforms.js and registers the form components; resolves when they are defined.
 * @example void installFluentForms();
 */
export async function installFluentForms(): Promise<void> {
  const forms = await import(/* webpackChunkName: "fluentforms" */ "./fluentForms");
  forms.installFluentForms();
}

export type { Slider } from "@fluentui/web-components/slider/index.js";
export type { TextInput } from "@fluentui/web-components/text-input/index.js";
export type { RadioGroup } from "@fluentui/web-components/radio-group/index.js";
export type { Tablist };
