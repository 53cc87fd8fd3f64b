/**
 * What the Excel writer needs from Office: running a batch, asking for a requirement set, the display language and
 * the startup behaviour. `officeExcelHost()` wraps the real Office.js globals; tests pass a fake backed by a formula
 * engine or a recording stand-in that measures requests.
 */
export interface ExcelHost {
  run<T>(
    batch: (context: Excel.RequestContext) => Promise<T>,
    options?: { readonly mergeUndoGroup: boolean },
  ): Promise<T>;
  /** True when the host supports the ExcelApi requirement set `version` (e.g. "1.20" for one undo step). */
  supportsExcelApi(version: string): boolean;
  /** Makes the add-in load with this workbook next time (so SIB.* cells and the taskpane work at once). */
  loadOnStartup(): Promise<void>;
  /**
   * Office's display language, e.g. "da-DK": Excel registers the add-in's function names from the metadata of this
   * language (functions-da.json for da-DK). Undefined = unknown (English names first).
   */
  readonly displayLanguage?: string;
}

/** The host of a running add-in (Office.js loaded and ready, host Excel). */
export function officeExcelHost(): ExcelHost {
  return {
    run: (batch, options) => (options === undefined ? Excel.run(batch) : Excel.run(options, batch)),
    supportsExcelApi: (version) => Office.context.requirements.isSetSupported("ExcelApi", version),
    loadOnStartup: () => Office.addin.setStartupBehavior(Office.StartupBehavior.load),
    displayLanguage: Office.context.displayLanguage,
  };
}
