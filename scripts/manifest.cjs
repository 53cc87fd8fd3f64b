// The production manifest: manifest.xml with its development URL replaced by the hosting URL (shared by
// webpack.config.js and the tests).

const { URL } = require("node:url");

/** The origin the development manifest points at (npm run dev-server). */
const DEV_ORIGIN = "https://localhost:3000";

/**
 * manifest.xml for hosting at `publicUrl` (https, e.g. "https://sib.example.dk/addin/"): every URL under the
 * development origin moves to `publicUrl`, and the AppDomain becomes the hosting origin, so no localhost entry is left.
 * Throws for a non-https URL or when a localhost reference would remain.
 * @example productionManifest(xml, "https://sib.example.dk/") // <AppDomain>https://sib.example.dk</AppDomain>, …
 */
function productionManifest(content, publicUrl) {
  const url = new URL(publicUrl);
  if (url.protocol !== "https:") throw new Error(`ADDIN_PUBLIC_URL must be https, got ${publicUrl}`);
  const base = url.href.endsWith("/") ? url.href : `${url.href}/`;
  const manifest = content
    .replaceAll(`${DEV_ORIGIN}/`, base)
    .replaceAll(`<AppDomain>${DEV_ORIGIN}</AppDomain>`, `<AppDomain>${url.origin}</AppDomain>`);
  if (manifest.includes("localhost")) throw new Error("the production manifest still refers to localhost");
  return manifest;
}

module.exports = { DEV_ORIGIN, productionManifest };
