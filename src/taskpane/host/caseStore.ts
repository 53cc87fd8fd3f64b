/**
 * The case file kept in the workbook (issue 14 item 2): when the wizard writes a model into Excel it also stores the
 * case file (docs/scenario.md) in the document's add-in settings, which Excel saves with the workbook. "Open model"
 * reads the model's input cells as before (the cells win: the user may have edited them) and takes from the stored
 * file what the sheets do not hold: the case's own views and its description.
 */

/** The settings key the case file is stored under. */
export const CASE_SETTING = "sibCaseFile";

/** Where a case file is kept with the workbook. */
export interface CaseStore {
  /** Stores the case file's text (replacing an earlier one) and saves the settings. */
  save(text: string): Promise<void>;
  /** The stored case file's text, or null when none is stored. */
  load(): string | null;
}

/** The part of Office.Settings the store uses (tests pass a fake). */
export interface SettingsLike {
  get(name: string): unknown;
  set(name: string, value: string): void;
  saveAsync(callback: (result: { status: unknown; error?: { message: string } | null }) => void): void;
}

/**
 * A case store on Office's document settings, or null outside Excel (no office.js or no document settings).
 * @example officeCaseStore()?.load() // the stored case file's text, or null
 */
export function officeCaseStore(): CaseStore | null {
  if (typeof Office === "undefined") return null;
  const settings = (Office.context as { document?: { settings?: SettingsLike } } | undefined)?.document?.settings;
  return settings === undefined ? null : settingsCaseStore(settings);
}

/**
 * A case store on settings: `save` sets the key and saves (rejecting with Office's message on failure).
 * @example await settingsCaseStore(Office.context.document.settings).save(text)
 */
export function settingsCaseStore(settings: SettingsLike): CaseStore {
  return {
    save: (text) =>
      new Promise((resolve, reject) => {
        settings.set(CASE_SETTING, text);
        settings.saveAsync((result) => {
          if (String(result.status).toLowerCase() === "succeeded") resolve();
          else
            reject(
              new Error(`The case could not be stored in the workbook: ${result.error?.message ?? "unknown error"}`),
            );
        });
      }),
    load: () => {
      const value = settings.get(CASE_SETTING);
      return typeof value === "string" ? value : null;
    },
  };
}
