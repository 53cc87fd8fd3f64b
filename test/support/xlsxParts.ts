import { XMLParser, XMLValidator } from "fast-xml-parser";
import JSZip from "jszip";

/** The parts of an .xlsx file image, read as text, with the helpers the export's tests need. */
export interface XlsxParts {
  /** Every part's path, e.g. "xl/charts/chart1.xml". */
  readonly paths: readonly string[];
  /** The part's text (throws when the part is missing). */
  text(path: string): string;
  /** The worksheet part of a sheet, from xl/workbook.xml and its relationships. */
  sheetPart(sheetName: string): string;
  /** A cell's raw XML pieces: formula, cached value, type attribute (t) and style index. */
  cell(sheetName: string, address: string): { formula?: string; value?: string; type?: string; style?: string };
}

/** Reads every part of an .xlsx file image. */
export async function readParts(bytes: Uint8Array): Promise<XlsxParts> {
  const zip = await JSZip.loadAsync(bytes);
  const texts = new Map<string, string>();
  for (const file of Object.values(zip.files)) if (!file.dir) texts.set(file.name, await file.async("string"));
  const text = (path: string): string => {
    const found = texts.get(path);
    if (found === undefined) throw new Error(`no part ${path}`);
    return found;
  };
  const sheetPart = (sheetName: string): string => {
    const relations = relationships(text("xl/_rels/workbook.xml.rels"));
    const sheets = children(child(parse(text("xl/workbook.xml")), "workbook", "sheets"), "sheet");
    const sheet = sheets.find((entry) => valueOf(entry, "@_name") === sheetName);
    const target = relations.find((relation) => relation.id === valueOf(sheet, "@_r:id"))?.target;
    if (target === undefined) throw new Error(`no sheet ${sheetName}`);
    return `xl/${target}`;
  };
  return {
    paths: [...texts.keys()],
    text,
    sheetPart,
    cell: (sheetName, address) => {
      const match = new RegExp(`<c r="${address}"([^>]*?)(?:/>|>(.*?)</c>)`).exec(text(sheetPart(sheetName)));
      if (match === null) return {};
      const attributes = match[1] ?? "";
      const body = match[2] ?? "";
      return {
        formula: unescape(/<f>(.*?)<\/f>/.exec(body)?.[1]),
        value: unescape(/<v>(.*?)<\/v>/.exec(body)?.[1]),
        type: / t="([^"]*)"/.exec(attributes)?.[1],
        style: / s="([^"]*)"/.exec(attributes)?.[1],
      };
    },
  };
}

/** A parsed XML element: attributes as "@_name", children by name (one, or an array of several), text as "#text". */
export type XmlNode = { readonly [key: string]: unknown };

/** Parses XML (attributes kept, values as text); throws when the text is not well-formed. */
export function parse(xml: string): XmlNode {
  const valid = XMLValidator.validate(xml);
  if (valid !== true) throw new Error(`not well-formed XML: ${valid.err.msg} (line ${valid.err.line})`);
  return new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "@_", parseTagValue: false }).parse(
    xml,
  ) as XmlNode;
}

/** The child elements called `name` (none, one or several). */
export function children(node: XmlNode | undefined, name: string): XmlNode[] {
  const value = node?.[name];
  if (value === undefined) return [];
  return (Array.isArray(value) ? value : [value]).filter((item): item is XmlNode => typeof item === "object");
}

/** The first child element at the end of a path of names; throws when there is none. */
export function child(node: XmlNode, ...path: string[]): XmlNode {
  let current = node;
  for (const name of path) {
    const [next] = children(current, name);
    if (next === undefined) throw new Error(`no element ${path.join("/")}`);
    current = next;
  }
  return current;
}

/** An attribute's value, or an element's text when `name` is "#text" (a child holding only text is a string). */
export function valueOf(node: XmlNode | undefined, name: string): string | undefined {
  const value = node?.[name];
  return typeof value === "string" ? value : undefined;
}

/** The relationships of a .rels part. */
export function relationships(xml: string): { id: string; type: string; target: string }[] {
  return children(child(parse(xml), "Relationships"), "Relationship").map((relation) => ({
    id: valueOf(relation, "@_Id") ?? "",
    type: valueOf(relation, "@_Type") ?? "",
    target: valueOf(relation, "@_Target") ?? "",
  }));
}

/** Resolves a relationship target against the folder of the part that holds the .rels ("../charts/chart1.xml"). */
export function resolveTarget(relsPath: string, target: string): string {
  if (target.startsWith("/")) return target.slice(1);
  const owner = relsPath.replace(/_rels\/([^/]*)\.rels$/, "$1");
  const folder = owner.includes("/") ? owner.slice(0, owner.lastIndexOf("/")).split("/") : [];
  for (const step of target.split("/")) {
    if (step === "..") folder.pop();
    else if (step !== ".") folder.push(step);
  }
  return folder.join("/");
}

function unescape(text: string | undefined): string | undefined {
  return text
    ?.replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, "&");
}
