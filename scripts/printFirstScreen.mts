// Prints the first screen's P(loss) table as JSON for webpack.config.js (FIRST_SCREEN_LOSS; see firstScreen.ts). Run
// as an ES module, so the engine's modules are evaluated in the order webpack evaluates them.
import { firstScreenLosses } from "./firstScreen";

process.stdout.write(JSON.stringify(firstScreenLosses()));
