/**
 * The size limits of everything a user can hand the add-in, declared once: the engine's validation
 * (src/engine/validate.ts, src/engine/scenarioFile.ts, src/engine/modelFile.ts), the JSON schema
 * (docs/scenario.schema.json, kept equal by test/engine/limits.test.ts), the command-line tools (src/cli), the custom
 * functions' ranges (src/functions/coerce.ts) and the wizard's bounds (src/taskpane) all read them from here.
 * docs/limits.md lists them with the reasons below.
 */

/**
 * Longest horizon in months (35 years). Finansministeriet's discount rate of 3.5 % applies to years 0–35; the declining
 * rates after that are not modelled. It is also the longest horizon the wizard reaches (horizon + spare months).
 */
export const MAX_HORIZON_MONTHS = 420;

/**
 * Most cohorts in one scenario: a monthly intake for ten years. Real social impact bonds take in participants in
 * tens of cohorts (the DRC pilot has 1; a monthly intake over five years has 60, the wizard's maximum
 * {@link WIZARD_MAX_COHORTS}). The workbook export at this many cohorts and {@link MAX_HORIZON_MONTHS} stays well within
 * 1 GiB and 10 s (bench/export.ts), and every formula within Excel's 8,192 characters (test/plan/excelLimits.test.ts).
 */
export const MAX_COHORTS = 120;

/** Most cohorts the wizard offers (a monthly intake over five years); a scenario file may have up to {@link MAX_COHORTS}. */
export const WIZARD_MAX_COHORTS = 60;

/**
 * Most people in one cohort, in the measured participants or in the comparison group: a typing guard far above any
 * Danish programme (Denmark has about 6 million inhabitants).
 */
export const MAX_PEOPLE = 10_000_000;

/**
 * Most metrics in a payment rate card. Each metric is a block of month columns in the Payment sheet; the contracts
 * this add-in models pay on one to four outcomes (the pilot: selfSupporting, paidHours, sustained6, sustained12).
 */
export const MAX_METRICS = 12;

/**
 * Most name/value rows in one terms section of a file (`payment`, `investor`) or one terms range of a custom function
 * (empty rows not counted). Every term has about 30 names plus four per metric, so 200 leaves room for aliases given
 * twice without letting a file hold millions of keys.
 */
export const MAX_TERMS = 200;

/**
 * Most consequence rows in a scenario (the broad case, issue 15): SØM's eleven main areas with a few units each; the
 * reference note's data model (../shared/reference/broad-savings.md §5) lists about 20 units.
 */
export const MAX_CONSEQUENCES = 40;

/** Most views a scenario file may define (each is computed in full by `npm run case -- --compare`). */
export const MAX_VIEWS = 20;

/**
 * Largest scenario file in bytes (5 MB). A file at every limit above is below 100 KB; the limit is checked on the
 * file's size before it is read, so a huge file or a device such as /dev/zero never reaches memory.
 */
export const MAX_FILE_BYTES = 5 * 1024 * 1024;

/**
 * Longest text anywhere in a scenario file (a description, a name, a view's label, a term's text value), in
 * characters. Texts end up in workbook cells (Excel holds 32,767 characters per cell) and in messages; 2,000 is a
 * long paragraph.
 */
export const MAX_TEXT_LENGTH = 2000;

/**
 * Deepest nesting of objects and arrays in a scenario file. The deepest field a file can hold is 6 levels down
 * (`views[0].overrides.states.JOB.wage`); 16 leaves room and keeps a 100,000-deep file from reaching any code.
 */
export const MAX_NESTING = 16;

/** Most error lines a command-line tool prints; the rest are counted in one line ("… and N more"). */
export const MAX_ERROR_LINES = 50;

/** Longest piece of user text (a key or a value) quoted inside one message, in characters; longer texts are cut. */
export const MAX_QUOTED_LENGTH = 80;

/**
 * Most rows in a range passed to a custom function: a whole column of an Excel sheet (1,048,576 rows). Larger arrays
 * can only come from JavaScript callers.
 */
export const MAX_RANGE_ROWS = 1_048_576;

/** Every limit by name, for the documentation and the test that the schema holds the same numbers. */
export const LIMITS = {
  horizonMonths: MAX_HORIZON_MONTHS,
  cohorts: MAX_COHORTS,
  wizardCohorts: WIZARD_MAX_COHORTS,
  people: MAX_PEOPLE,
  metrics: MAX_METRICS,
  terms: MAX_TERMS,
  views: MAX_VIEWS,
  consequences: MAX_CONSEQUENCES,
  fileBytes: MAX_FILE_BYTES,
  textLength: MAX_TEXT_LENGTH,
  nesting: MAX_NESTING,
  errorLines: MAX_ERROR_LINES,
  quotedLength: MAX_QUOTED_LENGTH,
  rangeRows: MAX_RANGE_ROWS,
} as const;

/**
 * User text made safe to echo in a message or on a terminal: control characters (escape sequences included) shown as
 * `\u001b`-style escapes, and text longer than {@link MAX_QUOTED_LENGTH} cut with "…".
 * @example quoteUserText("a\u001b[2Jb") // "a\\u001b[2Jb"
 */
export function quoteUserText(text: string, maxLength = MAX_QUOTED_LENGTH): string {
  const cut = text.length > maxLength ? `${text.slice(0, maxLength)}…` : text;
  return escapeControl(cut);
}

/**
 * Control characters (C0, DEL, C1; ESC starts terminal escape sequences), the line and paragraph separators and the
 * bidirectional overrides written as `\uXXXX`, so printed text cannot move the cursor, set the title or reorder a line.
 * @example escapeControl("x\u0007") // "x\\u0007"
 */
export function escapeControl(text: string): string {
  return text.replace(CONTROL, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

// eslint-disable-next-line no-control-regex -- matching control characters is the point
const CONTROL = /[\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;

/**
 * At most {@link MAX_ERROR_LINES} lines, the rest counted in a last line.
 * @example capLines(["a", "b", "c"], 2) // ["a", "b", "… and 1 more"]
 */
export function capLines(lines: readonly string[], max = MAX_ERROR_LINES): string[] {
  if (lines.length <= max) return [...lines];
  return [...lines.slice(0, max), `… and ${lines.length - max} more`];
}
