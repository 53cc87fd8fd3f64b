import { issue, type Issue } from "../../engine/errors";
import { IssuesError } from "../i18n/issues";
import { MAX_HORIZON_MONTHS } from "../../engine/rules";
import type { Scenario } from "../../engine/scenario";
import { officeExcelHost, type ExcelHost } from "../../excel/host";
import { issueNames } from "../../excel/issueNames";
import {
  DEFAULT_CONTRACT,
  findModels,
  readNewestModel,
  readWholeModel,
  type ReadOptions,
  type ReadResult,
} from "../../excel/readModel";
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
  // The engine's problems travel with the error, so the status line can say them in the user's language.
  if (!plan.ok) throw new IssuesError(plan.issues);
  return writeModel(plan.value, host);
}

/**
 * Reads the inputs of the newest model in the workbook (defined names with prefix SIB_, or SIB2_, SIB3_ … when the
 * model was written again) into a scenario and, when the model has Payment and Investor sheets, its payment and
 * investor terms; the result says which prefix was read. Every problem is reported with the name and cell it came
 * from, and the model is not opened; `options.accept` passes back the listed problems the user accepted.
 */
export function openCase(
  base: Scenario,
  host: ExcelHost = officeExcelHost(),
  options: ReadOptions = {},
): Promise<ReadResult> {
  return readNewestModel(base, DEFAULT_CONTRACT, host, options);
}

/** What "Update model" did: the new version's write report, or why nothing was written. */
export type UpdateOutcome =
  | {
      readonly ok: true;
      /** The prefix of the model whose inputs were read ("SIB_", "SIB2_", …). */
      readonly readFrom: string;
      /** Where the new version went (free sheet names, the next prefix). */
      readonly report: WriteReport;
      /** The case the new version holds (the edited inputs as read), for the case file stored with it. */
      readonly written: CaseToWrite;
    }
  | {
      readonly ok: false;
      /** The prefix of the model read, or null when the workbook holds no model. */
      readonly readFrom: string | null;
      /** Every problem; each message names the defined name (and row) of the cell it concerns. */
      readonly issues: readonly Issue[];
      /** The defined names of the cells to fix, in order, each once (empty when there is no model). */
      readonly cells: readonly string[];
    };

/**
 * "Update model": reads the inputs of the newest model in the workbook as the user edited them (scenario, payment and
 * investor terms; a model without a Payment sheet gets {@link DEFAULT_CONTRACT}'s terms) and, if they are valid,
 * writes a new version next to it (free sheet names "Input (2)", the next prefix SIB2_, …), written for the read
 * horizon plus `spareMonths` cohort months (at most 420). The old model is never changed. If the edited inputs are
 * invalid nothing is written and the issues come back with the cells they concern. One sync finds the models, two
 * read the inputs, then the write (see writeModel) follows.
 *
 * Notes: `base` supplies what the sheets do not hold (the case's name, parameter year, measured group sizes), as for
 * openCase; `spareMonths` must be a whole number ≥ 0 (a RangeError otherwise: the caller checks what a person typed).
 * A failure to reach the workbook or to write is thrown, as by writeCase.
 * @example const outcome = await updateCase(pilot, "da", 12); // one model in the workbook, horizon edited to 60
 * // outcome: { ok: true, readFrom: "SIB_", report: { namePrefix: "SIB2_", sheets: ["Input (2)", …], … } }
 */
export async function updateCase(
  base: Scenario,
  language: Language,
  spareMonths: number,
  host: ExcelHost = officeExcelHost(),
): Promise<UpdateOutcome> {
  if (!(Number.isInteger(spareMonths) && spareMonths >= 0)) {
    throw new RangeError(`spareMonths must be a whole number of at least 0, got ${spareMonths}`);
  }
  const models = await findModels(host);
  const readFrom = models.newest;
  if (readFrom === null) return { ok: false, readFrom, issues: [noModelIssue()], cells: [] };
  const read = await readWholeModel(base, DEFAULT_CONTRACT, host, readFrom);
  if (!read.ok) return refused(readFrom, read.issues);
  const { scenario } = read.value;
  const contract = read.value.contract ?? DEFAULT_CONTRACT;
  const written: CaseToWrite = {
    scenario,
    terms: contract.paymentTerms,
    investor: contract.investorTerms,
    capacityMonths: Math.min(scenario.horizonMonths + spareMonths, MAX_HORIZON_MONTHS),
  };
  const plan = casePlan(written, language, true);
  if (!plan.ok) return refused(readFrom, plan.issues);
  return { ok: true, readFrom, report: await writeModel(plan.value, host), written };
}

function refused(readFrom: string, issues: readonly Issue[]): UpdateOutcome {
  return { ok: false, readFrom, issues, cells: issueNames(issues, readFrom) };
}

function noModelIssue(): Issue {
  return issue(
    "InvalidInput",
    "SIB_HorizonMonths",
    "required",
    "The workbook holds no model of this add-in (no defined name SIB_HorizonMonths, SIB2_HorizonMonths, …).",
  );
}
