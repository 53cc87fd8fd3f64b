/**
 * Sizes of the built taskpane's JavaScript (issue 14 item 11), gzipped at level 9 as a web server would send them:
 * the initial scripts are the local `<script src>` of taskpane.html (office.js comes from Microsoft's CDN and is not
 * counted); every other .js file of the build is a lazy chunk (loaded by `import()` after the first screen or on
 * demand) or functions.js (the standalone custom-functions bundle, never loaded by taskpane.html).
 */
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";

/** One built script: file name and gzipped size in bytes. */
export interface ScriptSize {
  readonly file: string;
  readonly gzipBytes: number;
}

/** The initial scripts of taskpane.html and the other scripts of the build, each with its gzipped size. */
export interface BundleSizes {
  readonly initial: readonly ScriptSize[];
  readonly other: readonly ScriptSize[];
  /** Sum of the initial scripts' gzipped sizes in bytes. */
  readonly initialGzipBytes: number;
}

/** Budget of the initial scripts (issue 14 item 11): 110 KB gzipped, KB = 1,024 bytes. */
export const INITIAL_JS_BUDGET_KB = 110;

/**
 * The local scripts taskpane.html loads, in order (`src` of each `<script>` that is not an http(s) URL).
 * @example initialScripts('<script src="https://x/office.js"></script><script defer src=taskpane.js></script>')
 *   // ["taskpane.js"]
 */
export function initialScripts(html: string): string[] {
  const sources: string[] = [];
  for (const match of html.matchAll(/<script\b[^>]*?\bsrc=(?:"([^"]+)"|'([^']+)'|([^\s>]+))[^>]*>/gi)) {
    const src = match[1] ?? match[2] ?? match[3] ?? "";
    if (!/^(https?:)?\/\//i.test(src)) sources.push(src);
  }
  return sources;
}

/**
 * The gzipped sizes of a build in `dist` (taskpane.html and its .js files).
 * @example bundleSizes("dist").initialGzipBytes / 1024 // ≈ 109 (KB)
 */
export function bundleSizes(dist: string): BundleSizes {
  const size = (file: string): ScriptSize => ({
    file,
    gzipBytes: gzipSync(readFileSync(join(dist, file)), { level: 9 }).length,
  });
  const initialFiles = initialScripts(readFileSync(join(dist, "taskpane.html"), "utf8"));
  if (initialFiles.length === 0) throw new Error(`${dist}/taskpane.html loads no local script`);
  const initial = initialFiles.map(size);
  const other = readdirSync(dist)
    .filter((file) => file.endsWith(".js") && !initialFiles.includes(file))
    .sort()
    .map(size);
  return { initial, other, initialGzipBytes: initial.reduce((sum, script) => sum + script.gzipBytes, 0) };
}
