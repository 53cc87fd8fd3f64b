// Prints the first screen's build-time figures as JSON for webpack.config.js: { loss, figures } (FIRST_SCREEN_LOSS and
// FIRST_SCREEN_FIGURES; see firstScreen.ts). Run as an ES module, so the engine's modules are evaluated in the order
// webpack evaluates them.
import { firstScreenFigures, firstScreenLosses } from "./firstScreen";

process.stdout.write(JSON.stringify({ loss: firstScreenLosses(), figures: firstScreenFigures() }));
