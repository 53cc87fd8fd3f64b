// Stryker reporter plugin for sampled runs (scripts/mutation-sample.mjs): appends each mutant's result to
// <sample dir>/results.jsonl as soon as it is known, so that a run stopped before its end (Stryker writes its JSON
// report only at the end) still leaves the results it reached. scripts/mutation-summary.mjs --sample reads the JSON
// report if there is one, otherwise this file. Only sampled mutants count there, so a partial run is a smaller sample
// only if the stopped run's order does not depend on the outcome (see docs/mutation.md).
import { appendFileSync } from "node:fs";
import { join, relative } from "node:path";
import { commonTokens, declareFactoryPlugin, PluginKind, tokens } from "@stryker-mutator/api/plugin";

function sampleStreamReporter(options) {
  const file = join(options.mutationSampleDir, "results.jsonl");
  return {
    onMutantTested(result) {
      const line = {
        file: relative(process.cwd(), result.fileName).replaceAll("\\", "/"),
        location: result.location, // the report schema's 1-based lines and columns
        mutatorName: result.mutatorName,
        replacement: result.replacement,
        status: result.status,
        statusReason: result.statusReason,
        testsCompleted: result.testsCompleted,
        killedBy: result.killedBy,
        static: result.static,
      };
      appendFileSync(file, `${JSON.stringify(line)}\n`);
    },
  };
}
sampleStreamReporter.inject = tokens(commonTokens.options);

export const strykerPlugins = [declareFactoryPlugin(PluginKind.Reporter, "sample-stream", sampleStreamReporter)];
