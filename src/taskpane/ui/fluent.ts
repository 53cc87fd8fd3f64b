/**
 * Loads the lazy chunk fluentforms.js, which sets Fluent's light theme and registers the form components (text input,
 * field, radio group, radio, slider); resolves when they are defined. The first screen uses no Fluent component: its
 * buttons and view tabs are native elements styled like Fluent's (src/taskpane/ui/controls.ts; issue 14 item 11:
 * initial JS ≤ 110 KB gzipped). Elements rendered before the chunk arrives are upgraded by the browser when it does.
 * @example void installFluentForms();
 */
export async function installFluentForms(): Promise<void> {
  const forms = await import(/* webpackChunkName: "fluentforms" */ "./fluentForms");
  forms.installFluentForms();
}

export type { Slider } from "@fluentui/web-components/slider/index.js";
export type { TextInput } from "@fluentui/web-components/text-input/index.js";
export type { RadioGroup } from "@fluentui/web-components/radio-group/index.js";
