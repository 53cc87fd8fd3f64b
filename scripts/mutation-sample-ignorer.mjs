// Stryker ignorer plugin for sampled runs (scripts/mutation-sample.mjs): Stryker's `mutate` ranges are set to the
// sampled mutants' nodes, which would also take in every mutant of those nodes' descendants; this plugin skips each
// descendant node that holds no sampled mutant, so only the sampled nodes' own mutants are tested.
// The sample file comes from the custom option `mutationSample` (set in the generated config).
import { readFileSync } from "node:fs";
import { relative } from "node:path";
import { commonTokens, declareFactoryPlugin, PluginKind, tokens } from "@stryker-mutator/api/plugin";

const inside = (outer, inner) =>
  (outer.start.line < inner.start.line ||
    (outer.start.line === inner.start.line && outer.start.column <= inner.start.column)) &&
  (outer.end.line > inner.end.line || (outer.end.line === inner.end.line && outer.end.column >= inner.end.column));
const same = (a, b) =>
  a.start.line === b.start.line &&
  a.start.column === b.start.column &&
  a.end.line === b.end.line &&
  a.end.column === b.end.column;

function sampleIgnorer(options) {
  const { sample } = JSON.parse(readFileSync(options.mutationSample, "utf8"));
  const byFile = new Map();
  for (const m of sample) byFile.set(m.file, [...(byFile.get(m.file) ?? []), m.location]);
  return {
    shouldIgnore(path) {
      const loc = path.node.loc;
      const fileName = path.hub?.file?.opts?.filename;
      if (!loc || typeof fileName !== "string") return undefined;
      const sampled = byFile.get(relative(process.cwd(), fileName).replaceAll("\\", "/"));
      if (!sampled) return undefined;
      // Babel's lines are 1-based, the sample's (Stryker's internal positions) 0-based.
      const node = {
        start: { line: loc.start.line - 1, column: loc.start.column },
        end: { line: loc.end.line - 1, column: loc.end.column },
      };
      if (sampled.some((s) => same(s, node) || inside(node, s))) return undefined;
      return sampled.some((s) => inside(s, node)) ? "not in the sample (scripts/mutation-sample.mjs)" : undefined;
    },
  };
}
sampleIgnorer.inject = tokens(commonTokens.options);

export const strykerPlugins = [declareFactoryPlugin(PluginKind.Ignore, "sample", sampleIgnorer)];
