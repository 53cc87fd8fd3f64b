/**
 * What the Excel writer needs from Office: running a batch, asking for a requirement set and the startup behaviour.
 * `officeExcelHost()` wraps the real Office.js globals; tests pass a fake backed by a formula engine.
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
}

/** The host of a running add-in (Office.js loaded and ready, host Excel). */
export function officeExcelHost(): ExcelHost {
  return {
    run: (batch, options) => (options === undefined ? Excel.run(batch) : Excel.run(options, batch)),
    supportsExcelApi: (version) => Office.context.requirements.isSetSupported("ExcelApi", version),
    loadOnStartup: () => Office.addin.setStartupBehavior(Office.StartupBehavior.load),
  };
}
