import { HyperFormula, type RawCellContent } from "hyperformula";
import { parseCell } from "../../src/plan/address";
import { quoteSheet } from "../../src/plan/formula";
import type { ExcelHost } from "../../src/excel/host";

/**
 * A small stand-in for Excel's JavaScript API, backed by HyperFormula so written formulas really compute. It covers
 * what src/excel uses: worksheets (load items, add, getItemOrNullObject, delete, activate), ranges (formulas,
 * numberFormat, format.*), defined names, charts, suspendApiCalculationUntilNextSync and sync. Writes are queued and
 * applied at sync, in Excel's order of effect: sheets, then names, then cell contents. Range shapes are checked.
 */
export class FakeExcelWorkbook {
  readonly hf: HyperFormula;
  syncs = 0;
  runs: { mergeUndoGroup: boolean }[] = [];
  /** Makes the n-th sync (1-based, counted over the workbook's life) throw, to test recovery. */
  failAtSync: number | null = null;
  readonly formats = new Map<string, string>();
  readonly fills = new Map<string, string>();
  readonly unlocked = new Set<string>();
  readonly charts: {
    sheet: string;
    type: string;
    title: string;
    data: string;
    categories: string;
    position: string;
  }[] = [];
  readonly nameComments = new Map<string, string>();
  startupBehaviour: "none" | "load" = "none";
  active: string | null = null;

  constructor(initialSheets: Record<string, RawCellContent[][]> = {}, initialNames: Record<string, string> = {}) {
    this.hf = HyperFormula.buildFromSheets(
      initialSheets,
      { licenseKey: "gpl-v3", maxRows: 100_000, smartRounding: false },
      Object.entries(initialNames).map(([name, expression]) => ({ name, expression })),
    );
  }

  /** The ExcelHost the writer uses: runs batches against this workbook. */
  host(supportsApi120 = true): ExcelHost {
    return {
      run: async (batch, options) => {
        this.runs.push({ mergeUndoGroup: options?.mergeUndoGroup ?? false });
        return batch(new FakeContext(this) as unknown as Excel.RequestContext);
      },
      supportsExcelApi: (version) => supportsApi120 || Number(version.split(".")[1]) < 20,
      loadOnStartup: async () => {
        this.startupBehaviour = "load";
      },
    };
  }

  sheetNames(): string[] {
    return this.hf.getSheetNames();
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

type Operation = { order: number; apply: () => void };
const ORDER = { sheet: 0, name: 1, cells: 2, format: 3, chart: 4, delete: 5 } as const;

class FakeContext {
  private queue: Operation[] = [];
  private loaded: (() => void)[] = [];
  readonly workbook: { worksheets: FakeWorksheets; names: FakeNames };
  readonly application = { suspendApiCalculationUntilNextSync: (): void => undefined };

  constructor(readonly book: FakeExcelWorkbook) {
    this.workbook = { worksheets: new FakeWorksheets(this), names: new FakeNames(this) };
  }

  enqueue(order: number, apply: () => void): void {
    this.queue.push({ order, apply });
  }

  onSync(load: () => void): void {
    this.loaded.push(load);
  }

  async sync(): Promise<void> {
    this.book.syncs++;
    if (this.book.failAtSync === this.book.syncs) {
      // Like Excel, a failing batch may have applied part of its work: apply the sheet additions, then fail.
      for (const operation of this.queue.filter((op) => op.order === ORDER.sheet)) operation.apply();
      this.queue = [];
      throw new Error("InvalidArgument: simulated failure of the write batch");
    }
    const operations = [...this.queue].sort((a, b) => a.order - b.order);
    this.queue = [];
    this.book.hf.batch(() => operations.forEach((operation) => operation.apply()));
    for (const load of this.loaded) load();
    this.loaded = [];
  }
}

class FakeWorksheets {
  items: { name: string }[] = [];
  constructor(private readonly context: FakeContext) {}

  load(): void {
    this.context.onSync(() => {
      this.items = this.context.book.sheetNames().map((name) => ({ name }));
    });
  }

  add(name: string): FakeWorksheet {
    this.context.enqueue(ORDER.sheet, () => {
      if (this.context.book.hf.doesSheetExist(name)) throw new Error(`ItemAlreadyExists: sheet ${name}`);
      this.context.book.hf.addSheet(name);
    });
    return new FakeWorksheet(this.context, name);
  }

  getItemOrNullObject(name: string): { isNullObject: boolean; load: (p: string) => void; delete: () => void } {
    const item = {
      isNullObject: true,
      load: () => this.context.onSync(() => (item.isNullObject = !this.context.book.hf.doesSheetExist(name))),
      delete: () =>
        this.context.enqueue(ORDER.delete, () => {
          const id = this.context.book.hf.getSheetId(name);
          if (id === undefined) throw new Error(`ItemNotFound: sheet ${name}`);
          this.context.book.hf.removeSheet(id);
        }),
    };
    return item;
  }
}

class FakeNames {
  items: { name: string }[] = [];
  constructor(private readonly context: FakeContext) {}

  load(): void {
    this.context.onSync(() => {
      this.items = this.context.book.nameList().map((name) => ({ name }));
    });
  }

  add(name: string, reference: FakeRange, comment?: string): void {
    this.context.enqueue(ORDER.name, () => {
      if (this.context.book.hf.isItPossibleToAddNamedExpression(name, "=1") === false) {
        throw new Error(`InvalidArgument: name ${name}`);
      }
      this.context.book.hf.addNamedExpression(
        name,
        `=${quoteSheet(reference.sheet)}!${absoluteReference(reference.address)}`,
      );
      if (comment !== undefined) this.context.book.nameComments.set(name, comment);
    });
  }

  getItem(name: string): { getRange: () => FakeRange } {
    return {
      getRange: () => {
        const expression = this.context.book.hf.getNamedExpressionFormula(name);
        const match = expression === undefined ? null : /^='?(.*?)'?!(.+)$/.exec(expression);
        if (match === null) throw new Error(`ItemNotFound: name ${name}`);
        return new FakeRange(this.context, (match[1] ?? "").replace(/''/g, "'"), (match[2] ?? "").replace(/\$/g, ""));
      },
    };
  }

  getItemOrNullObject(name: string): { isNullObject: boolean; load: (p: string) => void; delete: () => void } {
    const item = {
      isNullObject: true,
      load: () =>
        this.context.onSync(() => (item.isNullObject = this.context.book.hf.getNamedExpression(name) === undefined)),
      delete: () => this.context.enqueue(ORDER.delete, () => this.context.book.hf.removeNamedExpression(name)),
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

class FakeWorksheet {
  readonly charts: { add: (type: string, data: FakeRange, seriesBy: string) => FakeChart };

  constructor(
    private readonly context: FakeContext,
    readonly name: string,
  ) {
    this.charts = {
      add: (type, data) => {
        const chart = new FakeChart(type, data);
        context.enqueue(ORDER.chart, () =>
          context.book.charts.push({
            sheet: name,
            type,
            title: chart.title.text,
            data: `${data.sheet}!${data.address}`,
            categories: chart.categories,
            position: chart.position,
          }),
        );
        return chart;
      },
    };
  }

  getRange(address: string): FakeRange {
    return new FakeRange(this.context, this.name, address);
  }

  activate(): void {
    this.context.enqueue(ORDER.format, () => (this.context.book.active = this.name));
  }
}

class FakeChart {
  readonly title = { text: "" };
  categories = "";
  position = "";
  readonly axes = {
    categoryAxis: { setCategoryNames: (range: FakeRange) => (this.categories = `${range.sheet}!${range.address}`) },
  };
  constructor(
    readonly type: string,
    readonly data: FakeRange,
  ) {}
  setPosition(anchor: string): void {
    this.position = anchor;
  }
}

class FakeRange {
  readonly format: {
    font: { bold: boolean };
    fill: { color: string };
    protection: { locked: boolean };
    columnWidth: number;
  };

  constructor(
    private readonly context: FakeContext,
    readonly sheet: string,
    readonly address: string,
  ) {
    const key = `${sheet}!${address}`;
    const book = context.book;
    const enqueue = (apply: () => void): void => context.enqueue(ORDER.format, apply);
    const font = { bold: false };
    const fill = { color: "" };
    const protection = { locked: true };
    this.format = {
      get font() {
        return new Proxy(font, { set: (target, p, v) => (enqueue(() => undefined), Reflect.set(target, p, v)) });
      },
      get fill() {
        return new Proxy(fill, {
          set: (target, p, v) => (enqueue(() => book.fills.set(key, String(v))), Reflect.set(target, p, v)),
        });
      },
      get protection() {
        return new Proxy(protection, {
          set: (target, p, v) => (
            enqueue(() => (v === false ? book.unlocked.add(key) : undefined)),
            Reflect.set(target, p, v)
          ),
        });
      },
      columnWidth: 0,
    };
  }

  values: unknown[][] = [];

  load(property: string): void {
    if (property !== "values") throw new Error(`the fake loads only values, not ${property}`);
    this.context.onSync(() => {
      const sheet = this.context.book.hf.getSheetId(this.sheet);
      if (sheet === undefined) throw new Error(`ItemNotFound: sheet ${this.sheet}`);
      const { top, left, rows, columns } = this.shape();
      this.values = Array.from({ length: rows }, (_, row) =>
        Array.from({ length: columns }, (_, column) =>
          this.context.book.hf.getCellValue({ sheet, row: top + row, col: left + column }),
        ),
      );
    });
  }

  private shape(): { top: number; left: number; rows: number; columns: number } {
    const [from, to = from] = this.address.split(":");
    const start = parseCell(from ?? "");
    const end = parseCell(to ?? from ?? "");
    return {
      top: start.row - 1,
      left: start.column,
      rows: end.row - start.row + 1,
      columns: end.column - start.column + 1,
    };
  }

  private checkShape(values: unknown[][], what: string): void {
    const { rows, columns } = this.shape();
    if (values.length !== rows || values.some((line) => line.length !== columns)) {
      throw new Error(
        `InvalidArgument: ${what} of shape ${values.length}x${values[0]?.length} for range ${this.address}`,
      );
    }
  }

  set formulas(values: (string | number)[][]) {
    this.checkShape(values, "formulas");
    const { top, left } = this.shape();
    this.context.enqueue(ORDER.cells, () => {
      const sheet = this.context.book.hf.getSheetId(this.sheet);
      if (sheet === undefined) throw new Error(`ItemNotFound: sheet ${this.sheet}`);
      const contents = values.map((line) => line.map((value) => (value === "" ? null : value)));
      this.context.book.hf.setCellContents({ sheet, row: top, col: left }, contents);
    });
  }

  set numberFormat(values: string[][]) {
    this.checkShape(values, "numberFormat");
    const { top, left } = this.shape();
    this.context.enqueue(ORDER.format, () =>
      values.forEach((line, row) =>
        line.forEach((format, column) =>
          this.context.book.formats.set(`${this.sheet}!R${top + row + 1}C${left + column + 1}`, format),
        ),
      ),
    );
  }
}
