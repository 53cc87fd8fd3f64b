import { el } from "./dom";

const SVG = "http://www.w3.org/2000/svg";

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Record<string, string>,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, value);
  return node;
}

/**
 * A small line chart of a monthly series with a zero line (positions only: the values come from the engine). The
 * chart is an image with a text alternative; the numbers it shows are also given in words beside it.
 */
export function lineChart(values: readonly number[], label: string, axisLabel: string): HTMLElement {
  const width = 280;
  const height = 90;
  const pad = 4;
  const finite = values.filter((value) => Number.isFinite(value));
  const low = Math.min(0, ...finite);
  const high = Math.max(0, ...finite);
  const span = high - low || 1;
  const x = (index: number): number => pad + (index / Math.max(1, values.length - 1)) * (width - 2 * pad);
  const y = (value: number): number => pad + ((high - value) / span) * (height - 2 * pad);
  const points = values.map((value, index) => `${x(index).toFixed(1)},${y(value).toFixed(1)}`).join(" ");
  const chart = svg("svg", {
    viewBox: `0 0 ${width} ${height}`,
    role: "img",
    "aria-label": label,
    preserveAspectRatio: "none",
    class: "chart",
  });
  chart.append(
    svg("line", { x1: `${pad}`, x2: `${width - pad}`, y1: `${y(0)}`, y2: `${y(0)}`, class: "zero" }),
    svg("polyline", { points, class: "series", fill: "none" }),
  );
  return el(
    "figure",
    { class: "chart-figure" },
    chart,
    el("figcaption", {}, `${label} (${values.length} ${axisLabel})`),
  );
}
