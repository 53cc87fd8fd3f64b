import { Field, FieldDefinition } from "@fluentui/web-components/field/index.js";
import { Radio, RadioDefinition } from "@fluentui/web-components/radio/index.js";
import { RadioGroup, RadioGroupDefinition } from "@fluentui/web-components/radio-group/index.js";
import { Slider, SliderDefinition } from "@fluentui/web-components/slider/index.js";
import { TextInput, TextInputDefinition } from "@fluentui/web-components/text-input/index.js";
import { setTheme } from "@fluentui/web-components/theme/set-theme.js";

/**
 * Fluent's light theme (webLightTheme of @fluentui/tokens) with only the tokens the registered components read: set by
 * webpack's DefinePlugin from scripts/fluentTheme.cjs, so the 459-token theme and its palettes are not in the bundle.
 */
declare const FLUENT_THEME: Readonly<Record<string, string | number>>;

/**
 * Sets Fluent's light theme and registers the Fluent UI form components (text input, field, radio group, radio,
 * slider), the only Fluent components the taskpane uses. They are the lazy chunk fluentforms.js, loaded right after
 * the wizard is interactive (issue 14 item 11); elements rendered before it arrives are upgraded by the browser when it
 * does. Safe to call more than once.
 * @example await import("./fluentForms").then((forms) => forms.installFluentForms())
 */
export function installFluentForms(): void {
  const definitions = [
    { name: FieldDefinition.name, define: () => Field.define(FieldDefinition) },
    { name: RadioDefinition.name, define: () => Radio.define(RadioDefinition) },
    { name: RadioGroupDefinition.name, define: () => RadioGroup.define(RadioGroupDefinition) },
    { name: SliderDefinition.name, define: () => Slider.define(SliderDefinition) },
    { name: TextInputDefinition.name, define: () => TextInput.define(TextInputDefinition) },
  ];
  setTheme(FLUENT_THEME);
  for (const definition of definitions) {
    if (customElements.get(definition.name) === undefined) definition.define();
  }
}
