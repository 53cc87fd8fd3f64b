import { describe, expect, it, vi } from "vitest";
import { main } from "../../src/cli/case";
import { renderNarrowBroad } from "../../src/cli/narrowBroad";
import { DEFAULT_CONSEQUENCES } from "../../src/engine/consequences/defaults";
import { narrowAndBroad } from "../../src/engine/consequences/narrowBroad";
import { expectOk } from "../../src/engine/errors";
import { pilotScenario } from "../../src/engine/pilot";
import { perState } from "../../src/engine/states";

const pilot = expectOk(pilotScenario(2023));

/** stdout and the exit code of `npm run case -- …args`, in-process. */
function run(args: string[]): { code: number; out: string } {
  let out = "";
  const spy = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    out += String(chunk);
    return true;
  });
  try {
    return { code: main(args), out };
  } finally {
    spy.mockRestore();
  }
}

describe("narrow vs broad side by side (npm run case -- --compare)", () => {
  it("the pilot's broad case uses the default table, whose changes are all 0: broad = narrow exactly", () => {
    const compared = expectOk(narrowAndBroad(pilot));
    expect(compared.defaultTable).toBe(true);
    expect(compared.broad.perParticipant).toEqual(compared.narrow.perParticipant);
    // COWI/PDJF 2023 published 28,000 kr per participant for the municipality; the engine's pilot gives 28,006.
    expect(Math.round(compared.narrow.perParticipant.municipality)).toBe(28_006);
    expect(compared.consequences.map((row) => row.id)).toEqual(DEFAULT_CONSEQUENCES.map((row) => row.id));
  });

  it("lists every default row's source, and 'not found' for the rows without a price", () => {
    const text = renderNarrowBroad(expectOk(narrowAndBroad(pilot)));
    for (const row of DEFAULT_CONSEQUENCES) {
      if (row.unitPrice !== null) expect(text).toContain(`- ${row.id} [${row.evidence}]: ${row.source}`);
    }
    expect(text).toContain("Not found, supply your own price: psychiatricBedDay");
    expect(text).toMatch(/Per participant: narrow \(employment only\) municipality 28,006, state 41,867/);
  });

  it("a scenario's own rows: the difference is the rows' NPV, and the broad case by area sums to it", () => {
    const row = {
      ...DEFAULT_CONSEQUENCES[0],
      id: "prisonDay",
      indexFactor: 1.2,
      evidence: "A" as const,
      changePerYear: perState((state) => (state === "JOB" ? -3 : 0)),
    };
    const compared = expectOk(narrowAndBroad({ ...pilot, consequences: [row as (typeof DEFAULT_CONSEQUENCES)[0]] }));
    expect(compared.defaultTable).toBe(false);
    const difference = compared.broad.perParticipant.state - compared.narrow.perParticipant.state;
    expect(difference).toBeGreaterThan(0);
    expect(compared.consequences[0]?.perParticipant.state).toBeCloseTo(difference, 6);
    expect(compared.broad.byArea.state.crime).toBeCloseTo(difference, 6);
    expect(compared.broad.byArea.state.employment).toBeCloseTo(compared.narrow.perParticipant.state, 6);
  });

  it("--compare --json has both views under narrowBroad", () => {
    const { code, out } = run(["--compare", "--json"]);
    expect(code).toBe(0);
    const json = JSON.parse(out) as { narrowBroad: { narrow: unknown; broad: unknown; consequences: unknown[] } };
    expect(json.narrowBroad.narrow).toBeDefined();
    expect(json.narrowBroad.broad).toBeDefined();
    expect(json.narrowBroad.consequences).toHaveLength(DEFAULT_CONSEQUENCES.length);
  });
});
