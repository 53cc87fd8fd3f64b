// Custom-function metadata helpers shared by webpack.config.js and the tests.
const { readFileSync } = require("node:fs");
const path = require("node:path");

/** Every file with @customfunction JSDoc: the metadata plugin reads these and the functions bundle includes them. */
const FUNCTION_FILES = [
  "./src/functions/functions.ts",
  "./src/functions/payment.ts",
  "./src/functions/investor.ts",
  "./src/functions/stats.ts",
  "./src/functions/stress.ts",
  "./src/functions/budget.ts",
];

const TRANSLATIONS = path.join(__dirname, "..", "src", "functions", "danish.json");

/**
 * Danish metadata from the generated English functions.json: the same ids with Danish names, descriptions and
 * parameter names/descriptions from src/functions/danish.json. A function or parameter without a translation fails
 * the build, so the Danish metadata is always complete.
 */
function danishFunctionsMetadata(english) {
  const translations = JSON.parse(readFileSync(TRANSLATIONS, "utf8"));
  const missing = [];
  const functions = english.functions.map((fn) => {
    const danish = translations[fn.id];
    if (danish === undefined) {
      missing.push(fn.id);
      return fn;
    }
    const parameters = (fn.parameters ?? []).map((parameter) => {
      const translated = danish.parameters?.[parameter.name];
      if (translated === undefined) {
        missing.push(`${fn.id}(${parameter.name})`);
        return parameter;
      }
      return { ...parameter, name: translated[0], description: translated[1] };
    });
    return { ...fn, name: danish.name, description: danish.description, parameters };
  });
  if (missing.length > 0)
    throw new Error(`Missing Danish translations in src/functions/danish.json: ${missing.join(", ")}`);
  return { ...english, functions };
}

module.exports = { FUNCTION_FILES, danishFunctionsMetadata };
