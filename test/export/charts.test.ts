import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { computeBusinessCase } from "../../src/engine/businessCase";
import { expectOk } from "../../src/engine/errors";
import { OUTCOME_STATES, STATE_LABELS } from "../../src/engine/states";
import { pilotModel } from "../../src/engine/modelFile";
import { columnLetters, parseCell } from "../../src/plan/address";
import { buildPlan } from "../../src/plan/buildPlan";
import { quoteSheet } from "../../src/plan/formula";
import { cachedOutputValues } from "../../src/export/cachedValues";
import { addCharts, SERIES_COLOURS } from "../../src/export/charts";
import { planToXlsx } from "../../src/export/xlsx";
import { MONTHS, SMALL_CHARTS, SMALL_SHEET, smallPlan } from "../support/smallPlans";
import {
  child,
  children,
  parse,
  readParts,
  relationships,
  resolveTarget,
  valueOf,
  type XlsxParts,
  type XmlNode,
} from "../support/xlsxParts";

const OFFICE_RELS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
const CHART_TYPE = "application/vnd.openxmlformats-officedocument.drawingml.chart+xml";
const DRAWING_TYPE = "application/vnd.openxmlformats-officedocument.drawing+xml";

/** Every part is well-formed, every internal relationship points at a part that exists, every part has a type. */
function expectConsistentPackage(parts: XlsxParts): void {
  for (const path of parts.paths.filter((p) => /\.(xml|rels)$/.test(p)))
    expect(() => parse(parts.text(path)), path).not.toThrow();
  for (const relsPath of parts.paths.filter((p) => p.endsWith(".rels"))) {
    for (const relation of relationships(parts.text(relsPath))) {
      expect(parts.paths, `${relsPath} → ${relation.target}`).toContain(resolveTarget(relsPath, relation.target));
    }
  }
  const types = child(parse(parts.text("[Content_Types].xml")), "Types");
  const overrides = new Set(children(types, "Override").map((o) => valueOf(o, "@_PartName")));
  const defaults = new Set(children(types, "Default").map((d) => valueOf(d, "@_Extension")));
  for (const path of parts.paths.filter((p) => p !== "[Content_Types].xml")) {
    const extension = path.slice(path.lastIndexOf(".") + 1);
    expect(overrides.has(`/${path}`) || defaults.has(extension), `content type of ${path}`).toBe(true);
  }
}

/** "xl/drawings/drawing1.xml" → "xl/drawings/_rels/drawing1.xml.rels". */
function relsOf(part: string): string {
  return part.replace(/([^/]*)$/, "_rels/$1.rels");
}

/** The chart parts a sheet's drawing points at, in anchor order. */
function chartsOfSheet(parts: XlsxParts, sheetName: string): { drawing: XmlNode; charts: XmlNode[] } {
  const sheetPart = parts.sheetPart(sheetName);
  const sheetRels = relsOf(sheetPart);
  const drawingId = valueOf(child(parse(parts.text(sheetPart)), "worksheet", "drawing"), "@_r:id");
  const drawingRel = relationships(parts.text(sheetRels)).find((r) => r.id === drawingId);
  expect(drawingRel?.type).toBe(`${OFFICE_RELS}/drawing`);
  const drawingPath = resolveTarget(sheetRels, drawingRel?.target ?? "");
  const drawingRels = relsOf(drawingPath);
  const chartRels = relationships(parts.text(drawingRels));
  const drawing = child(parse(parts.text(drawingPath)), "xdr:wsDr");
  const charts = children(drawing, "xdr:twoCellAnchor").map((anchor) => {
    const id = valueOf(child(anchor, "xdr:graphicFrame", "a:graphic", "a:graphicData", "c:chart"), "@_r:id");
    const relation = chartRels.find((r) => r.id === id);
    expect(relation?.type).toBe(`${OFFICE_RELS}/chart`);
    return child(parse(parts.text(resolveTarget(drawingRels, relation?.target ?? ""))), "c:chartSpace");
  });
  return { drawing, charts };
}

function titleText(chartSpace: XmlNode): string {
  return valueOf(child(chartSpace, "c:chart", "c:title", "c:tx", "c:rich", "a:p", "a:r"), "a:t") ?? "";
}

describe(".xlsx charts (DrawingML parts added to the ExcelJS file)", () => {
  it("a small plan: two charts on a sheet whose name needs quoting and escaping, in a consistent package", async () => {
    const parts = await readParts(await planToXlsx(smallPlan()));
    expectConsistentPackage(parts);
    expect(parts.paths.filter((p) => p.startsWith("xl/charts/"))).toEqual([
      "xl/charts/chart1.xml",
      "xl/charts/chart2.xml",
    ]);
    const types = parts.text("[Content_Types].xml");
    expect(types).toContain(`<Override PartName="/xl/charts/chart1.xml" ContentType="${CHART_TYPE}"/>`);
    expect(types).toContain(`<Override PartName="/xl/drawings/drawing1.xml" ContentType="${DRAWING_TYPE}"/>`);
    const sheetXml = parts.text(parts.sheetPart(SMALL_SHEET));
    expect(sheetXml.indexOf("<drawing ")).toBeGreaterThan(sheetXml.indexOf("<pageSetup"));

    const { drawing, charts } = chartsOfSheet(parts, SMALL_SHEET);
    const [line, column] = charts;
    if (line === undefined || column === undefined) throw new Error("two charts expected");
    expect(titleText(line)).toBe("Nettostrøm pr. måned, kr");
    expect(titleText(column)).toBe("Søjler <&> pr. måned, kr");
    const sheet = quoteSheet(SMALL_SHEET);
    expect(sheet).toBe("'Følsomhed & R''D'");

    const lineSeries = children(child(line, "c:chart", "c:plotArea", "c:lineChart"), "c:ser");
    expect(lineSeries.map((s) => valueOf(child(s, "c:tx", "c:strRef"), "c:f"))).toEqual([
      `${sheet}!$B$3`,
      `${sheet}!$C$3`,
    ]);
    expect(lineSeries.map((s) => valueOf(child(s, "c:tx", "c:strRef", "c:strCache", "c:pt"), "c:v"))).toEqual([
      "Kommune",
      "Stat",
    ]);
    expect(lineSeries.map((s) => valueOf(child(s, "c:val", "c:numRef"), "c:f"))).toEqual([
      `${sheet}!$B$4:$B$15`,
      `${sheet}!$C$4:$C$15`,
    ]);
    const categories = child(lineSeries[0] ?? {}, "c:cat", "c:numRef");
    expect(valueOf(categories, "c:f")).toBe(`${sheet}!$A$4:$A$15`);
    expect(children(child(categories, "c:numCache"), "c:pt").map((p) => Number(valueOf(p, "c:v")))).toEqual(
      Array.from({ length: MONTHS }, (_, i) => i + 1),
    );
    expect(lineSeries.map((s) => valueOf(child(s, "c:spPr", "a:ln", "a:solidFill", "a:srgbClr"), "@_val"))).toEqual(
      SERIES_COLOURS.slice(0, 2),
    );

    const bar = child(column, "c:chart", "c:plotArea", "c:barChart");
    expect(valueOf(child(bar, "c:barDir"), "@_val")).toBe("col");
    expect(valueOf(child(bar, "c:grouping"), "@_val")).toBe("clustered");
    expect(children(bar, "c:ser")).toHaveLength(2);

    for (const chart of charts) {
      const plotArea = child(chart, "c:chart", "c:plotArea");
      const axisTitle = child(plotArea, "c:catAx", "c:title", "c:tx", "c:rich", "a:p", "a:r");
      expect(valueOf(axisTitle, "a:t")).toBe("Måned");
      expect(valueOf(child(plotArea, "c:valAx", "c:numFmt"), "@_formatCode")).toBe("#,##0");
      expect(valueOf(child(chart, "c:chart", "c:legend", "c:legendPos"), "@_val")).toBe("b");
    }
    const anchors = children(drawing, "xdr:twoCellAnchor");
    expect(
      anchors.map((a) => [valueOf(child(a, "xdr:from"), "xdr:col"), valueOf(child(a, "xdr:from"), "xdr:row")]),
    ).toEqual([
      ["0", "17"],
      ["0", "37"],
    ]);
    expect(
      anchors.map((a) => valueOf(child(a, "xdr:graphicFrame", "xdr:nvGraphicFramePr", "xdr:cNvPr"), "@_descr")),
    ).toEqual(SMALL_CHARTS.map((c) => c.title));
  });

  it("a chart is about 640 × 360 px whatever the column widths", async () => {
    const parts = await readParts(await planToXlsx(smallPlan()));
    const [anchor] = children(chartsOfSheet(parts, SMALL_SHEET).drawing, "xdr:twoCellAnchor");
    const to = child(anchor ?? {}, "xdr:to");
    // Columns A–F are 10, 12, 12, 4, 16, 14 characters (75, 89, 89, 33, 117, 103 px), then 64 px: 640 px ends in I.
    expect(valueOf(to, "xdr:col")).toBe("8");
    expect(Number(valueOf(to, "xdr:colOff")) / 9525).toBe(640 - 506 - 2 * 64);
    expect(valueOf(to, "xdr:row")).toBe(String(17 + 18));
  });

  it("the pilot: every chart of the plan is in the file, on its sheet, and ExcelJS still reads the file", async () => {
    const model = expectOk(pilotModel());
    const plan = buildPlan(model.scenario, "da", model);
    expect(plan.charts.length).toBeGreaterThanOrEqual(4);
    const bytes = await planToXlsx(plan);
    const parts = await readParts(bytes);
    expectConsistentPackage(parts);
    expect(parts.paths.filter((p) => /^xl\/charts\/chart\d+\.xml$/.test(p))).toHaveLength(plan.charts.length);
    let textCategoryCharts = 0;
    for (const sheetName of new Set(plan.charts.map((chart) => chart.sheet))) {
      const charts = chartsOfSheet(parts, sheetName).charts;
      expect(charts.map(titleText)).toEqual(
        plan.charts.filter((chart) => chart.sheet === sheetName).map((chart) => chart.title),
      );
      for (const chart of charts) {
        // Text categories (budget holders) are labelled horizontally, wrapped; months keep the automatic rotation.
        const plotArea = child(chart, "c:chart", "c:plotArea");
        const [plot] = [...children(plotArea, "c:barChart"), ...children(plotArea, "c:lineChart")];
        const isText = children(child(plot ?? {}, "c:ser", "c:cat"), "c:strRef").length > 0;
        const rotation = valueOf(children(child(plotArea, "c:catAx", "c:txPr"), "a:bodyPr")[0], "@_rot");
        expect(rotation, titleText(chart)).toBe(isText ? "0" : undefined);
        if (isText) textCategoryCharts++;
      }
    }
    expect(textCategoryCharts).toBeGreaterThanOrEqual(1);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(bytes.buffer as ArrayBuffer);
    expect(workbook.worksheets.map((sheet) => sheet.name)).toEqual(plan.sheets.map((sheet) => sheet.name));
  });

  it("a series whose every value is a cached result is cached in the chart too (Protected View draws it)", async () => {
    const model = expectOk(pilotModel());
    const plan = buildPlan(model.scenario, "en", model);
    const cachedValues = cachedOutputValues(plan, model.scenario, model);
    const parts = await readParts(await planToXlsx(plan, { cachedValues }));
    const byAddress = new Map(
      plan.names.map((n) => [`${n.sheet}!${n.reference.replace(/\$/g, "")}`, cachedValues.get(n.name)]),
    );
    let cachedSeries = 0;
    for (const [index, chart] of plan.charts.entries()) {
      const chartSpace = child(parse(parts.text(`xl/charts/chart${index + 1}.xml`)), "c:chartSpace");
      const plotArea = child(chartSpace, "c:chart", "c:plotArea");
      const plot = child(plotArea, chart.type === "line" ? "c:lineChart" : "c:barChart");
      for (const series of children(plot, "c:ser")) {
        const numRef = child(series, "c:val", "c:numRef");
        // 'Sheet'!$C$9:$C$14 → the sheet and the addresses C9 … C14.
        const [, quoted = "", from = "", to = ""] = /^(.*)!(.*):(.*)$/.exec(valueOf(numRef, "c:f") ?? "") ?? [];
        const sheet = quoted.slice(1, -1).replace(/''/g, "'");
        const [first, last] = [parseCell(from), parseCell(to)];
        const rows = Array.from({ length: last.row - first.row + 1 }, (_, i) => first.row + i);
        const column = columnLetters(first.column);
        const expected = rows.map((row) => byAddress.get(`${sheet}!${column}${row}`));
        const points = children(children(numRef, "c:numCache")[0], "c:pt").map((p) => Number(valueOf(p, "c:v")));
        if (expected.every((value) => typeof value === "number")) {
          expect(points, chart.title).toEqual(expected);
          cachedSeries++;
        } else expect(points, chart.title).toEqual([]);
      }
    }
    // The Results charts (NPV per participant by budget holder; what carries the municipality's saving) are made of
    // named outputs.
    expect(cachedSeries).toBeGreaterThanOrEqual(2);
  });

  it("the attribution chart: the municipality's column per participant, cached as the engine computes it", async () => {
    const model = expectOk(pilotModel());
    const plan = buildPlan(model.scenario, "da", model);
    const index = plan.charts.findIndex((chart) => chart.title.startsWith("Hvad bærer kommunens besparelse?"));
    expect(index).toBeGreaterThanOrEqual(0);
    const parts = await readParts(
      await planToXlsx(plan, { cachedValues: cachedOutputValues(plan, model.scenario, model) }),
    );
    const chartSpace = child(parse(parts.text(`xl/charts/chart${index + 1}.xml`)), "c:chartSpace");
    const [series] = children(child(chartSpace, "c:chart", "c:plotArea", "c:barChart"), "c:ser");
    if (series === undefined) throw new Error("the attribution chart has no series");
    const points = (path: readonly string[]): string[] =>
      children(
        children(child(series, ...path), path.at(-1) === "c:numRef" ? "c:numCache" : "c:strCache")[0],
        "c:pt",
      ).map((p) => valueOf(p, "c:v") ?? "");
    const result = computeBusinessCase(model.scenario);
    const rows = result.attribution.perParticipant.municipality;
    expect(points(["c:val", "c:numRef"]).map(Number)).toEqual([
      ...OUTCOME_STATES.map((state) => rows[state]),
      rows.cost,
      result.npv.perParticipant.municipality,
    ]);
    expect(points(["c:cat", "c:strRef"])).toEqual([
      ...OUTCOME_STATES.map((state) => STATE_LABELS[state].da),
      "Indsatsens omkostning (med NAF og forvridning på den)",
      "I alt (= nutidsværdien ovenfor)",
    ]);
  });

  it("a plan without charts is left as ExcelJS wrote it", async () => {
    const bytes = await planToXlsx(smallPlan([]));
    expect(await addCharts(bytes, smallPlan([]))).toBe(bytes);
    expect((await readParts(bytes)).paths.some((p) => p.includes("chart") || p.includes("drawing"))).toBe(false);
  });

  it("refuses a chart whose categories do not match its data, or that sits on a missing sheet", async () => {
    const [line] = SMALL_CHARTS;
    if (line === undefined) throw new Error("a line chart expected");
    await expect(planToXlsx(smallPlan([{ ...line, categories: "$A$4:$A$14" }]))).rejects.toThrow(
      /must be one column of 12 rows/,
    );
    await expect(planToXlsx(smallPlan([{ ...line, sheet: "Nowhere" }]))).rejects.toThrow(/Nowhere/);
  });
});
