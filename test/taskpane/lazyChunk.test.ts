/**
 * src/taskpane/ui/lazyChunk.ts: a lazy chunk (views.js, details.js) is imported once, `now()` has it only when it has
 * loaded, and a failed load is tried again by the next call instead of failing for good.
 */
import { describe, expect, it, vi } from "vitest";
import { lazyChunk } from "../../src/taskpane/ui/lazyChunk";

describe("lazyChunk", () => {
  it("imports once for any number of loads, and has the module only once it has arrived", async () => {
    const module = { name: "views" };
    const importChunk = vi.fn(() => Promise.resolve(module));
    const chunk = lazyChunk(importChunk);
    expect(chunk.now()).toBeNull();
    const first = chunk.load();
    const second = chunk.load();
    expect(second).toBe(first);
    expect(chunk.now()).toBeNull();
    expect(await first).toBe(module);
    expect(chunk.now()).toBe(module);
    expect(await chunk.load()).toBe(module);
    expect(importChunk).toHaveBeenCalledTimes(1);
  });

  it("tries a failed load again on the next call, and keeps no module from the failure", async () => {
    const module = { name: "details" };
    const importChunk = vi
      .fn<() => Promise<typeof module>>()
      .mockRejectedValueOnce(new Error("ChunkLoadError: offline"))
      .mockResolvedValueOnce(module);
    const chunk = lazyChunk(importChunk);
    await expect(chunk.load()).rejects.toThrow("offline");
    expect(chunk.now()).toBeNull();
    expect(await chunk.load()).toBe(module);
    expect(chunk.now()).toBe(module);
    expect(importChunk).toHaveBeenCalledTimes(2);
  });
});
