import { OfficeMockObject } from "office-addin-mock";
import { describe, expect, it, vi } from "vitest";
import { expectOk } from "../../src/engine/errors";
import { pilotScenario } from "../../src/engine/pilot";
import type { ExcelHost } from "../../src/excel/host";
import { writeModel } from "../../src/excel/writeModel";
import { buildPlan } from "../../src/plan/buildPlan";

/**
 * Sync counting with Microsoft's office-addin-mock (the write shapes and computed values are checked on the
 * HyperFormula-backed fake in writeModel.test.ts). The mock answers every getRange/add with a settable object.
 */
function mockRange(): object {
  return { formulas: [], numberFormat: [], format: { font: {}, fill: {}, protection: {}, columnWidth: 0 } };
}

function mockSheet(): object {
  return {
    getRange: () => mockRange(),
    activate: () => undefined,
    charts: {
      add: () => ({
        title: {},
        axes: { categoryAxis: { setCategoryNames: () => undefined } },
        setPosition: () => undefined,
      }),
    },
  };
}

/**
 * office-addin-mock cannot follow a navigational load of a collection ("items/name"): the writer's load is answered by
 * loading the mock's `items` array, which holds the names.
 */
function loadItems(this: OfficeMockObject): void {
  OfficeMockObject.prototype.load.call(this, "items");
}

describe("writeModel sync count (office-addin-mock)", () => {
  it.each([48, 120, 420])("makes exactly 2 context.sync calls for a %i-month horizon", async (horizonMonths) => {
    const mock = new OfficeMockObject({
      context: {
        workbook: {
          worksheets: { items: [{ name: "Sheet1" }], load: loadItems, add: () => mockSheet() },
          names: { items: [], load: loadItems, add: () => undefined },
        },
        application: { suspendApiCalculationUntilNextSync: () => undefined },
      },
      run: async function (callback: (context: unknown) => Promise<void>) {
        return callback((this as unknown as { context: unknown }).context);
      },
    }) as unknown as {
      context: Excel.RequestContext;
      run: (batch: (c: Excel.RequestContext) => Promise<void>) => Promise<void>;
    };
    const sync = vi.spyOn(mock.context, "sync");
    const host: ExcelHost = {
      run: (batch) => mock.run(batch as (c: Excel.RequestContext) => Promise<void>) as never,
      supportsExcelApi: () => true,
      loadOnStartup: async () => undefined,
    };
    const plan = buildPlan({ ...expectOk(pilotScenario()), horizonMonths }, "en");
    const report = await writeModel(plan, host);
    expect(sync).toHaveBeenCalledTimes(2);
    expect(report.syncs).toBe(2);
  });
});
