import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import { XMLValidator } from "fast-xml-parser";
import { describe, expect, it } from "vitest";

const require = createRequire(import.meta.url);
const { productionManifest } = require("../../scripts/manifest.cjs") as {
  productionManifest: (content: string, publicUrl: string) => string;
};
type Pattern = { from: string; transform?: (content: Buffer) => string | Buffer };
const webpackConfig = require("../../webpack.config.js") as (
  env: unknown,
  options: { mode: string },
) => Promise<{ plugins: { patterns?: Pattern[] }[] }>;

const xml = readFileSync("manifest.xml", "utf8");

/** The manifest a production build writes to dist/manifest.xml (webpack's copy transform, without building). */
async function builtManifest(publicUrl: string | undefined): Promise<string> {
  const saved = process.env.ADDIN_PUBLIC_URL;
  if (publicUrl === undefined) delete process.env.ADDIN_PUBLIC_URL;
  else process.env.ADDIN_PUBLIC_URL = publicUrl;
  try {
    const config = await webpackConfig({}, { mode: "production" });
    const pattern = config.plugins.flatMap((plugin) => plugin.patterns ?? []).find((p) => p.from === "manifest.xml");
    if (pattern?.transform === undefined) throw new Error("no manifest.xml transform in webpack.config.js");
    return pattern.transform(Buffer.from(xml)).toString();
  } finally {
    if (saved === undefined) delete process.env.ADDIN_PUBLIC_URL;
    else process.env.ADDIN_PUBLIC_URL = saved;
  }
}

describe("the production manifest (ADDIN_PUBLIC_URL)", () => {
  it("has only the hosting URL's domain: no localhost URL or AppDomain is left", async () => {
    const manifest = await builtManifest("https://sib.example.dk/addin/");
    expect(manifest).not.toContain("localhost");
    expect(manifest).toContain("<AppDomain>https://sib.example.dk</AppDomain>");
    expect(manifest).toContain('<bt:Url id="Taskpane.Url" DefaultValue="https://sib.example.dk/addin/taskpane.html"/>');
    expect(manifest).toContain('<bt:Override Locale="da-DK" Value="https://sib.example.dk/addin/functions-da.json"/>');
    expect(XMLValidator.validate(manifest)).toBe(true);
  });

  it("adds the trailing slash to a URL without one, and refuses plain http", () => {
    expect(productionManifest(xml, "https://sib.example.dk")).toContain(
      '<SourceLocation DefaultValue="https://sib.example.dk/taskpane.html"/>',
    );
    expect(() => productionManifest(xml, "http://sib.example.dk/")).toThrow(/https/);
  });

  it("leaves the development manifest as it is when no public URL is set", async () => {
    expect(await builtManifest(undefined)).toBe(xml);
  });
});
