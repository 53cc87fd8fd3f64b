import { describe, expect, it } from "vitest";
import danish from "../../src/functions/danish.json";
import { FUNCTION_HELP, functionNameIn, localExample } from "../../src/taskpane/about";

/** The About page in the user's Excel language (issue 14 item 10; review wizard-ux.md finding 13). */
describe("the About page speaks the user's Excel", () => {
  const byName = (name: string) => {
    const help = FUNCTION_HELP.find((entry) => entry.name === name);
    if (help === undefined) throw new Error(name);
    return help;
  };

  it("Danish names are the ones functions-da.json registers (from src/functions/danish.json)", () => {
    const registered = danish as Readonly<Record<string, { readonly name: string }>>;
    for (const help of FUNCTION_HELP) {
      const id = help.name.replace(/^SIB\./, "");
      expect(help.danishName, id).toBe(`SIB.${registered[id]?.name ?? "?"}`);
      expect(functionNameIn(help, "da")).toBe(help.danishName);
      expect(functionNameIn(help, "en")).toBe(help.name);
    }
  });

  it("Danish examples use ';' between arguments and ',' as the decimal mark; English ones are unchanged", () => {
    expect(localExample(byName("SIB.EFFECTSIZE"), "da")).toBe("=SIB.EFFEKT(0,18; 0,07; 55; 100)");
    expect(localExample(byName("SIB.EFFECTSIZE"), "en")).toBe("=SIB.EFFECTSIZE(0.18, 0.07, 55, 100)");
    expect(localExample(byName("SIB.BUDGETSAVING"), "da")).toBe('=SIB.BUDGETBESPARELSE("kommune")');
    expect(localExample(byName("SIB.PARAMETER"), "da")).toBe('=SIB.SATS("kontanthjaelp_30plus_andre"; 2024)');
    expect(localExample(byName("SIB.INVESTORFLOWS"), "da")).toBe("=SIB.INVESTORSTRØMME(B2:B13; C2:C37)");
    expect(localExample(byName("SIB.TORNADO"), "da")).toBe('=SIB.TORNADO("investorNpv"; 0,08)');
    for (const help of FUNCTION_HELP) {
      const local = localExample(help, "da");
      expect(local.replace(/"[^"]*"/g, ""), help.name).not.toMatch(/,\s|\d\.\d/);
      expect(local.startsWith(`=${help.danishName}(`), help.name).toBe(true);
    }
  });
});
