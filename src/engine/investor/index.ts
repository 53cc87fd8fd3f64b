/**
 * Investor cash flows and metrics. Conventions throughout: monthly periods, month 0 = programme start; the investor's
 * view (negative = money the investor pays in, positive = money received); rates are fractions labelled either per
 * period (per month for monthly flows) or effective per year, (1 + r_month)^12 − 1; XNPV/XIRR use Excel's actual/365
 * day count from the first date with dates as Excel serial numbers.
 *
 * Checked functions return a Result (errors as data). The `*Core` functions are unchecked and allocation-free where
 * noted, for simulations: npvCore, irrCore, xnpvCore, xirrCore, moneyMultipleCore, signChanges, waterfallCore,
 * brentCore, uniqueLogRoot, certifiedLogRoot, singleLogRoot.
 */
export { effectiveAnnualRate, periodRate, MONTHS_PER_YEAR } from "./rates";
export { npv, npvAtAnnualRate, npvCore } from "./npv";
export { irr, irrCore, irrRoots, signChanges, type IrrOptions, type IrrResult, type RateRoots } from "./irr";
export { xirr, xirrCore, xirrRoots, xnpv, xnpvCore, DAYS_PER_YEAR, MAX_DATE_SERIAL, type XirrResult } from "./xirr";
export { moneyMultiple, moneyMultipleCore } from "./multiple";
export {
  brentCore,
  certifiedLogRoot,
  scanLogRoots,
  singleLogRoot,
  uniqueLogRoot,
  RATE_SCAN,
  type LogRateFunction,
  type RateProblem,
  type RootScan,
} from "./rootFinding";
export {
  investorTerms,
  investorTermsFromPairs,
  DEFAULT_INVESTOR_TERMS,
  DEAL_COST_KEYS,
  INVESTOR_TERM_NAMES,
  NO_DEAL_COSTS,
  type CappedSurplus,
  type DealCosts,
  type DrawTiming,
  type InvestorTerms,
  type InvestorTermsInput,
  type SurplusShares,
  type TopUpPayer,
} from "./terms";
export { moneyFlows, moneyFlowsCore, municipalityPositionAfterContract, type MoneyFlows } from "./moneyFlows";
export {
  dealCostAt,
  investorFlows,
  lastCostMonth,
  providerDealCostAt,
  waterfallBuffers,
  waterfallCore,
  type InvestorFlowsResult,
  type InvestorMetrics,
  type WaterfallBuffers,
  type WaterfallTotals,
} from "./waterfall";
