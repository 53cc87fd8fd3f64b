// Stryker checker plugin for sampled runs (scripts/mutation-sample.mjs): the `mutate` ranges and the ignorer leave the
// sampled nodes, but Stryker makes every mutator's mutants of such a node (e.g. `<=`, `>=` and `true` beside a sampled
// `<` → `>`). Those are not in the sample and do not count, so this checker, listed before the TypeScript checker,
// turns them away before they cost a type check or a test run (about 40 % of the mutants in the afternoon's run).
// They show in the JSON report as "CompileError" with the reason "not in the sample"; only sampled mutants are counted
// by scripts/mutation-summary.mjs --sample, whatever their neighbours' status.
import { readFileSync } from "node:fs";
import { CheckStatus } from "@stryker-mutator/api/check";
import { commonTokens, declareFactoryPlugin, PluginKind, tokens } from "@stryker-mutator/api/plugin";

/** The identity used by scripts/mutation-sample.mjs (keyOf), with the file as a path suffix. */
const keyOf = (file, m) =>
  `${file}:${m.location.start.line}:${m.location.start.column}-${m.location.end.line}:${m.location.end.column}` +
  `|${m.mutatorName}|${m.replacement}`;

function sampleChecker(options) {
  // An absolute path (the checker runs in a child process whose working directory is Stryker's sandbox).
  const { sample } = JSON.parse(readFileSync(options.mutationSample, "utf8"));
  const keys = new Set(sample.map((m) => keyOf(m.file, m)));
  const files = [...new Set(sample.map((m) => m.file))];
  const fileOf = (fileName) => {
    const path = fileName.replaceAll("\\", "/");
    return files.find((f) => path === f || path.endsWith(`/${f}`));
  };
  return {
    async init() {},
    async check(mutants) {
      return Object.fromEntries(
        mutants.map((m) => {
          const file = fileOf(m.fileName);
          const sampled = file !== undefined && keys.has(keyOf(file, m));
          return [
            m.id,
            sampled
              ? { status: CheckStatus.Passed }
              : { status: CheckStatus.CompileError, reason: "not in the sample" },
          ];
        }),
      );
    },
  };
}
sampleChecker.inject = tokens(commonTokens.options);

export const strykerPlugins = [declareFactoryPlugin(PluginKind.Checker, "sample", sampleChecker)];
