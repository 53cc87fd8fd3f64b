import { inflateSync } from "node:zlib";

/**
 * What a PDF draws, per colour: the number of path segments (m, l, c, v, y, re) that were stroked in each stroke
 * colour and filled in each fill colour, over every page content stream and form XObject (FlateDecode, as LibreOffice
 * writes them). Colours are 6-digit upper-case hex ("4472C4"). A chart's line series drawn through 12 points gives
 * at least 11 stroked segments in its colour; a column series gives one filled rectangle per non-zero bar; a legend
 * entry adds only one or two. So this tells a chart that was drawn with its data from an empty frame or a legend alone,
 * without rasterising the PDF.
 * @example pathSegments(readFileSync("model.pdf")).stroked.get("4472C4") // 49
 */
export function pathSegments(pdf: Uint8Array): { stroked: Map<string, number>; filled: Map<string, number> } {
  const stroked = new Map<string, number>();
  const filled = new Map<string, number>();
  for (const content of contentStreams(pdf)) paint(content, stroked, filled);
  return { stroked, filled };
}

/** The inflated content streams: page contents and form XObjects (not fonts, images or cross-reference streams). */
function contentStreams(pdf: Uint8Array): string[] {
  const bytes = Buffer.from(pdf);
  const text = bytes.toString("latin1");
  const streams: string[] = [];
  const start = /stream\r?\n/g;
  let match: RegExpExecArray | null;
  while ((match = start.exec(text)) !== null) {
    const dictionary = text.slice(text.lastIndexOf("<<", match.index), match.index);
    const end = text.indexOf("endstream", match.index);
    if (end < 0) break;
    start.lastIndex = end + "endstream".length;
    const isContent =
      !/\/Length1|\/Type\s*\/(XRef|ObjStm)/.test(dictionary) && !/\/Subtype\s*\/(?!Form)/.test(dictionary);
    if (!isContent || !/\/FlateDecode/.test(dictionary)) continue;
    try {
      streams.push(inflateSync(bytes.subarray(match.index + match[0].length, end)).toString("latin1"));
    } catch {
      // A stream with trailing bytes inflateSync refuses: not one LibreOffice writes for drawings.
    }
  }
  return streams;
}

interface GraphicsState {
  fill: string;
  stroke: string;
}

/** Runs one content stream's operators, adding each painted path's segments to its colour's count. */
function paint(content: string, stroked: Map<string, number>, filled: Map<string, number>): void {
  const stack: GraphicsState[] = [];
  let state: GraphicsState = { fill: "000000", stroke: "000000" };
  let operands: number[] = [];
  let segments = 0;
  const add = (counts: Map<string, number>, colour: string): void => {
    counts.set(colour, (counts.get(colour) ?? 0) + segments);
  };
  for (const token of content.match(TOKENS) ?? []) {
    const number = Number(token);
    if (token !== "" && Number.isFinite(number)) {
      operands.push(number);
      continue;
    }
    switch (token) {
      case "q":
        stack.push({ ...state });
        break;
      case "Q":
        state = stack.pop() ?? state;
        break;
      case "rg":
      case "g":
        state.fill = hex(operands);
        break;
      case "RG":
      case "G":
        state.stroke = hex(operands);
        break;
      case "m":
      case "l":
      case "c":
      case "v":
      case "y":
      case "re":
        segments++;
        break;
      case "S":
      case "s":
        add(stroked, state.stroke);
        segments = 0;
        break;
      case "f":
      case "F":
      case "f*":
        add(filled, state.fill);
        segments = 0;
        break;
      case "B":
      case "B*":
      case "b":
      case "b*":
        add(stroked, state.stroke);
        add(filled, state.fill);
        segments = 0;
        break;
      case "n":
        segments = 0;
        break;
    }
    operands = [];
  }
}

/** Strings (literal and hex), arrays, names and other words: enough to keep text out of the operands. */
const TOKENS = /\((?:\\.|[^\\)])*\)|<[0-9A-Fa-f\s]*>|\/[^\s/[\]()<>]+|[[\]]|[^\s/[\]()<>]+/g;

/** "0.2666 0.447 0.7686" (or one grey level) → "4472C4". */
function hex(components: readonly number[]): string {
  const rgb = components.length === 1 ? [components[0], components[0], components[0]] : components.slice(-3);
  return rgb
    .map((value) =>
      Math.round(255 * (value ?? 0))
        .toString(16)
        .padStart(2, "0"),
    )
    .join("")
    .toUpperCase();
}
