import { createRequire } from "node:module";
import { generateCustomFunctionsMetadata } from "custom-functions-metadata";

/** The shape of functions.json that the tests read. */
export interface FunctionsMetadata {
  readonly functions: readonly {
    readonly id: string;
    readonly name: string;
    readonly description?: string;
    readonly parameters: readonly {
      readonly name: string;
      readonly description?: string;
      readonly type: string;
      readonly dimensionality?: string;
      readonly optional?: boolean;
    }[];
    readonly result: { readonly type?: string; readonly dimensionality?: string };
  }[];
}

const require = createRequire(import.meta.url);
const { FUNCTION_FILES, danishFunctionsMetadata } = require("../../scripts/functions-metadata.cjs") as {
  FUNCTION_FILES: string[];
  danishFunctionsMetadata: (english: FunctionsMetadata) => FunctionsMetadata;
};

let cached: Promise<FunctionsMetadata> | undefined;

/** functions.json exactly as the webpack build generates it (same generator, same input files). */
export function generatedMetadata(): Promise<FunctionsMetadata> {
  cached ??= generateCustomFunctionsMetadata(FUNCTION_FILES, true).then((result) => {
    if (result.errors.length > 0) throw new Error(`custom-functions metadata errors: ${result.errors.join("; ")}`);
    return JSON.parse(result.metadataJson) as FunctionsMetadata;
  });
  return cached;
}

/** functions-da.json as the build writes it. */
export async function danishMetadata(): Promise<FunctionsMetadata> {
  return danishFunctionsMetadata(await generatedMetadata());
}
