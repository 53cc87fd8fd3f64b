import { webLightTheme } from "@fluentui/tokens";
import { Button, ButtonDefinition } from "@fluentui/web-components/button/index.js";
import { Field, FieldDefinition } from "@fluentui/web-components/field/index.js";
import { Radio, RadioDefinition } from "@fluentui/web-components/radio/index.js";
import { RadioGroup, RadioGroupDefinition } from "@fluentui/web-components/radio-group/index.js";
import { Slider, SliderDefinition } from "@fluentui/web-components/slider/index.js";
import { Tab, TabDefinition } from "@fluentui/web-components/tab/index.js";
import { Tablist, TablistDefinition } from "@fluentui/web-components/tablist/index.js";
import { TextInput, TextInputDefinition } from "@fluentui/web-components/text-input/index.js";
import { setTheme } from "@fluentui/web-components/theme/set-theme.js";

/**
 * Registers the Fluent UI web components the taskpane uses (and only those, to keep the bundle small) and sets
 * Fluent's light theme. Safe to call more than once.
 */
export function installFluent(): void {
  const definitions = [
    () => Button.define(ButtonDefinition),
    () => Field.define(FieldDefinition),
    () => Radio.define(RadioDefinition),
    () => RadioGroup.define(RadioGroupDefinition),
    () => Slider.define(SliderDefinition),
    () => Tab.define(TabDefinition),
    () => Tablist.define(TablistDefinition),
    () => TextInput.define(TextInputDefinition),
  ];
  const names = [
    ButtonDefinition,
    FieldDefinition,
    RadioDefinition,
    RadioGroupDefinition,
    SliderDefinition,
    TabDefinition,
    TablistDefinition,
    TextInputDefinition,
  ];
  names.forEach((definition, index) => {
    if (customElements.get(definition.name) === undefined) definitions[index]?.();
  });
  setTheme(webLightTheme);
}

export type { Slider, TextInput, RadioGroup, Tablist };
