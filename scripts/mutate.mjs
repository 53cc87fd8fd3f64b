// `npm run mutate [-- stryker options]`: runs Stryker (stryker.config.mjs) with the given options, e.g.
// `npm run mutate -- --mutate "src/plan/**/*.ts"`, then prints the score per folder (scripts/mutation-summary.mjs).
// A wrapper rather than `stryker run && node …` so that npm's extra arguments reach Stryker, not the summary.
import { spawnSync } from "node:child_process";

const stryker = spawnSync("npx", ["stryker", "run", ...process.argv.slice(2)], {
  stdio: "inherit",
  shell: process.platform === "win32",
});
if (stryker.status !== 0) process.exit(stryker.status ?? 1);
const summary = spawnSync(process.execPath, ["scripts/mutation-summary.mjs"], { stdio: "inherit" });
process.exit(summary.status ?? 1);
