import { describe, expect, it } from "vitest";
import { expectOk } from "../../../src/engine/errors";
import { moneyMultiple, moneyMultipleCore } from "../../../src/engine/investor/multiple";

describe("money multiple", () => {
  it("is received / paid in: −100, 30, 90 gives 1.2", () => {
    expect(moneyMultipleCore([-100, 30, 90])).toBeCloseTo(1.2, 15);
    expect(expectOk(moneyMultiple([-100, 30, 90]))).toBeCloseTo(1.2, 15);
    expect(expectOk(moneyMultiple([-50, -50, 0, 60]))).toBeCloseTo(0.6, 15);
  });

  it("is undefined without a contribution (InvalidInput naming flows)", () => {
    const result = moneyMultiple([10, 20]);
    expect(result.ok ? null : result.issues[0]?.code).toBe("InvalidInput");
    expect(result.ok ? "" : result.issues[0]?.message).toContain("no contribution");
  });
});
