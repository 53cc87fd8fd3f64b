import type { Account } from "../engine/businessCase";
import type { Bilingual } from "./sheetBuilder";

/** Sheet names per language (≤ 31 characters, no \ / ? * [ ] :). */
export const SHEET_NAMES = {
  inputs: { da: "Input", en: "Inputs" },
  calculation: { da: "Beregning", en: "Calculation" },
  results: { da: "Resultater", en: "Results" },
  sources: { da: "Kilder", en: "Sources" },
} as const satisfies Record<string, Bilingual>;

export const ACCOUNT_LABELS: Readonly<Record<Account, Bilingual>> = {
  municipality: { da: "Kommune", en: "Municipality" },
  state: { da: "Stat", en: "State" },
  region: { da: "Region", en: "Region" },
  otherMunicipalities: { da: "Øvrige kommuner (udligning)", en: "Other municipalities (equalisation)" },
  public: { da: "Offentlig sektor i alt", en: "Public sector in total" },
  socioEconomic: { da: "Samfundsøkonomi", en: "Socio-economic (society)" },
};

/** Name fragment of each account in defined names, e.g. SIB_NPV_Municipality. */
export const ACCOUNT_NAME: Readonly<Record<Account, string>> = {
  municipality: "Municipality",
  state: "State",
  region: "Region",
  otherMunicipalities: "OtherMunicipalities",
  public: "Public",
  socioEconomic: "SocioEconomic",
};

/** The text a break-even cell shows when the account does not break even within the horizon. */
export const NO_BREAK_EVEN: Bilingual = { da: "ingen", en: "none" };
