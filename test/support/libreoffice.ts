import { spawnSync } from "node:child_process";
import { existsSync, mkdirSync, writeFileSync } from "node:fs";
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

/** `soffice --convert-to <filter>` with a recalculating profile; the output is the input's name with the filter's extension. */
function convertWithLibreOffice(
  input: string,
  outputDirectory: string,
  profileDirectory: string,
  filter: string,
): { output: string; seconds: number } {
  const soffice = sofficePath();
  if (soffice === null)
    throw new Error("LibreOffice (soffice) is not installed: apt-get install -y libreoffice-calc-nogui");
  mkdirSync(outputDirectory, { recursive: true });
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
      input,
    ],
    { encoding: "utf8", timeout: 180_000 },
  );
  const seconds = (performance.now() - start) / 1000;
  const extension = filter.slice(0, filter.indexOf(":"));
  const output = join(outputDirectory, `${basename(input, extname(input))}.${extension}`);
  if (run.status !== 0 || !existsSync(output)) {
    throw new Error(`LibreOffice failed (${run.status}): ${run.stderr} ${run.stdout}`);
  }
  return { output, seconds };
}
