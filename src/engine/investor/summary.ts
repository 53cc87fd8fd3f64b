/**
 * "IRR never alone" (issue 11 item 6, review economist.md 3.2 items 5 and D5): every report of an IRR also shows the
 * money multiple and the NPV at a hurdle, says why an IRR is missing, and adds a note when the deal loses money
 * (multiple < 1), because then the IRR rewards drawing capital early: the review's pilot with the capital drawn up front
 * shows −8.2 % a year against −11.9 % drawn as needed, at the same multiple 0.886.
 */
import type { Result } from "../errors";
import type { IrrResult } from "./irr";
import { npvCore } from "./npv";
import { periodRate } from "./rates";

/**
 * [A] The hurdle used when the terms give none: 5 % a year (effective). No published hurdle exists for the pilot; 5 %
 * is the level the project's own contract example uses (examples/contract.json) and the example level of issue 11. It
 * sits between FM's 3.5 % real social discount rate (a public lender's floor) and the 8 % the review tested as an
 * impact investor's target. Reports label it as the default.
 */
export const DEFAULT_HURDLE_RATE = 0.05;

/** A text in Danish and English. */
export interface Bilingual {
  readonly da: string;
  readonly en: string;
}

/** The investor's return, never an IRR alone. Rates are effective annual fractions; money in kr. */
export interface InvestorSummary {
  /** Effective annual IRR, or null with `irrMissing`. */
  readonly irrEffectiveAnnual: number | null;
  /** The IRR per month, or null. */
  readonly irrMonthly: number | null;
  /** Why there is no IRR (engine code and a reason in both languages), or null when there is one. */
  readonly irrMissing: ({ readonly code: string } & Bilingual) | null;
  /** Returned / drawn (timing ignored). */
  readonly moneyMultiple: number;
  /** Returned − drawn, kr (undiscounted). */
  readonly netGain: number;
  /** The hurdle of the terms, else {@link DEFAULT_HURDLE_RATE}. */
  readonly hurdleRate: number;
  readonly hurdleIsDefault: boolean;
  /** NPV of the net flows at the hurdle (month t discounted t months), kr. */
  readonly npvAtHurdle: number;
  /** The timing note when the multiple is below 1 and an IRR exists, else null. */
  readonly timingNote: Bilingual | null;
}

/**
 * The note shown beside the IRR of a losing deal (multiple < 1). Percent with one decimal.
 * @example timingNote(0.886).en // "The money multiple is 0.886 (a loss of 11.4 % of the capital). …"
 */
export function timingNote(moneyMultiple: number): Bilingual {
  const multiple = moneyMultiple.toFixed(3);
  const loss = (100 * (1 - moneyMultiple)).toFixed(1);
  return {
    da: `Pengemultiplen er ${multiple.replace(".", ",")} (et tab på ${loss.replace(".", ",")} % af kapitalen). Når en aftale taber penge, bliver den interne rente mindre negativ, jo tidligere og længere kapitalen er ude (fx indbetalt på forhånd), så læs den sammen med multiplen og nutidsværdien.`,
    en: `The money multiple is ${multiple} (a loss of ${loss} % of the capital). When a deal loses money, its IRR is less negative the earlier and longer the capital is out (e.g. drawn up front), so read it with the multiple and the NPV.`,
  };
}

const MISSING: Readonly<Record<string, Bilingual>> = {
  NoSignChange: {
    da: "Ingen intern rente: betalingerne skifter ikke fortegn, eller nutidsværdien bliver ikke 0 ved nogen rente.",
    en: "No IRR: the flows do not change sign, or their NPV is 0 at no rate.",
  },
  MultipleRoots: {
    da: "Ingen entydig intern rente: nutidsværdien er 0 ved flere renter.",
    en: "No unique IRR: the NPV is 0 at several rates.",
  },
  NoConvergence: {
    da: "Ingen intern rente: beregningen fandt ikke en rente.",
    en: "No IRR: the root finder did not converge.",
  },
  Impossible: {
    da: "Ingen intern rente: den årlige rente er for stor til at vise.",
    en: "No IRR: the annual rate is too large to show.",
  },
};

/**
 * The summary of an investor's monthly net flows (investor's view, month 0 first).
 * @param irr The IRR of the flows (from irr(netFlow, { periodsPerYear: 12 })).
 * @param netFlow Net flows, kr.
 * @param drawn Capital drawn in total, kr (> 0).
 * @param returned Everything the investor receives, kr.
 * @param hurdleRate The terms' hurdle (effective annual), or null for {@link DEFAULT_HURDLE_RATE}.
 * @example investorSummary(irr(flows), flows, 4_437_216, 3_932_987, null).npvAtHurdle // NPV at 5 %
 */
export function investorSummary(
  irr: Result<IrrResult>,
  netFlow: ArrayLike<number>,
  drawn: number,
  returned: number,
  hurdleRate: number | null,
): InvestorSummary {
  const hurdle = hurdleRate ?? DEFAULT_HURDLE_RATE;
  const moneyMultiple = returned / drawn;
  const failure = irr.ok ? null : irr.issues[0];
  const missing =
    failure === undefined || failure === null
      ? null
      : { code: failure.code, ...(MISSING[failure.code] ?? { da: failure.message, en: failure.message }) };
  return {
    irrEffectiveAnnual: irr.ok ? irr.value.effectiveAnnualRate : null,
    irrMonthly: irr.ok ? irr.value.rate : null,
    irrMissing: missing,
    moneyMultiple,
    netGain: returned - drawn,
    hurdleRate: hurdle,
    hurdleIsDefault: hurdleRate === null,
    npvAtHurdle: npvCore(periodRate(hurdle), netFlow),
    timingNote: irr.ok && moneyMultiple < 1 ? timingNote(moneyMultiple) : null,
  };
}
