import { freePlacement, relocatePlan } from "../plan/relocate";
import type { WorkbookPlan } from "../plan/types";
import { functionLanguages, isNameError, type FunctionLanguage } from "./functionNames";
import type { ExcelHost } from "./host";
import { loadValues, queueOperation } from "./queueOperation";
import { MAX_REQUEST_BYTES } from "./requestSize";
import { planWrite, type AddInCell } from "./writePlan";

/** ExcelApi versions the writer relies on: the manifest requires the first; the others are used when present. */
export const EXCEL_API = {
  /** RangeAreas (`getRanges`) 1.9, data validation 1.8, conditional formats 1.6: required by manifest.xml. */
  required: "1.9",
  /** `valuesAsJson` (#NAME? read back in any display language); without it `values` is read. */
  valuesAsJson: "1.16",
  /** `Excel.run({ mergeUndoGroup: true })`: the whole multi-request write is one undo step. */
  mergeUndoGroup: "1.20",
} as const;

/** What a write did: where the model went, so the taskpane can say so. */
export interface WriteReport {
  /** The sheet names written, in order (free names: an existing sheet is never reused). */
  readonly sheets: readonly string[];
  /** Prefix of the model's defined names (SIB_, or SIB2_ … when a model already exists). */
  readonly namePrefix: string;
  readonly cells: number;
  readonly formulas: number;
  readonly names: number;
  readonly charts: number;
  /** context.sync calls made: 1 to read what exists, 1 per write request, 1–2 more only to rename SIB.* calls. */
  readonly syncs: number;
  /** The writer's estimate of each write request, bytes (each ≤ the ceiling, 4,000,000 by default). */
  readonly requestBytes: readonly number[];
  /** True when the whole write is one undo step (ExcelApi 1.20). */
  readonly oneUndoStep: boolean;
  /**
   * The language of the SIB.* names Excel accepted in the Check sheet; "unrecognised" when both gave #NAME? (the
   * add-in's functions are not loaded); null when the model calls no SIB.* function.
   */
  readonly functionNames: FunctionLanguage | "unrecognised" | null;
}

/** Options of a write (tests lower the request ceiling to force several requests). */
export interface WriteOptions {
  /** Ceiling per request in UTF-8 bytes of the RichApi request (default 4,000,000; Excel on the web refuses 5 MB). */
  readonly maxRequestBytes?: number;
}

/**
 * Writes a workbook plan into the open workbook through `host.run`: one sync reads the existing sheet and defined
 * names, then the write goes out in requests of at most 4 MB (the pilot in one, 420 months and 60 cohorts in a few),
 * each with calculation suspended; the last recalculates and reads back the cells that call SIB.* functions, which
 * are rewritten with the other language's names if Excel answered #NAME? (functionNames.ts). Existing sheets and
 * names are never overwritten: the model gets free sheet names ("Input (2)") and name prefix (SIB2_). With ExcelApi
 * 1.20 the whole write is one undo step (if Excel answers UndoNotSupported, it is written again without the group).
 * If any request fails, what this write added is removed and the error is rethrown; the rest of the workbook is as
 * it was. On success the add-in is set to load with the workbook.
 * @example (await writeModel(buildPlan(pilot, "da"), officeExcelHost())).syncs // 2
 */
export async function writeModel(
  plan: WorkbookPlan,
  host: ExcelHost,
  options: WriteOptions = {},
): Promise<WriteReport> {
  const grouped = host.supportsExcelApi(EXCEL_API.mergeUndoGroup);
  try {
    return await writeOnce(plan, host, options, grouped);
  } catch (error) {
    // Excel throws UndoNotSupported for a grouped call it cannot undo (none is expected: see docs/excel-checklist.md);
    // the failed write has been removed, so write again without the undo group rather than not at all.
    if (grouped && errorCode(error) === "UndoNotSupported") return writeOnce(plan, host, options, false);
    throw error;
  }
}

/** One attempt: place, write in requests, settle the SIB.* names; on failure remove what it added and rethrow. */
async function writeOnce(
  plan: WorkbookPlan,
  host: ExcelHost,
  options: WriteOptions,
  oneUndoStep: boolean,
): Promise<WriteReport> {
  const readJson = host.supportsExcelApi(EXCEL_API.valuesAsJson);
  const languages = functionLanguages(host.displayLanguage);
  const state: WriteState = { syncs: 0, placed: null, namePrefix: "SIB_", requestBytes: [], functionNames: null };
  try {
    await host.run(
      async (context) => {
        const sync = async (): Promise<void> => {
          await context.sync();
          state.syncs++;
        };
        const placed = await placePlan(context, plan, sync);
        state.placed = placed.plan;
        state.namePrefix = placed.namePrefix;
        const write = planWrite(placed.plan, languages[0] ?? "en", options.maxRequestBytes ?? MAX_REQUEST_BYTES);
        let probes: Excel.Range[] = [];
        for (const batch of write.batches) {
          context.workbook.application.suspendApiCalculationUntilNextSync();
          const sheet = worksheetsOfRequest(context);
          probes = batch.operations.flatMap((operation) => queueOperation(context, operation, readJson, sheet));
          await sync();
          state.requestBytes.push(batch.bytes);
        }
        state.functionNames = await settleFunctionNames(context, write.addInCells, probes, languages, readJson, sync);
      },
      oneUndoStep ? { mergeUndoGroup: true } : undefined,
    );
  } catch (error) {
    if (state.placed !== null) await removeModel(state.placed, host);
    throw error;
  }
  await host.loadOnStartup();
  return report(state.placed ?? plan, state, oneUndoStep);
}

/** Worksheets by name for one request: each is got once and reused until the request's sync, never after it. */
function worksheetsOfRequest(context: Excel.RequestContext): (name: string) => Excel.Worksheet {
  const sheets = new Map<string, Excel.Worksheet>();
  return (name) => {
    const found = sheets.get(name) ?? context.workbook.worksheets.getItem(name);
    sheets.set(name, found);
    return found;
  };
}

/** The `code` of an Office.js error (OfficeExtension.Error), e.g. "UndoNotSupported"; undefined for other errors. */
function errorCode(error: unknown): unknown {
  return typeof error === "object" && error !== null ? (error as { readonly code?: unknown }).code : undefined;
}

interface WriteState {
  syncs: number;
  placed: WorkbookPlan | null;
  namePrefix: string;
  requestBytes: number[];
  functionNames: FunctionLanguage | "unrecognised" | null;
}

function report(written: WorkbookPlan, state: WriteState, oneUndoStep: boolean): WriteReport {
  const cells = written.sheets.flatMap((sheet) => sheet.cells);
  return {
    sheets: written.sheets.map((sheet) => sheet.name),
    namePrefix: state.namePrefix,
    cells: cells.length,
    formulas: cells.filter((cell) => cell.formula !== undefined).length,
    names: written.names.length,
    charts: written.charts.length,
    syncs: state.syncs,
    requestBytes: state.requestBytes,
    oneUndoStep,
    functionNames: state.functionNames,
  };
}

/** Reads the workbook's sheet and defined names (one sync) and moves the plan to free names and a free prefix. */
async function placePlan(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  sync: () => Promise<void>,
): Promise<{ plan: WorkbookPlan; namePrefix: string }> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const names = context.workbook.names;
  names.load("items/name");
  await sync();
  const placement = freePlacement(
    plan,
    worksheets.items.map((sheet) => sheet.name),
    names.items.map((item) => item.name),
  );
  return { plan: relocatePlan(plan, placement.sheetNames, placement.namePrefix), namePrefix: placement.namePrefix };
}

/**
 * Keeps the SIB.* names Excel accepted: if a read-back cell is #NAME?, rewrites every add-in cell with the next
 * language's names (one sync each, recalculating and reading back); if none is accepted, restores the first
 * language's names (the functions are probably not loaded yet) and says so.
 */
async function settleFunctionNames(
  context: Excel.RequestContext,
  cells: readonly AddInCell[],
  probes: readonly Excel.Range[],
  languages: readonly FunctionLanguage[],
  readJson: boolean,
  sync: () => Promise<void>,
): Promise<FunctionLanguage | "unrecognised" | null> {
  const [first = "en", ...others] = languages;
  if (cells.length === 0) return null;
  if (!probes.some((probe) => hasNameError(probe, readJson))) return first;
  for (const language of others) {
    const reread = rewriteAddInCells(context, cells, language, readJson, true);
    await sync();
    if (!reread.some((probe) => hasNameError(probe, readJson))) return language;
  }
  rewriteAddInCells(context, cells, first, readJson, false);
  await sync();
  return "unrecognised";
}

/** Rewrites the add-in cells with a language's names and recalculates; `reread` loads them again. */
function rewriteAddInCells(
  context: Excel.RequestContext,
  cells: readonly AddInCell[],
  language: FunctionLanguage,
  readJson: boolean,
  reread: boolean,
): Excel.Range[] {
  const ranges = cells.map((cell) => {
    const range = context.workbook.worksheets.getItem(cell.sheet).getRange(cell.address);
    range.formulas = [[cell.formulas[language]]];
    return range;
  });
  context.workbook.application.calculate("Recalculate");
  if (reread) for (const range of ranges) loadValues(range, readJson);
  return ranges;
}

function hasNameError(range: Excel.Range, readJson: boolean): boolean {
  const rows: readonly (readonly unknown[])[] = readJson ? range.valuesAsJson : range.values;
  return rows.some((row) => row.some(isNameError));
}

/** Removes the sheets and names a failed write added (they did not exist before: the placement made them free). */
async function removeModel(plan: WorkbookPlan, host: ExcelHost): Promise<void> {
  try {
    await host.run(async (context) => {
      const names = plan.names.map((definedName) => context.workbook.names.getItemOrNullObject(definedName.name));
      const sheets = plan.sheets.map((sheetPlan) => context.workbook.worksheets.getItemOrNullObject(sheetPlan.name));
      for (const item of [...names, ...sheets]) item.load("isNullObject");
      await context.sync();
      for (const item of [...names, ...sheets]) if (!item.isNullObject) item.delete();
      await context.sync();
    });
  } catch {
    // The workbook may be unreachable (that is often why the write failed); the original error is what matters.
  }
}
