import { spawnSync } from "node:child_process";
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MAX_COHORTS, MAX_HORIZON_MONTHS, MAX_METRICS, MAX_VIEWS } from "../src/engine/limits";

/**
 * The largest scenario file the limits accept (src/engine/limits.ts): {@link MAX_COHORTS} cohorts of 56 five months
 * apart, a {@link MAX_HORIZON_MONTHS}-month horizon, a rate card of {@link MAX_METRICS} metrics (selfSupporting,
 * paidHours, sustained6 … sustained60) each with a price and a volume cap, a comparison baseline, a person cap, a
 * share of savings, an IRR cap and principal protection, and {@link MAX_VIEWS} views.
 */
export function largestAcceptedFile(): unknown {
  const metrics = [
    "selfSupporting",
    "paidHours",
    ...Array.from({ length: MAX_METRICS - 2 }, (_, i) => `sustained${6 * (i + 1)}`),
  ];
  const payment: Record<string, number | string> = {
    baseline: "comparison",
    "cap.person": 220_000,
    savingsShare: 0.2,
    lagMonths: 2,
    "payerShare.municipality": 0.8,
  };
  metrics.forEach((metric, index) => {
    payment[`price.${metric}`] = 10_000 + 1_000 * index;
    payment[`volumeCap.${metric}`] = 1_000;
  });
  return {
    description: "The largest configuration the limits accept (bench/export.ts).",
    horizonMonths: MAX_HORIZON_MONTHS,
    comparisonGroupSize: 100,
    cohorts: Array.from({ length: MAX_COHORTS }, (_, i) => ({ participants: 56, intakeMonth: 5 * i })),
    payment,
    investor: { "returnCap.irr": 0.08, maxLoss: 0.5, hurdleRate: 0.05 },
    views: Array.from({ length: MAX_VIEWS }, (_, i) => ({
      id: `naf${i}`,
      label: { da: `NAF ${i}`, en: `NAF ${i}` },
      changes: { da: "anden NAF", en: "another NAF" },
      overrides: { socioEconomic: { netTaxFactor: 1 + i / 100 } },
    })),
  };
}

/** One command's figures: exit code, wall clock, CPU (user + system) and peak RSS from /usr/bin/time. */
function measure(args: readonly string[]): string {
  const time = "/usr/bin/time";
  const command = [process.execPath, "--import", "tsx", ...args];
  if (!existsSync(time)) {
    const start = performance.now();
    const run = spawnSync(command[0] ?? "node", command.slice(1), { encoding: "utf8" });
    return `exit ${run.status}, ${((performance.now() - start) / 1000).toFixed(1)} s wall (no /usr/bin/time for CPU and RSS)`;
  }
  const run = spawnSync(time, ["-f", "TIME %x %e %U %S %M", ...command], { encoding: "utf8" });
  const figures = /TIME (\d+) ([\d.]+) ([\d.]+) ([\d.]+) (\d+)/.exec(run.stderr);
  if (figures === null) return `no figures (${run.stderr.slice(0, 200)})`;
  const [, code, wall, user, system, rssKb] = figures;
  const cpu = Number(user) + Number(system);
  return `exit ${code}, ${Number(wall).toFixed(1)} s wall, ${cpu.toFixed(1)} s CPU, peak RSS ${(Number(rssKb) / 1024).toFixed(0)} MB`;
}

/**
 * `npm run workbook` and `npm run case -- --compare` on the largest accepted file (targets: workbook under 1 GiB and
 * 10 s, case under 300 MB), and the refusal of the 601-cohort file of review F1. Each runs as its own process, so its
 * peak RSS is its own; the CPU time is the figure to compare when other jobs share the cores.
 */
export function runExportBench(): string[] {
  const directory = mkdtempSync(join(tmpdir(), "sib-export-bench-"));
  try {
    const largest = join(directory, "largest.json");
    writeFileSync(largest, JSON.stringify(largestAcceptedFile()));
    const tooMany = join(directory, "601.json");
    writeFileSync(
      tooMany,
      JSON.stringify({
        horizonMonths: 420,
        cohorts: Array.from({ length: 601 }, (_, i) => ({ participants: 56, intakeMonth: i })),
      }),
    );
    const out = join(directory, "largest.xlsx");
    const workbook = measure([
      "src/export/workbookCli.ts",
      "--scenario",
      largest,
      "--out",
      out,
      "--capacity-months",
      "420",
    ]);
    const size = existsSync(out) ? `${(statSync(out).size / 1024).toFixed(0)} KB` : "no file";
    return [
      `Largest accepted file: ${MAX_COHORTS} cohorts × ${MAX_HORIZON_MONTHS} months, ${MAX_METRICS} metrics, ${MAX_VIEWS} views`,
      `npm run workbook (target < 1 GiB, < 10 s): ${workbook}; ${size}`,
      `npm run case -- --compare (target < 300 MB): ${measure(["src/cli/case.ts", "--scenario", largest, "--compare"])}`,
      `npm run workbook on 601 cohorts (refused before any work): ${measure(["src/export/workbookCli.ts", "--scenario", tooMany, "--out", join(directory, "no.xlsx")])}`,
    ];
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

// `npx tsx bench/export.ts` runs this section alone.
if (process.argv[1]?.endsWith("export.ts") === true) for (const line of runExportBench()) console.log(line);
