import { HyperFormula, type RawCellContent } from "hyperformula";
import danish from "../../src/functions/danish.json";
import type { ExcelHost } from "../../src/excel/host";
import { parseCell } from "../../src/plan/address";
import { quoteSheet } from "../../src/plan/formula";
import {
  FakeRange,
  FakeWorksheet,
  type FakeBook,
  type FakeConditionalFormat,
  type FakeQueue,
  type FakeValidation,
} from "./fakeExcelRange";
import { registerSibFunctions } from "./sibFunctionsPlugin";

/** Which SIB.* names this Excel registered: English (functions.json), Danish (functions-da.json) or none (not loaded). */
export type RegisteredNames = "en" | "da" | "none";

/** Options of the fake's ExcelHost. */
export interface FakeHostOptions {
  /** Highest ExcelApi requirement set the host supports, e.g. "1.19" (default "1.20"). */
  readonly excelApi?: string;
  /** Office.context.displayLanguage (default "en-US"). */
  readonly displayLanguage?: string;
}

/**
 * A small stand-in for Excel's JavaScript API, backed by HyperFormula so written formulas really compute. It covers
 * what src/excel uses: worksheets (load items, add, getItem, getItemOrNullObject, delete, activate), ranges (formulas,
 * numberFormat, format.*, dataValidation, conditionalFormats, values/valuesAsJson), RangeAreas formats, defined names,
 * charts, application.suspendApiCalculationUntilNextSync/calculate and sync. Writes are queued and applied at sync in
 * the order they were made; range shapes are checked; a formula written into a Text-formatted cell stays text, as in
 * Excel. SIB.BUDGETSAVING and SIB.SOCIOECONOMIC compute through the real function wrappers under the names this Excel
 * registered (`registeredNames`), and any other SIB.* name gives #NAME? (office-js issue #891 is `"da"`).
 */
export class FakeExcelWorkbook implements FakeBook {
  readonly hf: HyperFormula;
  syncs = 0;
  runs: { mergeUndoGroup: boolean }[] = [];
  /** Makes the n-th sync (1-based, counted over the workbook's life) throw, to test recovery. */
  failAtSync: number | null = null;
  /** Makes every write in an undo group (mergeUndoGroup) fail with the code UndoNotSupported, as Excel does for an API it cannot undo. */
  undoUnsupported = false;
  readonly formats = new Map<string, string>();
  readonly fills = new Map<string, string>();
  readonly bold = new Set<string>();
  readonly unlocked = new Set<string>();
  readonly columnWidths = new Map<string, number>();
  /** What was written into each cell through `formulas`, by "Sheet!A1" (as written, before any #NAME?). */
  readonly writtenFormulas = new Map<string, string | number>();
  readonly validations = new Map<string, FakeValidation>();
  readonly conditionalFormats = new Map<string, FakeConditionalFormat[]>();
  readonly charts: FakeBook["charts"] = [];
  readonly nameComments = new Map<string, string>();
  /** Calls of suspendApiCalculationUntilNextSync and calculate, in order. */
  readonly calculation: string[] = [];
  startupBehaviour: "none" | "load" = "none";
  /** Worksheet ids by HyperFormula's sheet number, with the name the sheet had when last seen (numbers are reused). */
  private readonly sheetIds = new Map<number, { id: string; name: string }>();
  private nextSheetId = 1;
  active: string | null = null;
  registeredNames: RegisteredNames = "en";

  constructor(initialSheets: Record<string, RawCellContent[][]> = {}, initialNames: Record<string, string> = {}) {
    registerSibFunctions();
    this.hf = HyperFormula.buildFromSheets(
      initialSheets,
      { licenseKey: "gpl-v3", maxRows: 100_000, smartRounding: false, useArrayArithmetic: true },
      Object.entries(initialNames).map(([name, expression]) => ({ name, expression })),
    );
  }

  /** The ExcelHost the writer uses: runs batches against this workbook. `false` = a host without ExcelApi 1.20. */
  host(options: boolean | FakeHostOptions = true): ExcelHost {
    const settings: FakeHostOptions = typeof options === "boolean" ? { excelApi: options ? "1.20" : "1.19" } : options;
    const highest = Number((settings.excelApi ?? "1.20").split(".")[1]);
    return {
      run: async (batch, runOptions) => {
        this.runs.push({ mergeUndoGroup: runOptions?.mergeUndoGroup ?? false });
        const grouped = runOptions?.mergeUndoGroup ?? false;
        return batch(new FakeContext(this, grouped) as unknown as Excel.RequestContext);
      },
      supportsExcelApi: (version) => Number(version.split(".")[1]) <= highest,
      loadOnStartup: async () => {
        this.startupBehaviour = "load";
      },
      displayLanguage: settings.displayLanguage ?? "en-US",
    };
  }

  /** A formula as this Excel reads it: registered SIB.* names become the function's id, others an unknown name. */
  readonly registeredFormula = (formula: string): string =>
    formula.replace(/SIB\.([A-Za-zÆØÅæøå0-9._]+)\(/gu, (call, name: string) => {
      const id = registeredIds(this.registeredNames).get(name);
      return id === undefined ? `SIB.NOTREGISTERED.${name}(` : `SIB.${id}(`;
    });

  sheetNames(): string[] {
    return this.hf.getSheetNames();
  }

  /** Excel's id of the sheet called `name`: "{00000000-0001-…}" style, never reused within the workbook's life. */
  readonly sheetIdOf = (name: string): string => {
    const number = this.hf.getSheetId(name);
    if (number === undefined) throw new Error(`ItemNotFound: sheet ${name}`);
    const known = this.sheetIds.get(number);
    if (known !== undefined && known.name === name) return known.id;
    const id = `{FAKE-SHEET-${String(this.nextSheetId++).padStart(4, "0")}}`;
    this.sheetIds.set(number, { id, name });
    return id;
  };

  /** The current name of the sheet a key (a name, or an id given by sheetIdOf) refers to; the key if none. */
  readonly sheetNamed = (key: string): string => {
    for (const [number, known] of this.sheetIds) {
      if (known.id === key) return this.hf.getSheetName(number) ?? key;
    }
    return key;
  };

  /** Renames a sheet, keeping its id; throws as Excel does when the new name is taken. */
  readonly renameSheet = (from: string, to: string): void => {
    const number = this.hf.getSheetId(from);
    if (number === undefined) throw new Error(`ItemNotFound: sheet ${from}`);
    if (this.hf.doesSheetExist(to)) throw new Error(`ItemAlreadyExists: sheet ${to}`);
    const id = this.sheetIdOf(from);
    this.hf.renameSheet(number, to);
    this.sheetIds.set(number, { id, name: to });
  };

  /** Removes a sheet by name and forgets its id (HyperFormula reuses the number). */
  removeSheetNamed(name: string): void {
    const number = this.hf.getSheetId(name);
    if (number === undefined) throw new Error(`ItemNotFound: sheet ${name}`);
    this.hf.removeSheet(number);
    this.sheetIds.delete(number);
  }

  nameList(): string[] {
    return this.hf.listNamedExpressions();
  }

  /** Value of a single-cell defined name. */
  valueOf(name: string): unknown {
    const expression = this.hf.getNamedExpressionFormula(name);
    if (expression === undefined) throw new Error(`no name ${name}`);
    const match = /^='?(.*?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(expression);
    if (match === null) throw new Error(`${name} is not a single cell: ${expression}`);
    return this.cellValue((match[1] ?? "").replace(/''/g, "'"), `${match[2]}${match[3]}`);
  }

  cellValue(sheet: string, address: string): unknown {
    const sheetId = this.hf.getSheetId(sheet);
    if (sheetId === undefined) throw new Error(`no sheet ${sheet}`);
    const { column, row } = parseCell(address);
    return this.hf.getCellValue({ sheet: sheetId, row: row - 1, col: column });
  }

  /** Types a value into a cell, as a user would (no data validation: see `accepts`). */
  setCell(sheet: string, address: string, value: RawCellContent): void {
    const sheetId = this.hf.getSheetId(sheet);
    if (sheetId === undefined) throw new Error(`no sheet ${sheet}`);
    const { column, row } = parseCell(address);
    this.hf.setCellContents({ sheet: sheetId, row: row - 1, col: column }, value);
  }

  /** The fill a cell's conditional formats give it now ("" when none applies), as Excel would show it. */
  conditionalFill(sheet: string, address: string): string {
    const value = this.cellValue(sheet, address);
    for (const { cellValue } of this.conditionalFormats.get(`${sheet}!${address}`) ?? []) {
      const formula = String(cellValue.rule.formula1);
      const literal = /^="((?:[^"]|"")*)"$/.exec(formula);
      const target =
        literal === null
          ? this.hf.calculateFormula(formula, this.hf.getSheetId(sheet) ?? 0)
          : literal[1]?.replace(/""/g, '"');
      const equal = value === target;
      if (cellValue.rule.operator === "EqualTo" ? equal : cellValue.rule.operator === "NotEqualTo" && !equal) {
        return cellValue.format.fill.color;
      }
    }
    return "";
  }

  /** Whether the cell's data validation accepts a typed value (decimal, whole number or custom formula rules). */
  accepts(sheet: string, address: string, value: number): boolean {
    const rule = this.validations.get(`${sheet}!${address}`)?.rule;
    if (rule === undefined) return true;
    const between = (basic: Excel.BasicDataValidation | undefined): boolean =>
      basic !== undefined && value >= Number(basic.formula1) && value <= Number(basic.formula2);
    if (rule.decimal !== undefined) return between(rule.decimal);
    if (rule.wholeNumber !== undefined) return Number.isInteger(value) && between(rule.wholeNumber);
    if (rule.custom === undefined) throw new Error(`the fake checks decimal, whole and custom rules only`);
    const before = this.cellValue(sheet, address) as RawCellContent;
    this.setCell(sheet, address, value);
    const result = this.hf.calculateFormula(rule.custom.formula, this.hf.getSheetId(sheet) ?? 0);
    this.setCell(sheet, address, before);
    return result === true;
  }

  errors(): string[] {
    const found: string[] = [];
    for (const sheetName of this.hf.getSheetNames()) {
      const sheet = this.hf.getSheetId(sheetName);
      if (sheet === undefined) continue;
      this.hf.getSheetValues(sheet).forEach((line, row) =>
        line.forEach((value, col) => {
          if (typeof value === "object" && value !== null && "type" in value)
            found.push(`${sheetName}!R${row + 1}C${col + 1}`);
        }),
      );
    }
    return found;
  }
}

/** Registered SIB.* names → function id, for an Excel that loaded English, Danish or no metadata. */
function registeredIds(names: RegisteredNames): ReadonlyMap<string, string> {
  const entries = Object.entries(danish as Readonly<Record<string, { readonly name: string }>>);
  if (names === "none") return new Map();
  return new Map(entries.map(([id, entry]) => [names === "da" ? entry.name : id, id]));
}

class FakeContext implements FakeQueue {
  private queue: { apply: () => void; addsSheet: boolean }[] = [];
  private loaded: (() => void)[] = [];
  private addingSheet = false;
  readonly workbook: { worksheets: FakeWorksheets; names: FakeNames; application: FakeApplication };
  readonly application: FakeApplication;

  constructor(
    readonly book: FakeExcelWorkbook,
    private readonly grouped = false,
  ) {
    this.application = {
      suspendApiCalculationUntilNextSync: () => void book.calculation.push("suspend"),
      calculate: (type) => void book.calculation.push(`calculate ${type}`),
    };
    this.workbook = { worksheets: new FakeWorksheets(this), names: new FakeNames(this), application: this.application };
  }

  enqueue(apply: () => void): void {
    this.queue.push({ apply, addsSheet: this.addingSheet });
  }

  /** Queues a sheet addition (the part of a failing batch the fake applies anyway). */
  enqueueSheet(apply: () => void): void {
    this.addingSheet = true;
    this.enqueue(apply);
    this.addingSheet = false;
  }

  onSync(load: () => void): void {
    this.loaded.push(load);
  }

  async sync(): Promise<void> {
    this.book.syncs++;
    const operations = this.queue;
    this.queue = [];
    const undoFailure = this.book.undoUnsupported && this.grouped && operations.length > 0;
    if (this.book.failAtSync === this.book.syncs || undoFailure) {
      // Like Excel, a failing batch may have applied part of its work: apply the sheet additions, then fail.
      for (const operation of operations.filter((op) => op.addsSheet)) operation.apply();
      this.loaded = [];
      if (undoFailure) throw Object.assign(new Error("UndoNotSupported (simulated)"), { code: "UndoNotSupported" });
      throw new Error("InvalidArgument: simulated failure of the write batch");
    }
    this.book.hf.batch(() => operations.forEach((operation) => operation.apply()));
    for (const load of this.loaded) load();
    this.loaded = [];
  }
}

interface FakeApplication {
  suspendApiCalculationUntilNextSync(): void;
  calculate(type: string): void;
}

type NullObject = { isNullObject: boolean; load: (p: string) => void; delete: () => void };

/** A loaded worksheet of `worksheets.items`: name and id, and delete (queued). */
interface FakeSheetItem {
  readonly name: string;
  readonly id: string;
  delete(): void;
}

class FakeWorksheets {
  items: FakeSheetItem[] = [];
  constructor(private readonly context: FakeContext) {}

  /** Loads the items' names and ids ("items/name", "items/name,items/id"). */
  load(): void {
    this.context.onSync(() => {
      const { book } = this.context;
      this.items = book.sheetNames().map((name) => {
        const id = book.sheetIdOf(name);
        return { name, id, delete: () => this.context.enqueue(() => book.removeSheetNamed(book.sheetNamed(id))) };
      });
    });
  }

  add(name: string): FakeWorksheet {
    this.context.enqueueSheet(() => {
      if (this.context.book.hf.doesSheetExist(name)) throw new Error(`ItemAlreadyExists: sheet ${name}`);
      this.context.book.hf.addSheet(name);
      this.context.book.sheetIdOf(name);
    });
    return new FakeWorksheet(this.context, name);
  }

  /** A worksheet by name or by id, as Excel's getItem takes either. */
  getItem(key: string): FakeWorksheet {
    return new FakeWorksheet(this.context, key);
  }

  getItemOrNullObject(name: string): NullObject {
    const item = {
      isNullObject: true,
      load: () => this.context.onSync(() => (item.isNullObject = !this.context.book.hf.doesSheetExist(name))),
      delete: () => this.context.enqueue(() => this.context.book.removeSheetNamed(name)),
    };
    return item;
  }
}

/** A loaded defined name of `names.items`: name, formula ("=Payment!$B$9") and delete (queued). */
interface FakeNameItem {
  readonly name: string;
  readonly formula: string;
  delete(): void;
}

class FakeNames {
  items: FakeNameItem[] = [];
  constructor(private readonly context: FakeContext) {}

  /** Loads the items' names and formulas ("items/name", "items/name,items/formula"). */
  load(): void {
    this.context.onSync(() => {
      const { hf } = this.context.book;
      this.items = this.context.book.nameList().map((name) => ({
        name,
        formula: hf.getNamedExpressionFormula(name) ?? "",
        delete: () => this.context.enqueue(() => hf.removeNamedExpression(name)),
      }));
    });
  }

  add(name: string, reference: FakeRange, comment?: string): void {
    this.context.enqueue(() => {
      if (this.context.book.hf.isItPossibleToAddNamedExpression(name, "=1") === false) {
        throw new Error(`InvalidArgument: name ${name}`);
      }
      this.context.book.hf.addNamedExpression(
        name,
        `=${quoteSheet(reference.sheet)}!${absoluteReference(reference.area)}`,
      );
      if (comment !== undefined) this.context.book.nameComments.set(name, comment);
    });
  }

  /**
   * A name's range. `getRange` of a name that refers to no cells (`=#REF!` after its sheet was removed) throws at
   * once here (Excel fails the sync); `getRangeOrNullObject` (ExcelApi 1.4) gives a null object instead.
   */
  getItem(name: string): { getRange: () => FakeRange; getRangeOrNullObject: () => FakeRange } {
    const target = (): { sheet: string; area: string } | null => {
      const expression = this.context.book.hf.getNamedExpressionFormula(name);
      const match =
        expression === undefined ? null : /^='?(.*?)'?!(\$?[A-Z]+\$?\d+(?::\$?[A-Z]+\$?\d+)?)$/.exec(expression);
      const sheet = (match?.[1] ?? "").replace(/''/g, "'");
      // A name whose sheet was removed refers to no cells (Excel shows =#REF!).
      if (match === null || !this.context.book.hf.doesSheetExist(sheet)) return null;
      return { sheet, area: (match[2] ?? "").replace(/\$/g, "") };
    };
    return {
      getRange: () => {
        const found = target();
        if (found === null) throw new Error(`ItemNotFound: name ${name}`);
        return new FakeRange(this.context, found.sheet, found.area);
      },
      getRangeOrNullObject: () => {
        const found = target();
        return found === null
          ? new FakeRange(this.context, "", "A1", true)
          : new FakeRange(this.context, found.sheet, found.area);
      },
    };
  }

  getItemOrNullObject(name: string): NullObject {
    const item = {
      isNullObject: true,
      load: () =>
        this.context.onSync(() => (item.isNullObject = this.context.book.hf.getNamedExpression(name) === undefined)),
      delete: () => this.context.enqueue(() => this.context.book.hf.removeNamedExpression(name)),
    };
    return item;
  }
}

function absoluteReference(address: string): string {
  return address
    .split(":")
    .map((part) => part.replace(/^\$?([A-Z]+)\$?(\d+)$/, "$$$1$$$2"))
    .join(":");
}
