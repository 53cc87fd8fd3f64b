import JSZip from "jszip";
import { absolute, parseCell } from "../plan/address";
import { quoteSheet } from "../plan/formula";
import type { ChartPlan, PlanCell, SheetPlan, WorkbookPlan } from "../plan/types";
import { ownValue } from "../engine/lookup";

/**
 * The plan's charts as DrawingML parts of an .xlsx file image (ExcelJS writes no charts, and no maintained npm
 * package adds charts to a file ExcelJS wrote: xlsx-chart and officegen build whole workbooks of their own).
 *
 * For each sheet with charts it adds `xl/drawings/drawingN.xml` (one `twoCellAnchor` per chart) with its `_rels`, for
 * each chart `xl/charts/chartK.xml`, the sheet's `<drawing r:id>` element and relationship, and the
 * `[Content_Types].xml` overrides. A chart has one series per column of `ChartPlan.data` (name from the header row,
 * values below it), categories from `ChartPlan.categories` (text or numbers), its title, a category axis titled by
 * the plan's text cell above the categories (if any), a value axis in the number format of the first value cell, and a
 * legend at the bottom.
 *
 * Notes: references are printed as `'Sheet'!$B$4:$B$9` (the sheet always quoted, `'` doubled) and every text is
 * XML-escaped, so sheet names such as `Følsomhed` or `R&D` are safe. What is known before recalculation is cached in
 * the chart (`<c:strCache>`, `<c:numCache>`): the plan's literals (series names, categories) and the `cached` results
 * (sheet → address → value, e.g. the engine's named outputs), so a viewer that does not recalculate (Protected View)
 * still labels the chart and draws a series whose every value is known; the others are drawn after recalculation.
 * Size: about 640 × 360 px (17 × 9.5 cm) from the top-left cell `ChartPlan.anchor`; the bottom-right cell follows from
 * the sheet's column widths (7 px per character + 5 px, Calibri 11) and 20 px rows.
 * @example writeFileSync("model.xlsx", await addCharts(new Uint8Array(await workbook.xlsx.writeBuffer()), plan));
 */
export async function addCharts(
  xlsx: Uint8Array,
  plan: WorkbookPlan,
  cached: CachedCells = new Map(),
): Promise<Uint8Array> {
  if (plan.charts.length === 0) return xlsx;
  const zip = await JSZip.loadAsync(xlsx);
  const sheetParts = await worksheetParts(zip);
  const overrides: string[] = [];
  let chartCount = 0;
  let drawingCount = 0;
  for (const [sheetName, charts] of groupBySheet(plan.charts)) {
    const sheetPart = sheetParts.get(sheetName);
    if (sheetPart === undefined) throw new Error(`a chart is placed on "${sheetName}", a sheet the workbook lacks`);
    const drawingPath = `xl/drawings/drawing${++drawingCount}.xml`;
    const anchors = charts.map((chart, index): ChartAnchor => {
      const chartPath = `xl/charts/chart${++chartCount}.xml`;
      zip.file(chartPath, chartXml(chart, sheetOf(plan, chart.dataSheet), cached.get(chart.dataSheet)));
      overrides.push(override(chartPath, CHART_CONTENT_TYPE));
      const relId = `rId${index + 1}`;
      return {
        chart,
        relId,
        target: `../charts/chart${chartCount}.xml`,
        ...placement(chart.anchor, sheetOf(plan, sheetName)),
      };
    });
    zip.file(drawingPath, drawingXml(anchors));
    zip.file(relsPath(drawingPath), relsXml(anchors.map((a) => relationship(a.relId, CHART_REL, a.target))));
    overrides.push(override(drawingPath, DRAWING_CONTENT_TYPE));
    await attachDrawing(zip, sheetPart, `../drawings/drawing${drawingCount}.xml`);
  }
  const contentTypes = await partText(zip, "[Content_Types].xml");
  zip.file("[Content_Types].xml", contentTypes.replace("</Types>", `${overrides.join("")}</Types>`));
  return zip.generateAsync({ type: "uint8array", compression: "DEFLATE", compressionOptions: { level: 6 } });
}

const NS = {
  chart: "http://schemas.openxmlformats.org/drawingml/2006/chart",
  main: "http://schemas.openxmlformats.org/drawingml/2006/main",
  sheetDrawing: "http://schemas.openxmlformats.org/drawingml/2006/spreadsheetDrawing",
  officeRels: "http://schemas.openxmlformats.org/officeDocument/2006/relationships",
  packageRels: "http://schemas.openxmlformats.org/package/2006/relationships",
} as const;
const CHART_REL = `${NS.officeRels}/chart`;
const DRAWING_REL = `${NS.officeRels}/drawing`;
const CHART_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const DRAWING_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';

/** Series colours (Office theme accents 1–6), in series order, repeated after six. */
export const SERIES_COLOURS = ["4472C4", "ED7D31", "A5A5A5", "FFC000", "5B9BD5", "70AD47"] as const;
/** Chart size in pixels (96 dpi) and English Metric Units per pixel. */
const CHART_WIDTH_PX = 640;
const CHART_HEIGHT_PX = 360;
const ROW_HEIGHT_PX = 20;
const EMU_PER_PX = 9525;
/** Excel's default column width in characters, for columns the plan gives no width. */
const DEFAULT_COLUMN_WIDTH = 8.43;
/** Worksheet elements that come after <drawing> in the schema's sequence (CT_Worksheet). */
const AFTER_DRAWING = ["legacyDrawing", "legacyDrawingHF", "picture", "oleObjects", "controls", "webPublishItems"];
const AFTER_DRAWING_TAIL = ["tableParts", "extLst"];
const CATEGORY_AXIS_ID = 1;
const VALUE_AXIS_ID = 2;

/** Cached results of formula cells: sheet name → A1 address ("B4") → value. */
export type CachedCells = ReadonlyMap<string, ReadonlyMap<string, number | string>>;

/** What a cell shows before any recalculation: its literal value, or its cached result; undefined if unknown. */
type KnownValue = (position: Position) => number | string | undefined;

/** A cell position: 0-based column, 1-based row (as src/plan/address parseCell). */
interface Position {
  readonly column: number;
  readonly row: number;
}

/** A drawing marker: 0-based column and row with offsets in EMU. */
interface Marker {
  readonly column: number;
  readonly columnOffset: number;
  readonly row: number;
  readonly rowOffset: number;
}

interface ChartAnchor {
  readonly chart: ChartPlan;
  readonly relId: string;
  readonly target: string;
  readonly from: Marker;
  readonly to: Marker;
}

/**
 * The chart part (`c:chartSpace`) of one chart, its data on `dataSheet` (the plan's cells give the literal series
 * names, categories and the value format; `cached` the results known for formula cells of that sheet, by address).
 * @example chartXml(plan.charts[0], plan.sheets[2]) // '<?xml …?>\n<c:chartSpace …><c:chart><c:title>…'
 */
export function chartXml(
  chart: ChartPlan,
  dataSheet: SheetPlan,
  cached: ReadonlyMap<string, number | string> = new Map(),
): string {
  const data = parseRange(chart.data);
  const categories = parseRange(chart.categories);
  const points = data.last.row - data.first.row;
  if (categories.last.row - categories.first.row + 1 !== points || categories.first.column !== categories.last.column) {
    throw new Error(`chart "${chart.title}": ${chart.categories} must be one column of ${points} rows, as the data`);
  }
  const cells = cellsByAddress(dataSheet);
  const known: KnownValue = (position) => {
    const cell = cells.get(address(position));
    return cell?.formula === undefined ? cell?.value : cached.get(address(position));
  };
  const sheet = quoteSheet(dataSheet.name);
  const textCategories = columnValues(categories, known).some((value) => typeof value === "string");
  const categoryXml = categoriesXml(sheet, categories, known);
  const series: string[] = [];
  for (let column = data.first.column; column <= data.last.column; column++) {
    const name = seriesNameXml(sheet, { column, row: data.first.row }, known);
    const values = valuesXml(
      sheet,
      { first: { column, row: data.first.row + 1 }, last: { column, row: data.last.row } },
      known,
    );
    series.push(seriesXml(chart.type, column - data.first.column, name, categoryXml, values));
  }
  const header = known({ column: categories.first.column, row: categories.first.row - 1 });
  const categoryTitle = typeof header === "string" ? header : undefined;
  const valueFormat = cells.get(address({ column: data.first.column, row: data.first.row + 1 }))?.format ?? "General";
  const horizontal = chart.type === "barClustered";
  const axes = `${categoryAxisXml(categoryTitle, textCategories, horizontal)}${valueAxisXml(valueFormat, horizontal)}`;
  return (
    `${XML_DECLARATION}<c:chartSpace xmlns:c="${NS.chart}" xmlns:a="${NS.main}" xmlns:r="${NS.officeRels}">` +
    `<c:roundedCorners val="0"/><c:chart>${titleXml(chart.title, 1400)}<c:autoTitleDeleted val="0"/>` +
    `<c:plotArea><c:layout/>${plotXml(chart.type, series)}${axes}</c:plotArea>` +
    `<c:legend><c:legendPos val="b"/><c:overlay val="0"/></c:legend><c:plotVisOnly val="1"/>` +
    `<c:dispBlanksAs val="gap"/></c:chart></c:chartSpace>`
  );
}

/**
 * The plot of the series: lines (no markers), clustered columns, or horizontal bars whose series overlap fully (a
 * tornado: an input's low and high bar on one line), on the two axes.
 */
function plotXml(type: ChartPlan["type"], series: readonly string[]): string {
  const varyColors = '<c:varyColors val="0"/>';
  if (type === "line") {
    return `<c:lineChart><c:grouping val="standard"/>${varyColors}${series.join("")}<c:marker val="1"/>${axisIds()}</c:lineChart>`;
  }
  const bars = type === "barClustered";
  return (
    `<c:barChart><c:barDir val="${bars ? "bar" : "col"}"/><c:grouping val="clustered"/>${varyColors}${series.join("")}` +
    `<c:gapWidth val="${bars ? 50 : 150}"/>${bars ? '<c:overlap val="100"/>' : ""}${axisIds()}</c:barChart>`
  );
}

/**
 * The drawing part (`xdr:wsDr`) of a sheet: one `twoCellAnchor` (moves with its cells, keeps its size) per chart,
 * each a graphic frame pointing at its chart part through the drawing's relationship `relId`; the chart title is
 * the frame's description (alternative text).
 */
function drawingXml(anchors: readonly ChartAnchor[]): string {
  const frames = anchors.map(
    (anchor, index) =>
      `<xdr:twoCellAnchor editAs="oneCell">${markerXml("from", anchor.from)}${markerXml("to", anchor.to)}` +
      `<xdr:graphicFrame macro=""><xdr:nvGraphicFramePr>` +
      `<xdr:cNvPr id="${index + 2}" name="Chart ${index + 1}" descr="${escapeXml(anchor.chart.title)}"/>` +
      `<xdr:cNvGraphicFramePr/></xdr:nvGraphicFramePr>` +
      `<xdr:xfrm><a:off x="0" y="0"/><a:ext cx="0" cy="0"/></xdr:xfrm>` +
      `<a:graphic><a:graphicData uri="${NS.chart}">` +
      `<c:chart xmlns:c="${NS.chart}" xmlns:r="${NS.officeRels}" r:id="${anchor.relId}"/>` +
      `</a:graphicData></a:graphic></xdr:graphicFrame><xdr:clientData/></xdr:twoCellAnchor>`,
  );
  const root = `<xdr:wsDr xmlns:xdr="${NS.sheetDrawing}" xmlns:a="${NS.main}">`;
  return `${XML_DECLARATION}${root}${frames.join("")}</xdr:wsDr>`;
}

function markerXml(tag: "from" | "to", marker: Marker): string {
  return (
    `<xdr:${tag}><xdr:col>${marker.column}</xdr:col><xdr:colOff>${marker.columnOffset}</xdr:colOff>` +
    `<xdr:row>${marker.row}</xdr:row><xdr:rowOff>${marker.rowOffset}</xdr:rowOff></xdr:${tag}>`
  );
}

/** Top-left and bottom-right markers of a chart whose top-left corner is the cell `anchor` (e.g. "H3"). */
function placement(anchor: string, sheet: SheetPlan): { from: Marker; to: Marker } {
  const { column, row } = parseCell(anchor);
  let toColumn = column;
  let remaining = CHART_WIDTH_PX;
  while (remaining > columnPixels(sheet.columnWidths[toColumn])) {
    remaining -= columnPixels(sheet.columnWidths[toColumn]);
    toColumn++;
  }
  const rows = Math.floor(CHART_HEIGHT_PX / ROW_HEIGHT_PX);
  return {
    from: { column, columnOffset: 0, row: row - 1, rowOffset: 0 },
    to: {
      column: toColumn,
      columnOffset: remaining * EMU_PER_PX,
      row: row - 1 + rows,
      rowOffset: (CHART_HEIGHT_PX - rows * ROW_HEIGHT_PX) * EMU_PER_PX,
    },
  };
}

/** Width in pixels of a column `width` characters wide (Excel, Calibri 11: 7 px per character + 5 px padding). */
function columnPixels(width: number | undefined): number {
  return Math.trunc(7 * (width ?? DEFAULT_COLUMN_WIDTH) + 5);
}

function seriesXml(type: ChartPlan["type"], index: number, name: string, categories: string, values: string): string {
  const colour = SERIES_COLOURS[index % SERIES_COLOURS.length] ?? SERIES_COLOURS[0];
  const head = `<c:idx val="${index}"/><c:order val="${index}"/>${name}`;
  if (type === "line") {
    const line = `<a:ln w="22225" cap="rnd"><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill><a:round/></a:ln>`;
    const noMarker = '<c:marker><c:symbol val="none"/></c:marker>';
    return `<c:ser>${head}<c:spPr>${line}</c:spPr>${noMarker}${categories}${values}<c:smooth val="0"/></c:ser>`;
  }
  const fill = `<c:spPr><a:solidFill><a:srgbClr val="${colour}"/></a:solidFill></c:spPr>`;
  return `<c:ser>${head}${fill}<c:invertIfNegative val="0"/>${categories}${values}</c:ser>`;
}

/** A series name (`c:tx`): a reference to the header cell, with its text cached when it is known. */
function seriesNameXml(sheet: string, position: Position, known: KnownValue): string {
  const reference = escapeXml(`${sheet}!${absolute(position.column, position.row)}`);
  const name = known(position);
  const cache = name === undefined ? "" : stringCache([String(name)]);
  return `<c:tx><c:strRef><c:f>${reference}</c:f>${cache}</c:strRef></c:tx>`;
}

/** A series' values (`c:val`), with a number cache when every value is known. */
function valuesXml(sheet: string, range: CellRange, known: KnownValue): string {
  const values = columnValues(range, known);
  const numbers = values.filter((value): value is number => typeof value === "number");
  const cache = numbers.length === values.length ? numberCache(numbers) : "";
  return `<c:val><c:numRef><c:f>${rangeReference(sheet, range)}</c:f>${cache}</c:numRef></c:val>`;
}

/** The categories (`c:cat`): text labels as a string reference, numbers (months) as a number reference. */
function categoriesXml(sheet: string, range: CellRange, known: KnownValue): string {
  const values = columnValues(range, known);
  if (values.some((value) => typeof value === "string")) {
    const texts = values.filter((value) => value !== undefined).map(String);
    const cache = texts.length === values.length ? stringCache(texts) : "";
    return `<c:cat><c:strRef><c:f>${rangeReference(sheet, range)}</c:f>${cache}</c:strRef></c:cat>`;
  }
  const numbers = values.filter((value): value is number => typeof value === "number");
  const cache = numbers.length === values.length ? numberCache(numbers) : "";
  return `<c:cat><c:numRef><c:f>${rangeReference(sheet, range)}</c:f>${cache}</c:numRef></c:cat>`;
}

function columnValues(range: CellRange, known: KnownValue): (number | string | undefined)[] {
  const values: (number | string | undefined)[] = [];
  for (let row = range.first.row; row <= range.last.row; row++) values.push(known({ column: range.first.column, row }));
  return values;
}

/** `'Sheet'!$B$4:$B$9`, XML-escaped. */
function rangeReference(sheet: string, range: CellRange): string {
  return escapeXml(
    `${sheet}!${absolute(range.first.column, range.first.row)}:${absolute(range.last.column, range.last.row)}`,
  );
}

function stringCache(texts: readonly string[]): string {
  const points = texts.map((value, index) => `<c:pt idx="${index}"><c:v>${escapeXml(value)}</c:v></c:pt>`);
  return `<c:strCache><c:ptCount val="${texts.length}"/>${points.join("")}</c:strCache>`;
}

function numberCache(numbers: readonly number[]): string {
  const points = numbers.map((value, index) => `<c:pt idx="${index}"><c:v>${value}</c:v></c:pt>`);
  const count = `<c:ptCount val="${numbers.length}"/>`;
  return `<c:numCache><c:formatCode>General</c:formatCode>${count}${points.join("")}</c:numCache>`;
}

/** A title of rich text (chart title: 14 pt; axis title: 10 pt), bold, not overlaying the plot. */
function titleXml(text: string, hundredthsOfPoint: number): string {
  const run = `<a:r><a:rPr sz="${hundredthsOfPoint}" b="1"/><a:t>${escapeXml(text)}</a:t></a:r>`;
  return (
    `<c:title><c:tx><c:rich><a:bodyPr/><a:lstStyle/><a:p><a:pPr><a:defRPr sz="${hundredthsOfPoint}" b="1"/></a:pPr>` +
    `${run}</a:p></c:rich></c:tx><c:overlay val="0"/></c:title>`
  );
}

function axisIds(): string {
  return `<c:axId val="${CATEGORY_AXIS_ID}"/><c:axId val="${VALUE_AXIS_ID}"/>`;
}

/**
 * Category labels in 9 pt. Text labels (budget holders) are kept horizontal, so a reader wraps them under their
 * column instead of turning them 45° into the plot's height; numbers (months) keep the automatic rotation and spacing.
 */
function categoryLabelsXml(textLabels: boolean): string {
  const bodyPr = textLabels ? '<a:bodyPr rot="0" vert="horz"/>' : "<a:bodyPr/>";
  return `<c:txPr>${bodyPr}<a:lstStyle/><a:p><a:pPr><a:defRPr sz="900"/></a:pPr></a:p></c:txPr>`;
}

/** The category axis at the bottom; labels "low", so they stay below the plot when values are negative. */
function categoryAxisXml(title: string | undefined, textLabels: boolean, horizontal = false): string {
  return (
    `<c:catAx><c:axId val="${CATEGORY_AXIS_ID}"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${horizontal ? "l" : "b"}"/>${title === undefined ? "" : titleXml(title, 1000)}` +
    `<c:numFmt formatCode="General" sourceLinked="1"/><c:majorTickMark val="out"/><c:minorTickMark val="none"/>` +
    `<c:tickLblPos val="low"/>${categoryLabelsXml(textLabels)}<c:crossAx val="${VALUE_AXIS_ID}"/>` +
    `<c:crosses val="autoZero"/><c:auto val="1"/><c:lblAlgn val="ctr"/><c:lblOffset val="100"/>` +
    `<c:noMultiLvlLbl val="0"/></c:catAx>`
  );
}

/**
 * The value axis at the left with major gridlines, in `format` (the plan's number format of the values). No axis
 * title: ChartPlan has none, and its chart titles name the unit ("…, kr").
 */
function valueAxisXml(format: string, horizontal = false): string {
  return (
    `<c:valAx><c:axId val="${VALUE_AXIS_ID}"/><c:scaling><c:orientation val="minMax"/></c:scaling>` +
    `<c:delete val="0"/><c:axPos val="${horizontal ? "b" : "l"}"/><c:majorGridlines/>` +
    `<c:numFmt formatCode="${escapeXml(format)}" sourceLinked="0"/><c:majorTickMark val="out"/>` +
    `<c:minorTickMark val="none"/><c:tickLblPos val="nextTo"/><c:crossAx val="${CATEGORY_AXIS_ID}"/>` +
    `<c:crosses val="autoZero"/><c:crossBetween val="between"/></c:valAx>`
  );
}

interface CellRange {
  readonly first: Position;
  readonly last: Position;
}

/** Parses "$B$4:$C$9" (or one cell "$B$4") into its corners. */
function parseRange(reference: string): CellRange {
  const [from = "", to = from] = reference.split(":");
  const first = parseCell(from);
  const last = parseCell(to);
  if (last.row < first.row || last.column < first.column)
    throw new Error(`not a top-left:bottom-right range: ${reference}`);
  return { first, last };
}

function address(position: Position): string {
  return absolute(position.column, position.row).replace(/\$/g, "");
}

/** The cells of a sheet by bare address, built once per sheet (a sheet with several charts is indexed once). */
function cellsByAddress(sheet: SheetPlan): ReadonlyMap<string, PlanCell> {
  const known = CELL_INDEX.get(sheet);
  if (known !== undefined) return known;
  const index = new Map(sheet.cells.map((cell) => [cell.address.replace(/\$/g, ""), cell]));
  CELL_INDEX.set(sheet, index);
  return index;
}

const CELL_INDEX = new WeakMap<SheetPlan, ReadonlyMap<string, PlanCell>>();

function sheetOf(plan: WorkbookPlan, name: string): SheetPlan {
  const sheet = plan.sheets.find((candidate) => candidate.name === name);
  if (sheet === undefined) throw new Error(`a chart refers to the sheet "${name}", which the plan lacks`);
  return sheet;
}

function groupBySheet(charts: readonly ChartPlan[]): Map<string, ChartPlan[]> {
  const groups = new Map<string, ChartPlan[]>();
  for (const chart of charts) groups.set(chart.sheet, [...(groups.get(chart.sheet) ?? []), chart]);
  return groups;
}

/** Sheet name → worksheet part (e.g. "Følsomhed" → "xl/worksheets/sheet6.xml"), from the workbook's relationships. */
async function worksheetParts(zip: JSZip): Promise<Map<string, string>> {
  const targets = new Map(
    elements(await partText(zip, "xl/_rels/workbook.xml.rels"), "Relationship").map((a) => [a.Id, a.Target]),
  );
  const parts = new Map<string, string>();
  for (const sheet of elements(await partText(zip, "xl/workbook.xml"), "sheet")) {
    const target = targets.get(sheet["r:id"] ?? "");
    if (sheet.name === undefined || target === undefined) throw new Error("xl/workbook.xml: a sheet without a part");
    parts.set(unescapeXml(sheet.name), target.startsWith("/") ? target.slice(1) : `xl/${target}`);
  }
  return parts;
}

/** Adds the relationship to the drawing and the `<drawing r:id>` element, in its place in the schema's sequence. */
async function attachDrawing(zip: JSZip, sheetPart: string, target: string): Promise<void> {
  const sheetXml = await partText(zip, sheetPart);
  if (/<drawing\b/.test(sheetXml)) throw new Error(`${sheetPart} already has a drawing`);
  if (!sheetXml.includes(`xmlns:r="${NS.officeRels}"`)) throw new Error(`${sheetPart} lacks the r: namespace`);
  const rels = zip.file(relsPath(sheetPart)) === null ? null : await partText(zip, relsPath(sheetPart));
  const taken = new Set(rels === null ? [] : elements(rels, "Relationship").map((a) => a.Id));
  let number = 1;
  while (taken.has(`rId${number}`)) number++;
  const relId = `rId${number}`;
  const drawingRel = relationship(relId, DRAWING_REL, target);
  zip.file(
    relsPath(sheetPart),
    rels === null ? relsXml([drawingRel]) : rels.replace("</Relationships>", `${drawingRel}</Relationships>`),
  );
  zip.file(sheetPart, insertBefore(sheetXml, `<drawing r:id="${relId}"/>`));
}

/** Inserts `element` before the first worksheet child that must follow <drawing>, else before </worksheet>. */
function insertBefore(sheetXml: string, element: string): string {
  const positions = [...AFTER_DRAWING, ...AFTER_DRAWING_TAIL]
    .map((tag) => sheetXml.search(new RegExp(`<${tag}[\\s/>]`)))
    .filter((position) => position >= 0);
  const position = positions.length === 0 ? sheetXml.lastIndexOf("</worksheet>") : Math.min(...positions);
  if (position < 0) throw new Error("a worksheet part without </worksheet>");
  return `${sheetXml.slice(0, position)}${element}${sheetXml.slice(position)}`;
}

/** The relationships part of a part: "xl/drawings/drawing1.xml" → "xl/drawings/_rels/drawing1.xml.rels". */
function relsPath(part: string): string {
  const slash = part.lastIndexOf("/");
  return `${part.slice(0, slash)}/_rels/${part.slice(slash + 1)}.rels`;
}

function relsXml(relationships: readonly string[]): string {
  return `${XML_DECLARATION}<Relationships xmlns="${NS.packageRels}">${relationships.join("")}</Relationships>`;
}

function relationship(id: string, type: string, target: string): string {
  return `<Relationship Id="${id}" Type="${type}" Target="${escapeXml(target)}"/>`;
}

function override(part: string, contentType: string): string {
  return `<Override PartName="/${escapeXml(part)}" ContentType="${contentType}"/>`;
}

async function partText(zip: JSZip, path: string): Promise<string> {
  const file = zip.file(path);
  if (file === null) throw new Error(`the .xlsx lacks ${path}`);
  return file.async("string");
}

/** The attributes of every `<tag …>` element (a flat reading, enough for the parts ExcelJS writes). */
function elements(xml: string, tag: string): Record<string, string | undefined>[] {
  return [...xml.matchAll(new RegExp(`<${tag}\\s([^>]*?)/?>`, "g"))].map((match) =>
    Object.fromEntries([...(match[1] ?? "").matchAll(/([\w:]+)="([^"]*)"/g)].map((a) => [a[1], a[2]])),
  );
}

/** Escapes text for XML element content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(/[&<>"']/g, (character) => ownValue(XML_ESCAPES, character) ?? character);
}

const XML_ESCAPES: Readonly<Record<string, string>> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&apos;",
};

function unescapeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#x[0-9a-fA-F]+|#[0-9]+);/g, (_, entity: string) =>
    entity.startsWith("#")
      ? String.fromCodePoint(Number(entity.startsWith("#x") ? `0x${entity.slice(2)}` : entity.slice(1)))
      : (ownValue(UNESCAPES, entity) ?? ""),
  );
}

const UNESCAPES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
