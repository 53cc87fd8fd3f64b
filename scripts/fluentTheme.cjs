// Fluent UI's light theme trimmed to the tokens the taskpane's Fluent components read (issue 14 item 11: initial JS
// ≤ 110 KB gzipped). The full webLightTheme is 459 tokens built at run time from @fluentui/tokens' palettes (about
// 6 KB gzipped); the components the taskpane registers read about 90 of them. webpack.config.js passes this object to
// the bundle as FLUENT_THEME (DefinePlugin), so @fluentui/tokens is not in the bundle; test/taskpane/bundle.test.ts
// checks it against webLightTheme.
const { readFileSync, existsSync } = require("node:fs");
const path = require("node:path");

const ROOT = path.join(__dirname, "..");
const FLUENT_ESM = path.join(ROOT, "node_modules", "@fluentui", "web-components", "dist", "esm");
/** The files that register Fluent components (each imports "@fluentui/web-components/<component>/index.js"). */
const REGISTERING_FILES = ["src/taskpane/ui/fluent.ts", "src/taskpane/ui/fluentForms.ts"];

/** The Fluent components the taskpane registers, e.g. ["button", "tab", …]. */
function registeredComponents() {
  const components = new Set();
  for (const file of REGISTERING_FILES) {
    const source = readFileSync(path.join(ROOT, file), "utf8");
    for (const match of source.matchAll(/@fluentui\/web-components\/([a-z-]+)\/index\.js/g)) components.add(match[1]);
  }
  return [...components].sort();
}

/** Every file of @fluentui/web-components those components import (relative imports, transitively). */
function componentFiles(components) {
  const seen = new Set();
  const pending = components.map((component) => path.join(FLUENT_ESM, component, "index.js"));
  while (pending.length > 0) {
    const file = pending.pop();
    if (seen.has(file) || !existsSync(file)) continue;
    seen.add(file);
    const source = readFileSync(file, "utf8");
    for (const match of source.matchAll(/from\s*["'](\.{1,2}\/[^"']+)["']/g)) {
      pending.push(path.resolve(path.dirname(file), match[1]));
    }
  }
  return [...seen];
}

/**
 * The light theme's tokens that the registered components' files name (design-tokens.js, which names them all, is not
 * counted), with webLightTheme's values, sorted by name.
 */
function fluentTheme() {
  const { webLightTheme } = require("@fluentui/tokens");
  const sources = componentFiles(registeredComponents())
    .filter((file) => path.basename(file) !== "design-tokens.js")
    .map((file) => readFileSync(file, "utf8"))
    .join("\n");
  const used = Object.keys(webLightTheme).filter((token) => new RegExp(`\\b${token}\\b`).test(sources));
  return Object.fromEntries(used.sort().map((token) => [token, webLightTheme[token]]));
}

module.exports = { fluentTheme, registeredComponents };
