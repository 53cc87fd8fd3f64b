import { closeSync, constants, fstatSync, openSync, readSync } from "node:fs";
import { describeFailure } from "../engine/errors";
import { capLines, escapeControl, MAX_ERROR_LINES, MAX_FILE_BYTES, quoteUserText } from "../engine/limits";
import { parseModelFile, pilotModel, type Model } from "../engine/modelFile";

/** A model for a command-line tool, or the lines of error to print (one per problem). */
export type LoadedModel = { readonly model: Model } | { readonly errors: readonly string[] };

/** Longest error line printed, in characters (a message quoting the list of known fields is about 400). */
const MAX_LINE_LENGTH = 1000;

/**
 * The built-in pilot model when `path` is undefined, else the model file at `path` (docs/scenario.md). A file that is
 * not a regular file (a directory, a FIFO, /dev/zero) or is larger than {@link MAX_FILE_BYTES} is refused before any
 * of it is read into memory.
 * @example loadModel("examples/contract.json") // { model: … }
 */
export function loadModel(path: string | undefined): LoadedModel {
  if (path === undefined) {
    const pilot = pilotModel();
    return pilot.ok ? { model: pilot.value } : { errors: [describeFailure(pilot)] };
  }
  const text = readBounded(path);
  if (typeof text !== "string") return text;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    return { errors: [`${path} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`] };
  }
  const parsed = parseModelFile(json);
  return parsed.ok ? { model: parsed.value } : { errors: parsed.issues.map((item) => `${path}: ${item.message}`) };
}

/**
 * The text of a regular file of at most {@link MAX_FILE_BYTES} bytes, or the error. The size is checked on the open
 * file (no race between a check and the read) and the read stops one byte past the limit, so a file that grows
 * meanwhile is refused too.
 */
function readBounded(path: string): string | { readonly errors: readonly string[] } {
  const refuse = (why: string): { errors: string[] } => ({ errors: [`cannot read ${path}: ${why}`] });
  const limit = `the limit is ${MAX_FILE_BYTES.toLocaleString("en")} bytes (5 MB; docs/limits.md)`;
  let fd: number;
  try {
    // O_NONBLOCK: opening a FIFO for reading does not wait for a writer; it is then refused as not a regular file.
    fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
  } catch (error) {
    return refuse(error instanceof Error ? error.message : String(error));
  }
  try {
    const stat = fstatSync(fd);
    if (!stat.isFile()) return refuse("not a regular file (a scenario file must be a .json file on disk)");
    if (stat.size > MAX_FILE_BYTES) return refuse(`the file has ${stat.size.toLocaleString("en")} bytes; ${limit}`);
    const buffer = Buffer.alloc(MAX_FILE_BYTES + 1);
    let length = 0;
    for (;;) {
      const read = readSync(fd, buffer, length, buffer.length - length, null);
      if (read === 0) break;
      length += read;
      if (length > MAX_FILE_BYTES) return refuse(`the file grew past the limit while it was read; ${limit}`);
    }
    return buffer.toString("utf8", 0, length);
  } catch (error) {
    return refuse(error instanceof Error ? error.message : String(error));
  } finally {
    closeSync(fd);
  }
}

/**
 * Error lines as a command-line tool prints them: each prefixed "error: ", control characters and terminal escape
 * sequences shown escaped, each cut at 1,000 characters, at most {@link MAX_ERROR_LINES} lines and a count of the rest.
 * @example errorOutput(["a\u001b[2J"]) // "error: a\\u001b[2J\n"
 */
export function errorOutput(lines: readonly string[]): string {
  const shown = capLines(lines, MAX_ERROR_LINES).map((line) => `error: ${quoteUserText(line, MAX_LINE_LENGTH)}\n`);
  return shown.join("");
}

/** User text (a scenario's name, a view's label) made safe to print on a terminal. */
export function terminalText(text: string): string {
  return escapeControl(text);
}
