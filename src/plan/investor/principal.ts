import { add, call, name } from "../formula";

/** The principal: the whole intervention cost and the deal costs the investor finances (kr, a formula). */
export const PRINCIPAL = add(call("SUM", name("SIB_TotalCost")), call("SUM", name("SIB_InvDealCosts")));
