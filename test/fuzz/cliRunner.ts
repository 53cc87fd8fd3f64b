import { vi } from "vitest";

/** What the command printed and returned, run in-process. */
export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
  readonly ms: number;
}

const caseCli = await import("../../src/cli/case");

/**
 * Runs `npm run case` in-process (src/cli/case.ts's `main`) with its output captured, so a test can run hundreds of
 * files without starting a process for each.
 * @example runCaseInProcess(["--scenario", "examples/pilot.json", "--json"]).code // 0
 */
export function runCaseInProcess(argv: readonly string[]): CliRun {
  let stdout = "";
  let stderr = "";
  const out = vi.spyOn(process.stdout, "write").mockImplementation((chunk: string | Uint8Array) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, "write").mockImplementation((chunk: string | Uint8Array) => {
    stderr += String(chunk);
    return true;
  });
  const start = performance.now();
  try {
    const code = caseCli.main(argv);
    return { code, stdout, stderr, ms: performance.now() - start };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
