import { spawnSync } from "node:child_process";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { runInNewContext } from "node:vm";
import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ACCOUNTS } from "../../src/engine/businessCase";
import { expectOk } from "../../src/engine/errors";
import { PILOT_PAYMENT_TERMS } from "../../src/engine/payment/terms";
import { pilotScenario } from "../../src/engine/pilot";
import { formatKr, formatPercent } from "../../src/taskpane/i18n/numbers";
import { caseFigures } from "../../src/taskpane/preview/caseFigures";
import { probabilityOfLoss } from "../../src/taskpane/preview/lossAdapter";
import { CASE_SETTING } from "../../src/taskpane/host/caseStore";
import { ensureBuilt, launchChromium, taskpanePage, type OfficeMode, type TaskpanePage } from "../support/chromium";
import { serveStatic, type StaticServer } from "../support/staticServer";

/**
 * The wizard's case tools in headless Chromium against the built page (issue 14 items 2, 3, 9):
 * (a) save → load: the downloaded case file, uploaded again after a blank start, gives back the same fields, effect
 *     mode and preview; `npm run case -- --scenario FILE --json` on that file prints the preview's figures; a file
 *     that is not a valid case lists its problems and changes nothing;
 * (b) compare: the pilot pinned as A, the cost changed, A and B side by side with the engine's numbers and the views;
 * (c) the committee summary printed to PDF (page.pdf): 1–2 pages, its numbers equal the engine's (pdftotext);
 * (d) in a stub Excel host, writing the model stores the case file in the document settings and "Open model" keeps
 *     the file's views;
 * (e) screenshots of the compare view and the printed summary at 320 and 800 px (test-artifacts/wizard-file);
 * (f) functions.js runs alone, as in Excel's JavaScript-only custom-functions runtime (the page's own custom
 *     functions come from the lazy chunk customfunctions.js, which takes the engine from taskpane.js).
 *
 * SIB_DIST may name a directory with a build to serve instead of dist/ (built by ensureBuilt when stale).
 */
const artifacts = join("test-artifacts", "wizard-file");

let dist: string;
let server: StaticServer;
let browser: Browser;
const opened: TaskpanePage[] = [];

const browserMode = (language: "da" | "en"): OfficeMode => ({
  kind: "stub",
  host: null,
  displayLanguage: language === "da" ? "da-DK" : "en-US",
});

async function open(width: number, language: "da" | "en", office: OfficeMode = browserMode(language)): Promise<Page> {
  const taskpane = await taskpanePage(browser, {
    width,
    locale: language === "da" ? "da-DK" : "en-US",
    office,
    height: 900,
  });
  opened.push(taskpane);
  await taskpane.page.goto(`${server.origin}/taskpane.html`);
  // The first screen is drawn (data-ready) and its lazy chunks, Fluent's fields among them, have loaded (data-loaded).
  await taskpane.page.waitForSelector("#app[data-ready][data-loaded]");
  return taskpane.page;
}

async function hostKnown(page: Page, host: "excel" | "browser"): Promise<void> {
  const option = page.locator("#start-open");
  await expect.poll(() => option.evaluate((node) => node.hasAttribute("disabled"))).toBe(host === "browser");
}

async function fill(page: Page, field: string, text: string): Promise<void> {
  await page.locator(`[data-field="${field}"] input`).fill(text);
}

async function goTo(page: Page, step: string): Promise<void> {
  await page.locator(`[data-step="${step}"]`).click();
}

/** The preview's accounts per participant as shown ("28.006 kr."). */
async function previewAccounts(page: Page): Promise<Record<string, string>> {
  const shown: Record<string, string> = {};
  for (const account of ["municipality", "state", "public", "socioEconomic"]) {
    shown[account] = (await page.locator(`#preview-body [data-account-value="${account}"]`).textContent()) ?? "";
  }
  return shown;
}

/**
 * Every shown table that is wider than its box, as lines naming the table (none when all fit): a table's own
 * scrollWidth against its clientWidth, its scroll box's (the nearest ancestor that scrolls sideways), and its right
 * edge against the box's. Tables in closed <details> are not shown and not checked.
 */
async function tablesWiderThanTheirBox(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const wide: string[] = [];
    for (const table of document.querySelectorAll("table")) {
      if (table.getClientRects().length === 0) continue;
      const name = table.id === "" ? (table.querySelector("caption")?.textContent ?? "table") : `#${table.id}`;
      if (table.scrollWidth > table.clientWidth + 1) wide.push(`${name}: ${table.scrollWidth} > ${table.clientWidth}`);
      let box = table.parentElement;
      while (box !== null && !["auto", "scroll"].includes(getComputedStyle(box).overflowX)) box = box.parentElement;
      if (box === null) continue;
      if (box.scrollWidth > box.clientWidth + 1) wide.push(`${name}'s box: ${box.scrollWidth} > ${box.clientWidth}`);
      const right = box.getBoundingClientRect().left + box.clientLeft + box.clientWidth;
      if (table.getBoundingClientRect().right > right + 1) wide.push(`${name} ends beyond its box`);
    }
    return wide;
  });
}

/**
 * Issue 14 (leftover 1): the wide tables of a broad case and of several municipalities fit the taskpane. Loads
 * examples/herning-viborg.json (the review's budget, financing and results per municipality, the preview's), pins it
 * as A, loads examples/pilot-broad.json (its sensitivity row changes the use: the preview's narrow vs broad table) and
 * compares; at each point no table is wider than its box. Screenshots review-wide-<language>-<width>-*.png.
 */
async function wideTablesFit(page: Page, width: number, language: "da" | "en"): Promise<void> {
  const opened = language === "da" ? "er åbnet" : "was opened";
  const shot = (name: string) => join(artifacts, `review-wide-${language}-${width}-${name}.png`);
  await page.locator("#case-file-input").setInputFiles(join("examples", "herning-viborg.json"));
  await expect.poll(() => page.locator("#case-message").textContent()).toContain(opened);
  await goTo(page, "review");
  await page.locator("#review-municipality-table").waitFor();
  await page.locator("#budget-table").waitFor();
  await page.locator("#preview-body #municipality-table").waitFor();
  expect(await tablesWiderThanTheirBox(page)).toEqual([]);
  await page.locator("#review-budget").screenshot({ path: shot("budget") });
  await page.locator("#review-municipality-table").screenshot({ path: shot("municipalities") });
  await page.screenshot({ path: shot("herning-viborg"), fullPage: true });
  await page.locator("#case-pin").click();
  await page.locator("#case-file-input").setInputFiles(join("examples", "pilot-broad.json"));
  await expect.poll(() => page.locator("#case-message").textContent()).toContain(opened);
  await goTo(page, "review");
  await page.locator("#broad-compare").waitFor();
  await page.locator("#compare-table").waitFor();
  expect(await tablesWiderThanTheirBox(page)).toEqual([]);
  expect(await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth)).toBeLessThanOrEqual(0);
  await page.locator("#case-panel").screenshot({ path: shot("compare") });
  await page.screenshot({ path: shot("broad"), fullPage: true });
}

/**
 * Issue 14 (leftovers 2 and 3): a loaded case's own consequence row and its progression metrics have fields in the
 * page: pilot-broad.json's psychiatricCareSensitivity row on the review step (-18.500 a year in work, the file's
 * figure), pilot-progression.json's WHO-5 on the payment step (13.090 kr at month 12, 40 % against 25 %), its group
 * open because it is priced; an unpriced metric's group stays folded.
 */
async function loadedCaseFields(page: Page): Promise<void> {
  const input = (id: string) => page.locator(`[data-field="${id}"] input`);
  await page.locator("#case-file-input").setInputFiles(join("examples", "pilot-broad.json"));
  await expect.poll(() => page.locator("#case-message").textContent()).toContain("er åbnet");
  await goTo(page, "review");
  const row = page.locator('details[data-group="Broad: Psychiatric hospital care (sensitivity)"]');
  await row.locator("summary").click();
  expect(await input("consequence.psychiatricCareSensitivity.change.inWork").inputValue()).toBe("-18.500");
  expect(await input("consequence.psychiatricCareSensitivity.priceYear").inputValue()).toBe("2016");
  await page.locator("#case-file-input").setInputFiles(join("examples", "pilot-progression.json"));
  await expect.poll(() => page.locator("#case-message").textContent()).toContain("er åbnet");
  await goTo(page, "payment");
  const who5 = page.locator('details[data-group="Progression metric: WHO-5 well-being above a cut-off"]');
  expect(await who5.evaluate((node) => node.hasAttribute("open"))).toBe(true);
  expect(await input("price.who5").inputValue()).toBe("13.090");
  expect(await input("progression.who5.month").inputValue()).toBe("12");
  expect(await input("progression.who5.share").inputValue()).toBe("40");
  expect(await input("progression.who5.comparison").inputValue()).toBe("25");
  const bip = page.locator('details[data-group="Progression metric: BIP score gain (job readiness)"]');
  expect(await bip.evaluate((node) => node.hasAttribute("open"))).toBe(false);
  await page.screenshot({ path: join(artifacts, "progression-fields-da-800.png"), fullPage: true });
}

function pdfText(path: string): { pages: number; text: string } {
  const info = spawnSync("pdfinfo", [path], { encoding: "utf8" });
  const pages = Number(/Pages:\s+(\d+)/.exec(info.stdout)?.[1] ?? "0");
  const text = spawnSync("pdftotext", ["-layout", path, "-"], { encoding: "utf8" }).stdout;
  return { pages, text };
}

beforeAll(async () => {
  mkdirSync(artifacts, { recursive: true });
  dist = process.env.SIB_DIST ?? ensureBuilt();
  server = await serveStatic(dist);
  browser = await launchChromium();
});

afterAll(async () => {
  for (const taskpane of opened) expect(taskpane.pageErrors).toEqual([]);
  await browser?.close();
  await server?.close();
});

describe("save and load the case as a file (issue 14 item 2)", () => {
  it("save → blank start → load gives the same case and preview; the file runs in npm run case", async () => {
    const page = await open(800, "da");
    await hostKnown(page, "browser");
    await page.locator("#start-pilot").click();
    await goTo(page, "costs");
    await fill(page, "costPerParticipant", "70.000");
    await goTo(page, "payment");
    await fill(page, "baseFee", "5.000");
    await expect.poll(() => page.locator('#preview-body [data-account-value="municipality"]').count()).toBe(1);
    const before = await previewAccounts(page);

    const [download] = await Promise.all([page.waitForEvent("download"), page.locator("#case-save").click()]);
    const path = join(artifacts, download.suggestedFilename());
    await download.saveAs(path);
    expect(download.suggestedFilename()).toMatch(/\.json$/);
    await expect.poll(() => page.locator("#case-message").textContent()).toContain("Sagen er gemt som");
    // The file keeps the effect mode the case was shown in (the pilot's eight measured shares: detailed).
    expect((JSON.parse(readFileSync(path, "utf8")) as { wizard?: unknown }).wizard).toEqual({ effectMode: "detailed" });

    // The saved file through the command line: the same figures as the preview.
    const cli = spawnSync(process.execPath, ["--import", "tsx", "src/cli/case.ts", "--scenario", path, "--json"], {
      encoding: "utf8",
    });
    expect(cli.stderr).toBe("");
    const report = JSON.parse(cli.stdout) as { perParticipant: Record<string, number> };
    for (const account of Object.keys(before))
      expect(formatKr(report.perParticipant[account] ?? NaN, "da")).toBe(before[account]);
    expect(report.perParticipant.municipality).toBeGreaterThan(28_006); // cheaper than the pilot's 79,236 kr

    // A blank start (confirmed), then the file: the fields and the preview come back.
    await goTo(page, "start");
    await page.locator("#start-blank").click();
    await page.locator("#confirm-start").click();
    await page.locator("#case-file-input").setInputFiles(path);
    await expect.poll(() => page.locator("#case-message").textContent()).toContain("er åbnet");
    await goTo(page, "costs");
    expect(await page.locator('[data-field="costPerParticipant"] input').inputValue()).toBe("70.000");
    await expect.poll(() => previewAccounts(page)).toEqual(before);
    // A blank start shows the simple effect; the loaded file brings back the detailed mode it was saved in.
    await goTo(page, "effect");
    await page.locator('[data-field="participantShare.JOB"] input').waitFor();
    expect(await page.locator('[data-field="effectPp"] input').count()).toBe(0);
    await wideTablesFit(page, 800, "da");
    await loadedCaseFields(page);
  });

  it("a file that is not a valid case lists its problems and changes nothing", async () => {
    const page = await open(800, "en");
    await hostKnown(page, "browser");
    await page.locator("#start-pilot").click();
    const bad = join(artifacts, "not-a-case.json");
    writeFileSync(bad, JSON.stringify({ horizonMonths: 0, colour: "blue", payment: { lagMonths: -1 } }));
    const cost = page.locator('[data-field="costPerParticipant"] input');
    await goTo(page, "costs");
    const costBefore = await cost.inputValue();
    const previewBefore = await previewAccounts(page);
    await page.locator("#case-file-input").setInputFiles(bad);
    await expect.poll(() => page.locator("#case-problems li").count()).toBeGreaterThanOrEqual(1);
    const problems = await page.locator("#case-problems").textContent();
    expect(problems).toContain("colour");
    expect(await page.locator("#case-message").textContent()).toContain("nothing was changed");
    expect(await cost.inputValue()).toBe(costBefore);
    expect(await previewAccounts(page)).toEqual(previewBefore);
  });
});

describe("compare A and B (issue 14 item 3)", () => {
  const pilot = expectOk(pilotScenario());
  const a = expectOk(caseFigures({ scenario: pilot, terms: PILOT_PAYMENT_TERMS, investor: {}, views: [] }));
  const b = expectOk(
    caseFigures({
      scenario: { ...pilot, costPerParticipant: 60_000 },
      terms: PILOT_PAYMENT_TERMS,
      investor: {},
      views: [],
    }),
  );

  for (const width of [320, 800]) {
    it(`pin the pilot as A, change the cost, A and B side by side (${width} px)`, async () => {
      const page = await open(width, "da");
      await hostKnown(page, "browser");
      await page.locator("#start-pilot").click();
      await page.locator("#case-pin").click();
      await expect.poll(() => page.locator("#compare-table").count()).toBe(1);
      await goTo(page, "costs");
      await fill(page, "costPerParticipant", "60.000");
      const cell = (row: string, column: string) =>
        page.locator(`#compare-table tr[data-row="${row}"] td[data-col="${column}"]`).textContent();
      await expect.poll(() => cell("municipality", "b")).toBe(formatKr(b.perParticipant.municipality, "da"));
      for (const account of ACCOUNTS) {
        expect(await cell(account, "a")).toBe(formatKr(a.perParticipant[account], "da"));
        expect(await cell(account, "b")).toBe(formatKr(b.perParticipant[account], "da"));
      }
      expect(await cell("paymentTotal", "a")).toBe(formatKr(a.payment.total, "da"));
      expect(await cell("atZero", "b")).toBe(formatKr(b.payment.paymentAtZeroEffect, "da"));
      expect(await cell("irr", "b")).toBe(b.investor.irr === null ? "ingen" : formatPercent(b.investor.irr, "da"));
      for (const view of b.views) {
        expect(await cell(`view.${view.id}.socioEconomic`, "b")).toBe(
          formatKr(view.perParticipant.socioEconomic, "da"),
        );
      }
      const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(overflow).toBeLessThanOrEqual(0);
      await page.locator("#case-panel").scrollIntoViewIfNeeded();
      await page.locator("#case-panel").screenshot({ path: join(artifacts, `compare-da-${width}.png`) });
      await page.locator(".case-tools").screenshot({ path: join(artifacts, `toolbar-da-${width}.png`) });
      if (width === 320) await wideTablesFit(page, width, "da");
    });
  }
});

describe("the committee summary (issue 14 item 9)", () => {
  const pilot = expectOk(pilotScenario());
  const figures = expectOk(caseFigures({ scenario: pilot, terms: PILOT_PAYMENT_TERMS, investor: {}, views: [] }));
  const loss = probabilityOfLoss(pilot, PILOT_PAYMENT_TERMS, {});

  for (const [language, width] of [
    ["da", 320],
    ["da", 800],
    ["en", 800],
  ] as const) {
    it(`prints to 1–2 pages with the engine's numbers (${language}, ${width} px)`, async () => {
      const page = await open(width, language);
      await hostKnown(page, "browser");
      await page.locator("#start-pilot").click();
      await page.locator("#case-summary").click();
      await page.waitForSelector("#summary-sheet");
      await page.screenshot({ path: join(artifacts, `summary-screen-${language}-${width}.png`) });
      await page.emulateMedia({ media: "print" });
      const pdf = join(artifacts, `summary-${language}-${width}.pdf`);
      await page.pdf({ path: pdf, format: "A4", printBackground: true });
      await page.screenshot({ path: join(artifacts, `summary-print-${language}-${width}.png`), fullPage: true });
      const { pages, text } = pdfText(pdf);
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(pages).toBeLessThanOrEqual(2);
      const flat = text.replace(/\s+/g, " ");
      for (const value of [
        figures.perParticipant.municipality,
        figures.perParticipant.public,
        figures.perParticipant.socioEconomic,
        figures.payment.paymentAtZeroEffect,
        figures.payment.total,
      ]) {
        expect(flat).toContain(formatKr(value, language));
      }
      expect(flat).toContain(language === "da" ? "måned 38" : "month 38");
      if (figures.investor.irr !== null) expect(flat).toContain(formatPercent(figures.investor.irr, language));
      if (loss.kind === "estimate") expect(flat).toContain(formatPercent(loss.probability, language));
      if (figures.payment.savingsAfterLastPayment !== null) {
        expect(flat).toContain(formatPercent(figures.payment.savingsAfterLastPayment, language));
      }
      expect(flat).toContain(language === "da" ? "Beslutningsoplæg" : "Committee summary");
      // Nothing of the wizard is printed with it.
      expect(flat).not.toContain(language === "da" ? "Trin 1 af" : "Step 1 of");
      spawnSync("pdftoppm", ["-png", "-r", "60", pdf, join(artifacts, `summary-pdf-${language}-${width}`)]);
      await page.emulateMedia({ media: "screen" });
      // A modal dialog (issue 14): Tab and Shift+Tab stay inside it, Escape closes it and focus returns.
      const focused = () => page.evaluate(() => document.activeElement?.id ?? "");
      expect(await focused()).toBe("summary-title");
      await page.keyboard.press("Shift+Tab");
      expect(await focused()).toBe("summary-close");
      await page.keyboard.press("Tab");
      expect(await focused()).toBe("summary-print");
      await page.keyboard.press("Shift+Tab");
      expect(await focused()).toBe("summary-close");
      await page.keyboard.press("Escape");
      await expect.poll(() => page.locator("#committee-summary").count()).toBe(0);
      expect(await focused()).toBe("case-summary");
    });
  }
});

describe("the case file in the workbook (issue 14 item 2, Excel)", () => {
  it("writing the model stores the case file; Open model keeps the file's own views", async () => {
    const page = await open(800, "en", { kind: "stub", host: "Excel", displayLanguage: "en-US" });
    await hostKnown(page, "excel");
    const file = join(artifacts, "with-view.json");
    const views = [
      {
        id: "nafOnly",
        label: { da: "Kun NAF 1,28", en: "NAF 1.28 only" },
        changes: { da: "Nettoafgiftsfaktor 1,28", en: "Net indirect-tax factor 1.28" },
        overrides: { socioEconomic: { netTaxFactor: 1.28 } },
      },
    ];
    writeFileSync(file, JSON.stringify({ horizonMonths: 48, views }));
    await page.locator("#case-file-input").setInputFiles(file);
    await expect.poll(() => page.locator("#case-message").textContent()).toContain("was opened");
    await goTo(page, "review");
    await page.locator("#write").click();
    await page.waitForFunction(() => document.querySelector("#status")?.getAttribute("data-status") === "written");
    const stored = await page.evaluate(
      (key) =>
        (window as unknown as { __excelRecord: { settings: Record<string, string> } }).__excelRecord.settings[key],
      CASE_SETTING,
    );
    const json = JSON.parse(stored ?? "null") as { horizonMonths: number; views: unknown };
    expect(json.horizonMonths).toBe(48);
    expect(json.views).toEqual(views);
    // A new start, then Open model: the view comes back from the stored file (the sheets do not hold it).
    await goTo(page, "start");
    await page.locator("#start-pilot").click();
    await goTo(page, "start");
    await page.locator("#start-open").click();
    await page.waitForFunction(() => document.querySelector("#status")?.getAttribute("data-status") === "opened");
    await page.locator("#case-pin").click();
    await expect.poll(() => page.locator('#compare-table tr[data-row="view.nafOnly.municipality"]').count()).toBe(1);
  });
});

describe("functions.js alone (issue 14 item 11: a standalone bundle for Excel's JavaScript-only runtime)", () => {
  it("runs where there is no document, window or self, and associates every function of functions.json", () => {
    const ids = (
      JSON.parse(readFileSync(join(dist, "functions.json"), "utf8")) as { functions: { id: string }[] }
    ).functions.map((entry) => entry.id);
    const associated: string[] = [];
    class CustomFunctionError extends Error {}
    const sandbox = {
      CustomFunctions: {
        associate: (id: string) => void associated.push(id),
        Error: CustomFunctionError,
        ErrorCode: { invalidValue: "#VALUE!", notAvailable: "#N/A", invalidNumber: "#NUM!" },
      },
      console,
      setTimeout,
      clearTimeout,
    };
    runInNewContext(readFileSync(join(dist, "functions.js"), "utf8"), sandbox);
    expect(ids.length).toBeGreaterThan(10);
    expect([...associated].sort()).toEqual([...ids].sort());
  });
});
