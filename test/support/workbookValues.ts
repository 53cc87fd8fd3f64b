import ExcelJS from "exceljs";

/**
 * A formula cell's computed result as LibreOffice saved it. ExcelJS drops a result of exactly 0 when it reads
 * `<v>0</v>`, so a formula cell without a result is 0 (LibreOffice writes a result for every formula it computed;
 * errors come as { error } and are kept).
 */
function resultOf(value: unknown): unknown {
  if (typeof value !== "object" || value === null) return value;
  if ("formula" in value || "sharedFormula" in value) {
    const result = (value as { result?: unknown }).result;
    return result === undefined ? 0 : result;
  }
  return value;
}

/** The single-cell defined names of a recalculated .xlsx with their values, and every cell that holds an error. */
export async function namedResults(path: string): Promise<{ values: Map<string, unknown>; errors: string[] }> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.readFile(path);
  const errors: string[] = [];
  workbook.eachSheet((sheet) =>
    sheet.eachRow((row) =>
      row.eachCell((cell) => {
        const result = resultOf(cell.value as unknown);
        if (typeof result === "object" && result !== null && "error" in result) {
          errors.push(`${sheet.name}!${cell.address}: ${String((result as { error: unknown }).error)}`);
        }
      }),
    ),
  );
  const values = new Map<string, unknown>();
  for (const name of workbook.definedNames.model.map((entry: { name: string }) => entry.name)) {
    const [range] = workbook.definedNames.getRanges(name).ranges;
    const match = range === undefined ? null : /^'?(.*?)'?!\$?([A-Z]+)\$?(\d+)$/.exec(range);
    if (match === null) continue;
    const cell = workbook.getWorksheet(match[1] ?? "")?.getCell(`${match[2]}${match[3]}`);
    values.set(name, resultOf(cell?.value as unknown));
  }
  return { values, errors };
}
