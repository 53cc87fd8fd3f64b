import {
  CellError,
  ErrorType,
  FunctionArgumentType,
  FunctionPlugin,
  HyperFormula,
  SimpleRangeValue,
} from "hyperformula";
import { installCustomFunctionsStub, StubCustomFunctionError } from "./customFunctionsStub";

installCustomFunctionsStub();
const functions = await import("../../src/functions/functions");

/** A cell value as the add-in's functions receive it (HyperFormula's rich numbers unwrapped, empty as null). */
function plain(value: unknown): number | string | boolean | null {
  if (typeof value === "number" || typeof value === "string" || typeof value === "boolean") return value;
  if (typeof value === "object" && value !== null && "val" in value) return Number((value as { val: number }).val);
  return null;
}

/** Runs an add-in function as Excel would and turns its CustomFunctions.Error into a HyperFormula error. */
function asCell(run: () => number): number | CellError {
  try {
    return run();
  } catch (error) {
    if (error instanceof StubCustomFunctionError) return new CellError(ErrorType.VALUE, error.message);
    throw error;
  }
}

type Interpreter = Parameters<FunctionPlugin["runFunction"]>[1];
type Ast = { readonly args: Parameters<FunctionPlugin["runFunction"]>[0] };

/**
 * SIB.BUDGETSAVING and SIB.SOCIOECONOMIC for HyperFormula (test-only), calling the real custom-function wrappers of
 * src/functions, so a workbook's Check sheet can be evaluated: native formulas and the add-in side by side.
 */
class SibFunctionsPlugin extends FunctionPlugin {
  static override implementedFunctions = {
    "SIB.BUDGETSAVING": {
      method: "budgetSaving",
      parameters: [{ argumentType: FunctionArgumentType.STRING }, { argumentType: FunctionArgumentType.RANGE }],
    },
    "SIB.SOCIOECONOMIC": {
      method: "socioEconomic",
      parameters: [{ argumentType: FunctionArgumentType.RANGE }],
    },
  };

  budgetSaving(ast: Ast, state: Interpreter): unknown {
    return this.runFunction(
      ast.args,
      state,
      this.metadata("SIB.BUDGETSAVING"),
      (holder: string, range: SimpleRangeValue) =>
        asCell(() => functions.budgetSaving(holder, range.data.map((row) => row.map(plain)) as never)),
    );
  }

  socioEconomic(ast: Ast, state: Interpreter): unknown {
    return this.runFunction(ast.args, state, this.metadata("SIB.SOCIOECONOMIC"), (range: SimpleRangeValue) =>
      asCell(() => functions.socioEconomic(range.data.map((row) => row.map(plain)) as never)),
    );
  }
}

let registered = false;

/** Registers the SIB.* functions with HyperFormula once (before a workbook that uses them is built). */
export function registerSibFunctions(): void {
  if (registered) return;
  HyperFormula.registerFunctionPlugin(SibFunctionsPlugin, {
    enGB: { "SIB.BUDGETSAVING": "SIB.BUDGETSAVING", "SIB.SOCIOECONOMIC": "SIB.SOCIOECONOMIC" },
    enUS: { "SIB.BUDGETSAVING": "SIB.BUDGETSAVING", "SIB.SOCIOECONOMIC": "SIB.SOCIOECONOMIC" },
  });
  registered = true;
}
