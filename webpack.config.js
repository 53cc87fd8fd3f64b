// Builds the taskpane and the custom functions into dist/, generates functions.json from the functions' JSDoc and a
// Danish functions-da.json from src/functions/danish.json, and copies the manifest and icons. In production the
// localhost URLs and AppDomain in the manifest are replaced by ADDIN_PUBLIC_URL (when set; scripts/manifest.cjs).
const path = require("node:path");
const CustomFunctionsMetadataPlugin = require("custom-functions-metadata-plugin");
const HtmlWebpackPlugin = require("html-webpack-plugin");
const CopyWebpackPlugin = require("copy-webpack-plugin");
const { DefinePlugin } = require("webpack");
const { FUNCTION_FILES, danishFunctionsMetadata } = require("./scripts/functions-metadata.cjs");
const { productionManifest } = require("./scripts/manifest.cjs");
const { fluentTheme } = require("./scripts/fluentTheme.cjs");
const { execFileSync } = require("node:child_process");

/** The first screen's P(loss) and preview figures, computed by the engine at build time (scripts/printFirstScreen.mts;
 * issue 14 item 11): { loss, figures }. */
function firstScreen() {
  const output = execFileSync(process.execPath, [require.resolve("tsx/cli"), "scripts/printFirstScreen.mts"], {
    cwd: __dirname,
    encoding: "utf8",
  });
  return JSON.parse(output);
}

/** HTTPS options from office-addin-dev-certs; where it cannot install a CA (Linux without sudo) webpack-dev-server
 * makes its own self-signed certificate instead. */
async function httpsOptions() {
  try {
    const devCerts = require("office-addin-dev-certs");
    const options = await devCerts.getHttpsServerOptions();
    return { ca: options.ca, key: options.key, cert: options.cert };
  } catch (error) {
    console.warn(`office-addin-dev-certs unavailable (${error.message}); using a self-signed certificate.`);
    return {};
  }
}

/** Adds functions-da.json (Danish names and descriptions) next to the generated functions.json. */
class DanishFunctionsPlugin {
  apply(compiler) {
    compiler.hooks.thisCompilation.tap("DanishFunctionsPlugin", (compilation) => {
      compilation.hooks.processAssets.tap(
        { name: "DanishFunctionsPlugin", stage: compiler.webpack.Compilation.PROCESS_ASSETS_STAGE_ADDITIONAL },
        () => {
          const english = compilation.getAsset("functions.json");
          if (english === undefined) return;
          const danish = danishFunctionsMetadata(JSON.parse(english.source.source().toString()));
          compilation.emitAsset(
            "functions-da.json",
            new compiler.webpack.sources.RawSource(JSON.stringify(danish, null, 2)),
          );
        },
      );
    });
  }
}

module.exports = async (env, options) => {
  const dev = options.mode === "development";
  const publicUrl = process.env.ADDIN_PUBLIC_URL;
  const firstScreenTables = firstScreen();
  return {
    devtool: dev ? "source-map" : false,
    // functions.js: the runtime guard first (a stand-in CustomFunctions in a plain browser), then every function file;
    // a standalone bundle (webpack's runtime and the engine) for a custom-functions runtime without the page.
    // taskpane.js is the only script of taskpane.html (Excel's shared runtime, issue 14 item 11): its own runtime, the
    // wizard and the engine modules the first screen needs; right after the wizard is interactive it loads the same
    // function files as the lazy chunk customfunctions.js (src/taskpane/host/customFunctions.ts), which takes the
    // engine modules already loaded from taskpane.js, so the page loads the engine once.
    entry: {
      functions: ["./src/functions/runtimeGuard.ts", ...FUNCTION_FILES],
      taskpane: "./src/taskpane/taskpane.ts",
    },
    // Loaded when needed: right after the first screen the custom functions (customfunctions.js), the Fluent form
    // components (fluentforms.js), the Monte Carlo for P(loss) (montecarlo.js; the first screen's P(loss) is computed at
    // build time, FIRST_SCREEN_LOSS) and the case-file code with the comparison and the summary (casetools.js); the plan
    // builder and the Excel writer/reader (workbook.js, on write, open, update or download), ExcelJS (xlsx.js, on
    // download).
    // functions.js carries webpack's runtime, and must start where there is no document or `self` (Excel's
    // JavaScript-only custom-functions runtime): chunks are found relative to the page (publicPath "", not the
    // automatic publicPath, which needs document.currentScript and throws without it) and registered on globalThis.
    output: {
      path: path.resolve(__dirname, "dist"),
      filename: "[name].js",
      chunkFilename: "[name].js",
      publicPath: "",
      globalObject: "globalThis",
      clean: true,
    },
    resolve: { extensions: [".ts", ".js"] },
    module: {
      rules: [
        {
          test: /\.ts$/,
          exclude: /node_modules/,
          // SIB_BUILD_TRANSPILE_ONLY=1 (set by .ci/run, whose typecheck step runs `tsc --noEmit` over the same files side
          // by side): ts-loader only transpiles instead of type-checking the bundled files a second time.
          use: {
            loader: "ts-loader",
            options: {
              onlyCompileBundledFiles: true,
              transpileOnly: process.env.SIB_BUILD_TRANSPILE_ONLY === "1",
              compilerOptions: { noEmit: false },
            },
          },
        },
      ],
    },
    plugins: [
      // FLUENT_THEME: Fluent's light theme with only the tokens the registered components read (issue 14 item 11).
      // FIRST_SCREEN_LOSS: P(loss) of the case the wizard opens with, so the Monte Carlo can load after the first screen;
      // FIRST_SCREEN_FIGURES: its other preview figures, so the first screen does not run the engine.
      new DefinePlugin({
        ADDIN_VERSION: JSON.stringify(require("./package.json").version),
        FLUENT_THEME: JSON.stringify(fluentTheme()),
        FIRST_SCREEN_LOSS: JSON.stringify(firstScreenTables.loss),
        FIRST_SCREEN_FIGURES: JSON.stringify(firstScreenTables.figures),
      }),
      new CustomFunctionsMetadataPlugin({ output: "functions.json", input: FUNCTION_FILES }),
      new DanishFunctionsPlugin(),
      new HtmlWebpackPlugin({
        filename: "taskpane.html",
        template: "./src/taskpane/taskpane.html",
        chunks: ["taskpane"],
      }),
      new CopyWebpackPlugin({
        patterns: [
          { from: "assets/*.png", to: "assets/[name][ext]" },
          {
            from: "manifest.xml",
            to: "manifest.xml",
            transform: (content) =>
              dev || publicUrl === undefined ? content : productionManifest(content.toString(), publicUrl),
          },
        ],
      }),
    ],
    // Named lazy chunks only (see above), not separate anonymous vendors chunks; the modules that two or more lazy chunks
    // share (the Monte Carlo in montecarlo.js and customfunctions.js, engine modules of workbook.js and
    // customfunctions.js) go once into shared.js, which webpack loads with the first chunk that needs it.
    optimization: {
      splitChunks: {
        chunks: "async",
        cacheGroups: {
          defaultVendors: false,
          default: false,
          shared: { chunks: "async", minChunks: 2, name: "shared", enforce: true, reuseExistingChunk: true },
        },
      },
    },
    performance: { hints: false },
    devServer: {
      static: { directory: path.resolve(__dirname, "dist") },
      headers: { "Access-Control-Allow-Origin": "*" },
      // Certificates only for the development server (a production build must not create or read them).
      server: { type: "https", options: dev ? await httpsOptions() : {} },
      port: Number(process.env.npm_package_config_dev_server_port || 3000),
    },
  };
};
