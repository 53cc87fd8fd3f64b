import { existsSync, mkdirSync, readFileSync, readdirSync, rmSync, statSync } from "node:fs";
import { spawnSync } from "node:child_process";
import { dirname, join, resolve } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";

/** Debian's Chromium (`apt-get install -y chromium`). */
export const CHROMIUM_PATH = "/usr/bin/chromium";

/** Launch arguments for headless Chromium on the project's machines (no sandbox, no background traffic). */
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** The office.js URL in taskpane.html; tests answer it with test/support/officeStub.js. */
export const OFFICE_JS_URL = "https://appsforoffice.microsoft.com/lib/1/hosted/office.js";

const REPO = resolve(__dirname, "../..");
const STUB = readFileSync(join(__dirname, "officeStub.js"), "utf8");

export function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH))
    throw new Error(`Chromium not found at ${CHROMIUM_PATH}: apt-get install -y chromium`);
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** How the stub office.js behaves: `absent` answers 404 (office.js did not load). */
export type OfficeMode =
  | { readonly kind: "absent" }
  | { readonly kind: "stub"; readonly host: "Excel" | null; readonly displayLanguage: string };

/** A page with the office.js URL routed to the stub and every request recorded (nothing reaches the network). */
export interface TaskpanePage {
  readonly context: BrowserContext;
  readonly page: Page;
  /** Every URL the page requested, in order. */
  readonly requests: string[];
  readonly pageErrors: string[];
}

/**
 * Opens a browser context of the given width and locale, routes office.js to the stub (or a 404) and aborts any
 * request that is neither localhost nor office.js, recording all of them.
 */
export async function taskpanePage(
  browser: Browser,
  options: { width: number; locale: string; office: OfficeMode; height?: number },
): Promise<TaskpanePage> {
  const context = await browser.newContext({
    viewport: { width: options.width, height: options.height ?? 900 },
    locale: options.locale,
    acceptDownloads: true,
    serviceWorkers: "block",
  });
  const requests: string[] = [];
  const pageErrors: string[] = [];
  const office = options.office;
  if (office.kind === "stub") {
    await context.addInitScript(
      (config) => {
        (window as unknown as { __officeStub: unknown }).__officeStub = config;
      },
      { host: office.host, displayLanguage: office.displayLanguage },
    );
  }
  await context.route("**/*", async (route) => {
    const url = route.request().url();
    requests.push(url);
    if (url === OFFICE_JS_URL) {
      if (office.kind === "absent") await route.fulfill({ status: 404, body: "" });
      else await route.fulfill({ contentType: "text/javascript", body: STUB });
    } else if (isLocal(url)) await route.continue();
    else await route.abort();
  });
  const page = await context.newPage();
  page.on("pageerror", (error) => pageErrors.push(error.message));
  return { context, page, requests, pageErrors };
}

/** True for http(s) URLs on localhost / 127.0.0.1, and for blob: and data: URLs the page makes itself. */
export function isLocal(url: string): boolean {
  if (url.startsWith("blob:") || url.startsWith("data:")) return true;
  const { hostname } = new URL(url);
  return hostname === "localhost" || hostname === "127.0.0.1" || hostname === "[::1]";
}

/** Newest modification time (ms) of the files under `path` (a file or a directory, recursively). */
function newest(path: string): number {
  const stats = statSync(path);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(0, ...readdirSync(path).map((name) => newest(join(path, name))));
}

/** Sleeps `ms` milliseconds without returning to the event loop (for the build lock below). */
function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

/**
 * Builds dist/ with `npm run build` unless dist/taskpane.js is newer than src/, the webpack config and the
 * manifest. Returns the dist directory. The end-to-end files run two at a time: a lock directory (made
 * atomically) lets one file build while another waits for it and then finds dist/ fresh; a lock older than 15 minutes
 * is taken to be left over from a killed run.
 */
export function ensureBuilt(): string {
  const dist = join(REPO, "dist");
  const built = join(dist, "taskpane.js");
  const fresh = (): boolean => {
    const sources = Math.max(
      newest(join(REPO, "src")),
      newest(join(REPO, "webpack.config.js")),
      newest(join(REPO, "manifest.xml")),
      newest(join(REPO, "package-lock.json")),
    );
    return existsSync(built) && existsSync(join(dist, "taskpane.html")) && statSync(built).mtimeMs > sources;
  };
  if (fresh()) return dist;
  const lock = join(REPO, "test-artifacts", "dist-build.lock");
  mkdirSync(dirname(lock), { recursive: true });
  for (;;) {
    try {
      mkdirSync(lock);
      break;
    } catch {
      const held = statSync(lock, { throwIfNoEntry: false });
      if (held !== undefined && Date.now() - held.mtimeMs > 15 * 60_000) rmSync(lock, { recursive: true, force: true });
      else sleepSync(1_000);
    }
  }
  try {
    if (fresh()) return dist; // built by another file while this one waited
    const run = spawnSync("npm", ["run", "build"], { cwd: REPO, encoding: "utf8" });
    if (run.status !== 0) throw new Error(`npm run build failed: ${run.stderr}\n${run.stdout}`);
    return dist;
  } finally {
    rmSync(lock, { recursive: true, force: true });
  }
}
