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
  /**
   * Steps after the data landed that failed without undoing the write, e.g. "setStartupBehavior failed: …" (the
   * model is written, but the add-in will not load with the workbook by itself). Empty (or absent) normally.
   */
  readonly warnings?: readonly string[];
}

/**
 * A write that failed and whose cleanup failed too: the original error's message and code, with the cleanup's
 * failure and the sheets that may be left (named as they were when the write failed).
 */
export class WriteCleanupError extends Error {
  constructor(
    readonly writeError: unknown,
    readonly cleanupError: unknown,
    readonly sheetsLeft: readonly string[],
  ) {
    super(
      `${messageOf(writeError)} The cleanup failed too (${messageOf(cleanupError)}); these sheets of the failed write may be left in the workbook: ${sheetsLeft.join(", ") || "none known"}.`,
    );
    this.name = "WriteCleanupError";
  }

  /** The Office.js error code of the write's failure (e.g. "InvalidArgument"). */
  get code(): unknown {
    return errorCode(this.writeError);
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
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
 *
 * The first sync also adds the model's sheets under temporary names that carry a random token ("~SIB k3x9q2 1") and
 * loads their ids; the first write request renames them. If any request fails, only what this write added is removed:
 * the sheets by those ids (or by the token, if the first sync failed) and the defined names of the plan that refer to
 * them, never a sheet or name a co-author made meanwhile under the same name; the error is rethrown, and if the
 * cleanup fails too, a {@link WriteCleanupError} says so and lists the sheets that may be left. Once the data has
 * landed the write counts as done: the add-in is then set to load with the workbook, and a failure of that step is a
 * warning in the report, not a failed write.
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
    if (grouped && errorCode(error) === "UndoNotSupported" && !(error instanceof WriteCleanupError)) {
      return writeOnce(plan, host, options, false);
    }
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
  const state: WriteState = {
    syncs: 0,
    placed: null,
    namePrefix: "SIB_",
    requestBytes: [],
    functionNames: null,
    token: writeToken(),
    sheetIds: new Map(),
  };
  try {
    await host.run(
      async (context) => {
        const sync = async (): Promise<void> => {
          await context.sync();
          state.syncs++;
        };
        const placed = await placePlan(context, plan, sync, state.token);
        state.placed = placed.plan;
        state.namePrefix = placed.namePrefix;
        state.sheetIds = placed.sheetIds;
        const write = planWrite(placed.plan, languages[0] ?? "en", options.maxRequestBytes ?? MAX_REQUEST_BYTES);
        let probes: Excel.Range[] = [];
        for (const batch of write.batches) {
          context.workbook.application.suspendApiCalculationUntilNextSync();
          const sheet = worksheetsOfRequest(context);
          probes = batch.operations.flatMap((operation) =>
            operation.kind === "addSheets"
              ? nameSheets(context, operation.sheets, state.sheetIds)
              : queueOperation(context, operation, readJson, sheet),
          );
          await sync();
          state.requestBytes.push(batch.bytes);
        }
        state.functionNames = await settleFunctionNames(context, write.addInCells, probes, languages, readJson, sync);
      },
      oneUndoStep ? { mergeUndoGroup: true } : undefined,
    );
  } catch (error) {
    const cleanup = await removeAdded(host, state, state.placed ?? plan);
    if (cleanup !== null) throw new WriteCleanupError(error, cleanup.error, cleanup.sheetsLeft);
    throw error;
  }
  const warnings: string[] = [];
  try {
    await host.loadOnStartup();
  } catch (error) {
    warnings.push(`setStartupBehavior failed: ${messageOf(error)}`);
  }
  return report(state.placed ?? plan, state, oneUndoStep, warnings);
}

/** A token for the temporary sheet names of one write: 6 base-36 characters, e.g. "k3x9q2". */
function writeToken(): string {
  return Math.random().toString(36).slice(2, 8).padEnd(6, "0");
}

/** The temporary name of the write's sheet number `index` (0-based): "~SIB k3x9q2 1" (at most 31 characters). */
function temporaryName(token: string, index: number): string {
  return `${temporaryPrefix(token)}${index + 1}`;
}

function temporaryPrefix(token: string): string {
  return `~SIB ${token} `;
}

/** Renames the sheets this write added (by their ids) to the plan's free names; queued, no sync. */
function nameSheets(
  context: Excel.RequestContext,
  names: readonly string[],
  sheetIds: ReadonlyMap<string, string>,
): Excel.Range[] {
  for (const name of names) {
    const id = sheetIds.get(name);
    if (id === undefined) throw new Error(`no sheet was added for ${name}`);
    context.workbook.worksheets.getItem(id).name = name;
  }
  return [];
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
  /** The random token in this write's temporary sheet names. */
  readonly token: string;
  /** The ids of the sheets this write added, by the plan's sheet name (empty until the first sync succeeded). */
  sheetIds: ReadonlyMap<string, string>;
}

function report(
  written: WorkbookPlan,
  state: WriteState,
  oneUndoStep: boolean,
  warnings: readonly string[],
): WriteReport {
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
    warnings,
  };
}

/**
 * One sync: reads the workbook's sheet and defined names, adds the plan's sheets under temporary names and loads
 * their ids; then moves the plan to free names and a free prefix. Returns the ids by the sheets' free names.
 */
async function placePlan(
  context: Excel.RequestContext,
  plan: WorkbookPlan,
  sync: () => Promise<void>,
  token: string,
): Promise<{ plan: WorkbookPlan; namePrefix: string; sheetIds: ReadonlyMap<string, string> }> {
  const worksheets = context.workbook.worksheets;
  worksheets.load("items/name");
  const names = context.workbook.names;
  names.load("items/name");
  const added = plan.sheets.map((_, index) => {
    const sheet = worksheets.add(temporaryName(token, index));
    sheet.load("id");
    return sheet;
  });
  await sync();
  const placement = freePlacement(
    plan,
    worksheets.items.map((sheet) => sheet.name).filter((name) => !name.startsWith(temporaryPrefix(token))),
    names.items.map((item) => item.name),
  );
  const placed = relocatePlan(plan, placement.sheetNames, placement.namePrefix);
  const sheetIds = new Map(placed.sheets.map((sheet, index) => [sheet.name, added[index]?.id ?? ""]));
  return { plan: placed, namePrefix: placement.namePrefix, sheetIds };
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

/**
 * Removes what a failed write added, by identity, with two syncs: the sheets whose ids it recorded (or, when the first
 * sync failed before the ids came back, whose names carry its token), and the plan's defined names that refer to one
 * of those sheets. A sheet or name someone else made meanwhile under a planned name is left alone. Returns null when
 * the cleanup ran, else its error and the sheets that may be left.
 */
async function removeAdded(
  host: ExcelHost,
  state: WriteState,
  plan: WorkbookPlan,
): Promise<{ error: unknown; sheetsLeft: string[] } | null> {
  const ids = new Set(state.sheetIds.values());
  const planned = new Set(plan.names.map((definedName) => definedName.name.toLowerCase()));
  let ours: string[] = [];
  try {
    await host.run(async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/name,items/id");
      const names = context.workbook.names;
      names.load("items/name,items/formula");
      await context.sync();
      const sheets = worksheets.items.filter(
        (sheet) => ids.has(sheet.id) || sheet.name.startsWith(temporaryPrefix(state.token)),
      );
      ours = sheets.map((sheet) => sheet.name);
      const sheetNames = new Set(ours);
      for (const item of names.items) {
        const sheet = formulaSheet(item.formula);
        if (planned.has(item.name.toLowerCase()) && sheet !== null && sheetNames.has(sheet)) item.delete();
      }
      for (const sheet of sheets) sheet.delete();
      await context.sync();
    });
    return null;
  } catch (error) {
    // Not loaded: each sheet has its temporary name or, if the first request renamed it, the plan's.
    const planned = plan.sheets.map((sheet, index) =>
      ids.size === 0 ? temporaryName(state.token, index) : `${sheet.name} or ${temporaryName(state.token, index)}`,
    );
    const left = ours.length > 0 ? ours : planned;
    return { error, sheetsLeft: left };
  }
}

/**
 * The sheet a defined name's formula refers to ("=Payment!$B$9" → "Payment", "='Input (2)'!$B$4" → "Input (2)"), or
 * null for a formula that is not a plain reference (a constant, #REF!).
 * @example formulaSheet("='Bob''s'!$A$1") // "Bob's"
 */
export function formulaSheet(formula: string): string | null {
  const match = /^=(?:'((?:[^']|'')+)'|([^'!#]+))!/.exec(formula);
  if (match === null) return null;
  return match[1] !== undefined ? match[1].replace(/''/g, "'") : (match[2] ?? null);
}
