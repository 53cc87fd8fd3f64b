/** Languages of the taskpane. */
export type Language = "da" | "en";

/**
 * Danish when the Office display language is Danish (da, da-DK), English otherwise. Its own module so the first screen
 * does not load the About page's function list with it (src/taskpane/about.ts, in the lazy chunk views.js; issue 14
 * item 11).
 * @example languageFor("da-DK") // "da"
 * @example languageFor(undefined) // "en"
 */
export function languageFor(displayLanguage: string | null | undefined): Language {
  return typeof displayLanguage === "string" && displayLanguage.toLowerCase().startsWith("da") ? "da" : "en";
}
