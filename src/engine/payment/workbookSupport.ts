/**
 * What the workbook (src/plan) does not write yet, so it refuses rather than write a Payment sheet that leaves money
 * out (issue 11 item 3): the sustainment card. `npm run case`, the schedule functions, deadweight, deal zone and
 * tornado include it; the workbook's Payment sheet has no live formulas for it yet.
 */
import { issue, type Issue } from "../errors";
import type { PaymentTerms } from "./terms";

/**
 * An issue (field `sustainment.monthlyPrice`, rule `unsupported`) when the terms have a sustainment card that pays
 * (monthly price > 0), else null. A card priced 0 pays nothing and is accepted.
 * @example workbookSustainmentIssue({ ...PILOT_PAYMENT_TERMS, sustainment: { monthlyPrice: 4127, months: 24 } })
 *   // { field: "sustainment.monthlyPrice", rule: "unsupported", message: "sustainment.monthlyPrice: the workbook … " }
 */
export function workbookSustainmentIssue(terms: PaymentTerms | undefined): Issue | null {
  const card = terms?.sustainment ?? null;
  if (card === null || !(card.monthlyPrice > 0)) return null;
  return issue(
    "InvalidInput",
    "sustainment.monthlyPrice",
    "unsupported",
    `sustainment.monthlyPrice: the workbook does not write the sustainment card yet (${card.monthlyPrice} kr a month in work for ${card.months} months), so its Payment sheet would leave those payments out; npm run case and the SIB.* functions include them. Use the milestone metrics sustained<k> (e.g. price.sustained12) or set sustainment.monthlyPrice to none to write a workbook.`,
  );
}
