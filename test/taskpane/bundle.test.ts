/**
 * The bundle split of the taskpane page (issue 14 item 11), checked on the sources (no build): the lazy chunk
 * customfunctions.js registers exactly the files of functions.js, and bench/bundle.ts counts the right scripts as
 * initial. The gzipped sizes and the time to interactive are measured by `npm run bench` (bench/taskpane.ts), not
 * here: a size needs a production build (minutes) and a time depends on the machine.
 */
import { existsSync, readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { dirname, join } from "node:path";
import { describe, expect, it } from "vitest";
import { initialScripts } from "../../bench/bundle";

const require = createRequire(import.meta.url);
const { FUNCTION_FILES } = require("../../scripts/functions-metadata.cjs") as { FUNCTION_FILES: string[] };
const { fluentTheme, registeredComponents } = require("../../scripts/fluentTheme.cjs") as {
  fluentTheme: () => Record<string, string | number>;
  registeredComponents: () => string[];
};
const { webLightTheme } = require("@fluentui/tokens") as { webLightTheme: Record<string, string | number> };

/** The relative module paths of the side-effect imports (`import "…";`) of a source file. */
function bareImports(source: string): string[] {
  return [...source.matchAll(/^import "([^"]+)";$/gm)].map((match) => match[1] ?? "");
}

describe("customfunctions.js (src/taskpane/host/customFunctions.ts)", () => {
  it("imports the runtime guard, then every file of functions.js, in the same order", () => {
    const source = readFileSync(join("src", "taskpane", "host", "customFunctions.ts"), "utf8");
    const files = bareImports(source).map((path) => path.replace(/^\.\.\/\.\.\//, "./src/") + ".ts");
    expect(files).toEqual(["./src/functions/runtimeGuard.ts", ...FUNCTION_FILES]);
  });

  it("is loaded lazily by the entry, which imports no function file itself", () => {
    const entry = readFileSync(join("src", "taskpane", "taskpane.ts"), "utf8");
    expect(entry).toContain('import(/* webpackChunkName: "customfunctions" */ "./host/customFunctions")');
    expect(entry).not.toMatch(/^import[^;]*functions\//m);
  });
});

describe("views.js (src/taskpane/ui/viewsLoader.ts)", () => {
  it("is loaded with import() by the loader only, and right after the first screen by the entry", () => {
    const loader = readFileSync(join("src", "taskpane", "ui", "viewsLoader.ts"), "utf8");
    expect(loader).toContain('import(/* webpackChunkName: "views" */ "./lazyViews")');
    const entry = readFileSync(join("src", "taskpane", "taskpane.ts"), "utf8");
    expect(entry).toContain('loadViews().catch(reportLoadFailure("views.js"))');
  });
});

describe("details.js (src/taskpane/ui/detailsLoader.ts): the preview's tables and chart", () => {
  it("is loaded with import() by the loader only, after the first paint by the entry", () => {
    const loader = readFileSync(join("src", "taskpane", "ui", "detailsLoader.ts"), "utf8");
    expect(loader).toContain('import(/* webpackChunkName: "details" */ "./previewDetails")');
    const entry = readFileSync(join("src", "taskpane", "taskpane.ts"), "utf8");
    expect(entry).toContain('app.showDetails().catch(reportLoadFailure("details.js"))');
    expect(entry.indexOf("afterFirstPaint(() => {")).toBeLessThan(entry.indexOf("app.showDetails()"));
  });
});

describe("initialScripts (bench/bundle.ts)", () => {
  it("counts the local scripts of taskpane.html, not office.js from the CDN", () => {
    const html =
      "<script src=https://appsforoffice.microsoft.com/lib/1/hosted/office.js></script><style></style>" +
      '<script defer src=taskpane.js></script><script src="a.js" defer></script><script>inline()</script>' +
      "<script src='//cdn.example/b.js'></script>";
    expect(initialScripts(html)).toEqual(["taskpane.js", "a.js"]);
  });

  it("finds none in a page without local scripts", () => {
    expect(initialScripts("<html><head></head><body></body></html>")).toEqual([]);
  });
});

describe("FLUENT_THEME (scripts/fluentTheme.cjs): the light theme trimmed to the tokens the components read", () => {
  it("finds the five form components registered by fluentForms.ts (the buttons and tabs are native)", () => {
    expect(registeredComponents()).toEqual(["field", "radio", "radio-group", "slider", "text-input"]);
  });

  it("keeps webLightTheme's values, the text input's colours and font among them, and drops the unread tokens", () => {
    const theme = fluentTheme();
    for (const [token, value] of Object.entries(theme)) expect(value, token).toBe(webLightTheme[token]);
    // Read by text-input.styles.js (its import list from design-tokens.js).
    for (const token of [
      "colorCompoundBrandStroke",
      "colorNeutralForeground1",
      "fontFamilyBase",
      "borderRadiusMedium",
    ]) {
      expect(theme[token], token).toBe(webLightTheme[token]);
    }
    // Not read by any of the five components (a palette colour of the status tokens).
    expect(theme.colorPaletteRedBackground1).toBeUndefined();
    expect(Object.keys(theme).length).toBeLessThan(Object.keys(webLightTheme).length / 3);
  });

  it("is what the text input's style sheet names: every token it imports from design-tokens.js is kept", () => {
    const styles = readFileSync(
      join("node_modules", "@fluentui", "web-components", "dist", "esm", "text-input", "text-input.styles.js"),
      "utf8",
    );
    const imported = /import \{([^}]*)\} from '\.\.\/theme\/design-tokens\.js'/.exec(styles)?.[1] ?? "";
    const names = imported
      .split(",")
      .map((name) => name.trim())
      .filter((name) => name !== "");
    expect(names.length).toBeGreaterThan(20);
    const theme = fluentTheme();
    expect(names.filter((name) => theme[name] === undefined)).toEqual([]);
  });
});

/**
 * The modules taskpane.js reaches through value imports (`import { x } from`, `export … from`, `import "…"`; not
 * `import type`, not `import()`), found by reading the sources from the entry.
 */
function initialModules(entry: string): Set<string> {
  const seen = new Set<string>();
  const pending = [entry];
  for (let file = pending.pop(); file !== undefined; file = pending.pop()) {
    if (seen.has(file)) continue;
    seen.add(file);
    const source = readFileSync(file, "utf8");
    const statements = source.matchAll(
      /^(?:import|export)\s+(type\s+)?([^;]*?)\s*from\s+"(\.[^"]+)";|^import\s+"(\.[^"]+)";/gms,
    );
    for (const [, typeOnly, names = "", from, bare] of statements) {
      const specifier = from ?? bare;
      if (specifier === undefined || typeOnly !== undefined) continue;
      const inBraces = /^\{([^}]*)\}$/.exec(names.trim())?.[1];
      if (inBraces !== undefined && inBraces.split(",").every((name) => /^\s*(type\s|$)/.test(name))) continue;
      const base = join(dirname(file), specifier);
      const resolved = [`${base}.ts`, join(base, "index.ts")].find((candidate) => existsSync(candidate));
      if (resolved !== undefined) pending.push(resolved);
    }
  }
  return seen;
}

describe("the initial script (taskpane.js) leaves the lazy parts out (issue 14 item 11)", () => {
  const initial = initialModules(join("src", "taskpane", "taskpane.ts"));

  it("reaches the wizard, its state and the engine modules the first screen computes with", () => {
    for (const file of ["ui/app.ts", "state/reducer.ts", "preview/preview.ts", "preview/lossLoader.ts"]) {
      expect(initial.has(join("src", "taskpane", file)), file).toBe(true);
    }
    expect(initial.has(join("src", "engine", "businessCase.ts"))).toBe(true);
  });

  it("does not reach Fluent UI or FAST: the first screen's buttons and tabs are native (src/taskpane/ui/controls.ts)", () => {
    const fluent = [...initial].filter((file) =>
      /^(?:import|export)\s+(?!type\b)[^;]*from\s+"@(?:fluentui|microsoft\/fast)[^"]*";|^import\s+"@(?:fluentui|microsoft\/fast)/m.test(
        readFileSync(file, "utf8"),
      ),
    );
    expect(fluent).toEqual([]);
    expect(initial.has(join("src", "taskpane", "ui", "controls.ts"))).toBe(true);
    expect(initial.has(join("src", "taskpane", "ui", "fluentForms.ts"))).toBe(false);
    // No Fluent element is made by the wizard's own code outside the form views (fields, choices, sliders).
    const app = readFileSync(join("src", "taskpane", "ui", "app.ts"), "utf8");
    expect(app.match(/"fluent-[a-z-]+"/g) ?? []).toEqual([]);
  });

  it("does not reach the Monte Carlo, the case-file parser, the plan builder, the Excel writer or the later views", () => {
    const lazy = [
      ["src", "taskpane", "preview", "lossAdapter.ts"],
      ["src", "engine", "stress", "simulate.ts"],
      ["src", "taskpane", "state", "caseFile.ts"],
      ["src", "engine", "modelFile.ts"],
      ["src", "taskpane", "host", "excel.ts"],
      ["src", "plan", "buildPlan.ts"],
      ["src", "taskpane", "ui", "caseViews.ts"],
      // The workshop's views and the About page with the function list: views.js (src/taskpane/ui/viewsLoader.ts).
      ["src", "taskpane", "ui", "workshopView.ts"],
      ["src", "taskpane", "ui", "aboutView.ts"],
      ["src", "taskpane", "about.ts"],
      // The preview's tables and chart and the broad case: details.js (src/taskpane/ui/detailsLoader.ts).
      ["src", "taskpane", "ui", "previewDetails.ts"],
      ["src", "taskpane", "ui", "chart.ts"],
      ["src", "taskpane", "preview", "broadAdapter.ts"],
    ].map((parts) => join(...parts));
    expect(lazy.filter((file) => initial.has(file))).toEqual([]);
  });
});
