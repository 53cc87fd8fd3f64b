// `npm start`: on Windows and macOS sideloads the add-in into Excel desktop with office-addin-debugging (which also
// starts the dev server). Elsewhere (Linux, where office-addin-debugging says "Platform not supported" and still
// exits 0) it starts the dev server and explains how to load the add-in in Excel on the web.
import { spawn } from "node:child_process";

const desktop = process.platform === "win32" || process.platform === "darwin";
const [command, args] = desktop
  ? ["npx", ["office-addin-debugging", "start", "manifest.xml", ...process.argv.slice(2)]]
  : ["npx", ["webpack", "serve", "--mode", "development"]];
if (!desktop) {
  console.log(
    [
      "No Excel desktop on this platform: starting the dev server at https://localhost:3000 instead.",
      "- Excel on the web: Home > Add-ins > More Settings > Upload My Add-in, and choose manifest.xml.",
      "- Plain browser: open https://localhost:3000/taskpane.html (accept the self-signed certificate).",
    ].join("\n"),
  );
}
const child = spawn(command, args, { stdio: "inherit", shell: process.platform === "win32" });
child.on("exit", (code) => process.exit(code ?? 1));
