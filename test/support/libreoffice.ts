import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { basename, extname, join, resolve } from "node:path";

/** The LibreOffice binary, or null when it is not installed (`apt-get install -y libreoffice-calc-nogui`). */
export function sofficePath(): string | null {
  for (const candidate of ["/usr/bin/soffice", "/usr/bin/libreoffice", "/usr/local/bin/soffice"]) {
    if (existsSync(candidate)) return candidate;
  }
  const which = spawnSync("which", ["soffice"], { encoding: "utf8" });
  return which.status === 0 ? which.stdout.trim() : null;
}

/**
 * A LibreOffice user profile that always recalculates .xlsx files on load (OOXMLRecalcMode 0), so nothing cached in
 * a file is trusted.
 */
export function recalculatingProfile(directory: string): string {
  const user = join(directory, "user");
  mkdirSync(user, { recursive: true });
  writeFileSync(
    join(user, "registrymodifications.xcu"),
    `<?xml version="1.0" encoding="UTF-8"?>
<oor:items xmlns:oor="http://openoffice.org/2001/registry" xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" oor:op="fuse"><value>0</value></prop></item>
<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="ODFRecalcMode" oor:op="fuse"><value>0</value></prop></item>
</oor:items>
`,
  );
  return resolve(directory);
}

/**
 * Opens `input` in headless LibreOffice (recalculating everything) and saves it as .xlsx in `outputDirectory`, so the
 * saved file holds LibreOffice's computed results. Returns the output path and the wall-clock seconds.
 */
export function recalculateWithLibreOffice(
  input: string,
  outputDirectory: string,
  profileDirectory: string,
): { output: string; seconds: number } {
  return convertWithLibreOffice(input, outputDirectory, profileDirectory, "xlsx:Calc MS Excel 2007 XML");
}

/**
 * Opens `input` in headless LibreOffice (recalculating everything) and prints every sheet to a PDF in
 * `outputDirectory` (charts included). Returns the PDF's path and the wall-clock seconds.
 */
export function printWithLibreOffice(
  input: string,
  outputDirectory: string,
  profileDirectory: string,
): { output: string; seconds: number } {
  return convertWithLibreOffice(input, outputDirectory, profileDirectory, "pdf:calc_pdf_Export");
}

/**
 * Like {@link recalculateWithLibreOffice} for several files in one LibreOffice start (`soffice --convert-to` takes a
 * list): LibreOffice's start-up, several seconds, is paid once. The files must have different names. Returns the output
 * paths in the order of `inputs` and the wall-clock seconds of the one call.
 */
export function recalculateAllWithLibreOffice(
  inputs: readonly string[],
  outputDirectory: string,
  profileDirectory: string,
): { outputs: string[]; seconds: number } {
  return convertAllWithLibreOffice(inputs, outputDirectory, profileDirectory, "xlsx:Calc MS Excel 2007 XML");
}

/** Like {@link printWithLibreOffice} for several files in one LibreOffice start (see recalculateAllWithLibreOffice). */
export function printAllWithLibreOffice(
  inputs: readonly string[],
  outputDirectory: string,
  profileDirectory: string,
): { outputs: string[]; seconds: number } {
  return convertAllWithLibreOffice(inputs, outputDirectory, profileDirectory, "pdf:calc_pdf_Export");
}

/** `soffice --convert-to <filter>` with a recalculating profile; the output is the input's name with the filter's extension. */
function convertWithLibreOffice(
  input: string,
  outputDirectory: string,
  profileDirectory: string,
  filter: string,
): { output: string; seconds: number } {
  const { outputs, seconds } = convertAllWithLibreOffice([input], outputDirectory, profileDirectory, filter);
  return { output: outputs[0] ?? "", seconds };
}

/** One `soffice --convert-to <filter>` call over every input; every output must exist afterwards. */
function convertAllWithLibreOffice(
  inputs: readonly string[],
  outputDirectory: string,
  profileDirectory: string,
  filter: string,
): { outputs: string[]; seconds: number } {
  const soffice = sofficePath();
  if (soffice === null)
    throw new Error("LibreOffice (soffice) is not installed: apt-get install -y libreoffice-calc-nogui");
  const extension = filter.slice(0, filter.indexOf(":"));
  const outputs = inputs.map((input) => join(outputDirectory, `${basename(input, extname(input))}.${extension}`));
  if (new Set(outputs).size !== outputs.length) throw new Error(`two inputs would give the same output: ${outputs}`);
  const overwritten = inputs.filter((input, i) => resolve(input) === resolve(outputs[i] ?? ""));
  if (overwritten.length > 0) throw new Error(`the output would replace its input: ${overwritten.join(", ")}`);
  mkdirSync(outputDirectory, { recursive: true });
  for (const output of outputs) rmSync(output, { force: true });
  const start = performance.now();
  const run = spawnSync(
    soffice,
    [
      "--headless",
      "--norestore",
      `-env:UserInstallation=file://${recalculatingProfile(profileDirectory)}`,
      "--convert-to",
      filter,
      "--outdir",
      outputDirectory,
      ...inputs,
    ],
    { encoding: "utf8", timeout: 120_000 + 60_000 * inputs.length },
  );
  const seconds = (performance.now() - start) / 1000;
  const missing = outputs.filter((output) => !existsSync(output));
  if (run.status !== 0 || missing.length > 0) {
    throw new Error(`LibreOffice failed (${run.status}; missing ${missing.join(", ")}): ${run.stderr} ${run.stdout}`);
  }
  return { outputs, seconds };
}
