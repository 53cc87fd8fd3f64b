/**
 * Payment mechanisms of an outcomes contract (payments-and-peers.md b, DOMAIN.md b7): small composable pieces, each a
 * checked function returning a Result over an unchecked `*Core`, and the schedule that composes them.
 *
 * Conventions: amounts in kr; shares as fractions (0.3 = 30 %); effects and thresholds in percentage points; months
 * are programme months, 0-based; payments are positive amounts paid by the payer.
 */
export * from "./baseline";
export * from "./caps";
export * from "./chain";
export * from "./deadweight";
export * from "./metrics";
export * from "./outcomePayment";
export * from "./position";
export * from "./rateCard";
export * from "./savingsShare";
export * from "./schedule";
export * from "./termInputs";
export * from "./terms";
export * from "./threshold";
export * from "./timing";
