import { ACCOUNTS, type Account } from "../engine/accounts";
import { AREA_ROWS } from "../engine/consequences/flows";
import type { NarrowBroad } from "../engine/consequences/narrowBroad";
import { formatKr, formatTable } from "./format";
import { terminalText } from "./loadModel";

/** The account's English name in the tables. */
function accountName(account: Account): string {
  switch (account) {
    case "municipality":
      return "Municipality";
    case "state":
      return "State";
    case "region":
      return "Region";
    case "otherMunicipalities":
      return "Other municipalities (equalisation)";
    case "public":
      return "Public sector in total";
    case "socioEconomic":
      return "Socio-economic (society)";
  }
}

const PAYER_NAMES = { municipality: "kommune", region: "region", state: "stat" } as const;

/**
 * The narrow (employment only) and the broad case side by side for `npm run case -- --compare` (issue 15): NPV per
 * participant per account, the broad case by consequence area, every consequence row with its price, payer, evidence
 * mark and source, and a closing note quoting both results per participant.
 * @example renderNarrowBroad(narrowAndBroad(pilot).value) // "Smal og bred business case / Narrow and broad case …"
 */
export function renderNarrowBroad(compared: NarrowBroad): string {
  const { narrow, broad } = compared;
  const lines = [
    "Smal og bred business case / Narrow and broad case side by side (NPV per participant, kr)",
    compared.defaultTable
      ? "Broad = the employment account + the default consequence table (sourced unit prices; every change in use 0: not found for this target group, supply your own)."
      : "Broad = the employment account + the scenario's consequence rows.",
    formatTable(
      ["Account", "Narrow (employment only)", "Broad (with consequences)", "Difference"],
      ACCOUNTS.map((account) => [
        accountName(account),
        formatKr(narrow.perParticipant[account]),
        formatKr(broad.perParticipant[account]),
        formatKr(broad.perParticipant[account] - narrow.perParticipant[account]),
      ]),
    ),
    "",
    "Bred business case pr. område / Broad case by consequence area (NPV per participant, kr; rows sum to the broad NPV)",
    formatTable(
      ["Area", ...ACCOUNTS.map((account) => accountName(account).split(" ")[0] ?? account)],
      AREA_ROWS.filter(
        (row) => row === "employment" || ACCOUNTS.some((account) => broad.byArea[account][row] !== 0),
      ).map((row) => [
        row === "employment" ? "employment (the narrow case)" : row,
        ...ACCOUNTS.map((account) => formatKr(broad.byArea[account][row])),
      ]),
    ),
    "",
    "Konsekvenser og kilder / Consequences and their sources",
    formatTable(
      ["Row", "Area", "Payer", "Unit price (kr)", "In parameter-year prices", "Mark", "Change in use", "Adds (public)"],
      compared.consequences.map((row) => [
        terminalText(`${row.id}: ${row.name.en || row.name.da} (per ${row.unit.en || row.unit.da})`),
        row.area,
        `${PAYER_NAMES[row.payer]}${row.refusionShare > 0 ? ` (refusion ${(100 * row.refusionShare).toFixed(0)} %)` : ""}`,
        row.unitPrice === null ? "not found" : `${formatKr(row.unitPrice)} (${row.priceYear ?? "?"})`,
        row.unitPriceInParameterYear === null ? "no index" : formatKr(row.unitPriceInParameterYear),
        `[${row.evidence}]`,
        row.changeNotGiven ? "0: not found, supply your own" : "given",
        formatKr(row.perParticipant.public),
      ]),
    ),
  ];
  for (const row of compared.consequences) {
    if (row.unitPrice !== null) lines.push(terminalText(`- ${row.id} [${row.evidence}]: ${row.source.en}`));
  }
  const unpriced = compared.consequences.filter((row) => row.unitPrice === null).map((row) => row.id);
  if (unpriced.length > 0) {
    lines.push(`- Not found, supply your own price: ${unpriced.join(", ")}.`);
  }
  const sourced = compared.consequences.filter(
    (row) => row.unitPrice !== null && (row.evidence === "V" || row.evidence === "S"),
  );
  const assumed = compared.consequences.filter((row) => row.unitPrice !== null && row.evidence === "A");
  const quote = (view: NarrowBroad["narrow"]): string =>
    `municipality ${formatKr(view.perParticipant.municipality)}, state ${formatKr(view.perParticipant.state)}, region ${formatKr(view.perParticipant.region)}, public ${formatKr(view.perParticipant.public)}, socio-economic ${formatKr(view.perParticipant.socioEconomic)} kr`;
  lines.push(
    `Per participant: narrow (employment only) ${quote(narrow)}; broad ${quote(broad)}. ` +
      `Sourced prices: ${sourced.length === 0 ? "none" : sourced.map((row) => `${row.id} [${row.evidence}]`).join(", ")}` +
      `${assumed.length === 0 ? "" : `; assumptions: ${assumed.map((row) => `${row.id} [A]`).join(", ")}`}.`,
  );
  return lines.join("\n");
}
