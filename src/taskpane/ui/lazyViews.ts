/**
 * The views that are not on the first screen, the lazy chunk views.js (issue 14 item 11: initial JS ≤ 110 KB gzipped):
 * the workshop's views (sliders, parties, picture, glossary) and the About page with the function list. Loaded
 * right after the wizard is interactive by src/taskpane/ui/viewsLoader.ts; the app draws them once it has arrived.
 */
export { aboutView } from "./aboutView";
export {
  glossary,
  noEffectExplanation,
  sliderText,
  workshopParties,
  workshopPicture,
  workshopSliders,
} from "./workshopView";
