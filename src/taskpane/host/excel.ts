import { describeFailure, type Result } from "../../engine/errors";
import type { Scenario } from "../../engine/scenario";
import { officeExcelHost, type ExcelHost } from "../../excel/host";
import { DEFAULT_CONTRACT, readWholeModel, type ReadModel } from "../../excel/readModel";
import { writeModel, type WriteReport } from "../../excel/writeModel";
import type { Language } from "../about";
import { casePlan, type CaseToWrite } from "./plan";

/**
 * Writes the whole model of a validated case into the open workbook (new sheets, never overwriting) and reports
 * where it went. The host is Office's unless a test passes another.
 */
export async function writeCase(
  model: CaseToWrite,
  language: Language,
  host: ExcelHost = officeExcelHost(),
): Promise<WriteReport> {
  const plan = casePlan(model, language, true);
  if (!plan.ok) throw new Error(describeFailure(plan));
  return writeModel(plan.value, host);
}

/**
 * Reads the inputs of the model in the workbook (defined names with prefix SIB_) into a scenario and, when the model
 * has Payment and Investor sheets, its payment and investor terms; every problem is reported with the name it came
 * from.
 */
export function openCase(base: Scenario, host: ExcelHost = officeExcelHost()): Promise<Result<ReadModel>> {
  return readWholeModel(base, DEFAULT_CONTRACT, host);
}
