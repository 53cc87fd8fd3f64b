import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";

/** Longest function (lines, from its first to its last line) the plan layer may have: small blocks, each testable. */
const MAX_FUNCTION_LINES = 80;

function sourceFiles(directory: string): string[] {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory()
      ? sourceFiles(join(directory, entry.name))
      : entry.name.endsWith(".ts")
        ? [join(directory, entry.name)]
        : [],
  );
}

/** Every function-like node of a file with its line count. */
function functionLengths(file: string): { name: string; lines: number }[] {
  const source = ts.createSourceFile(file, readFileSync(file, "utf8"), ts.ScriptTarget.Latest, true);
  const found: { name: string; lines: number }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) && "body" in node && node.body !== undefined) {
      const start = source.getLineAndCharacterOfPosition(node.getStart(source)).line;
      const end = source.getLineAndCharacterOfPosition(node.getEnd()).line;
      const name = node.name !== undefined && ts.isIdentifier(node.name) ? node.name.text : "(anonymous)";
      found.push({ name: `${file}:${start + 1} ${name}`, lines: end - start + 1 });
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  return found;
}

describe("src/plan is made of small functions", () => {
  it(`no function over ${MAX_FUNCTION_LINES} lines`, () => {
    const all = sourceFiles("src/plan").flatMap(functionLengths);
    const longest = all.reduce((a, b) => (b.lines > a.lines ? b : a));
    console.log(`longest function in src/plan: ${longest.name} (${longest.lines} lines)`);
    expect(all.filter((f) => f.lines > MAX_FUNCTION_LINES)).toEqual([]);
  });
});
