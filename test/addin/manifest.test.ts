import { readFileSync } from "node:fs";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";
import { EXCEL_API } from "../../src/excel/writeModel";
import { generatedMetadata } from "../support/functionsMetadata";

/**
 * Local structural check of manifest.xml (the online validator `npm run validate` needs Microsoft's service).
 * Rules from Microsoft's shared-runtime documentation: one resid for Runtime, Page, FunctionFile and ShowTaskpane;
 * resids ≤ 32 characters and defined in Resources; https URLs; a GUID id and a four-part version.
 */
const xml = readFileSync("manifest.xml", "utf8");
const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@", preserveOrder: false });
const manifest = parser.parse(xml) as { OfficeApp: Record<string, unknown> };
const app = manifest.OfficeApp;

function attributeValues(name: string): string[] {
  return [...xml.matchAll(new RegExp(`${name}="([^"]*)"`, "g"))].map((match) => match[1] ?? "");
}

describe("manifest.xml", () => {
  it("is well-formed XML", () => {
    expect(XMLValidator.validate(xml)).toBe(true);
  });

  it("has a GUID id, a four-part version and ReadWriteDocument permission", () => {
    expect(String(app["Id"])).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i);
    expect(String(app["Version"])).toMatch(/^\d+\.\d+\.\d+\.\d+$/);
    expect(app["Permissions"]).toBe("ReadWriteDocument");
  });

  it("matches package.json's version", () => {
    const version = (JSON.parse(readFileSync("package.json", "utf8")) as { version: string }).version;
    expect(String(app["Version"])).toBe(`${version}.0`);
  });

  it("requires the SharedRuntime and CustomFunctionsRuntime sets, and the ExcelApi version the writer relies on", () => {
    expect(xml).toMatch(/<Set Name="SharedRuntime" MinVersion="1.1"\s*\/>/);
    expect(xml).toMatch(/<Set Name="CustomFunctionsRuntime" MinVersion="1.1"\s*\/>/);
    // RangeAreas 1.9 (data validation 1.8, conditional formats 1.6); valuesAsJson 1.16 and mergeUndoGroup 1.20 are
    // checked at run time (src/excel/writeModel.ts).
    expect(xml).toContain(`<Set Name="ExcelApi" MinVersion="${EXCEL_API.required}"/>`);
  });

  it("uses one shared resid for Runtime, Page, FunctionFile and ShowTaskpane", () => {
    const host = xml.slice(xml.indexOf('<Host xsi:type="Workbook">'));
    const runtime = /<Runtime resid="([^"]+)"/.exec(host)?.[1];
    const page = /<Page>\s*<SourceLocation resid="([^"]+)"/.exec(host)?.[1];
    const functionFile = /<FunctionFile resid="([^"]+)"/.exec(host)?.[1];
    const taskpane = /<Action xsi:type="ShowTaskpane">[\s\S]*?<SourceLocation resid="([^"]+)"/.exec(host)?.[1];
    expect(runtime).toBeDefined();
    expect([page, functionFile, taskpane]).toEqual([runtime, runtime, runtime]);
    expect(/<Runtime resid="[^"]+" lifetime="long"/.test(host)).toBe(true);
    expect(host.indexOf("<Runtimes>")).toBeLessThan(host.indexOf("<AllFormFactors>"));
  });

  it("defines every resid it uses, each at most 32 characters", () => {
    const defined = new Set(attributeValues("id"));
    for (const resid of attributeValues("resid")) {
      expect(defined.has(resid), `resid ${resid} is defined`).toBe(true);
      expect(resid.length).toBeLessThanOrEqual(32);
    }
  });

  it("uses https for every URL", () => {
    const urls = [...xml.matchAll(/(?:DefaultValue|Value)="(\w+:\/\/[^"]*)"/g)].map((match) => match[1] ?? "");
    expect(urls.length).toBeGreaterThan(5);
    for (const url of urls) expect(url).toMatch(/^https:\/\//);
  });

  it("declares the namespace SIB and Danish function metadata", () => {
    expect(xml).toMatch(/<bt:String id="Functions.Namespace" DefaultValue="SIB"\s*\/>/);
    expect(xml).toMatch(/<bt:Override Locale="da-DK" Value="https:\/\/localhost:3000\/functions-da.json"\s*\/>/);
  });

  it("points at the icons that exist in assets/", () => {
    for (const match of xml.matchAll(/assets\/(icon-\d+\.png)/g)) {
      expect(() => readFileSync(`assets/${match[1]}`)).not.toThrow();
    }
  });

  it("the functions file and metadata it loads are what the build produces (ids in functions.json)", async () => {
    const metadata = await generatedMetadata();
    const ids = metadata.functions.map((fn) => fn.id);
    expect(ids).toEqual(
      expect.arrayContaining(["EFFECTSIZE", "BUDGETSAVING", "SOCIOECONOMIC", "BREAKEVEN", "CASHFLOW", "PARAMETER"]),
    );
  });
});
