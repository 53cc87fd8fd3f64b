/**
 * The taskpane's own small SVG charts: a line chart over programme months (axes with units, a legend, a title, an
 * optional marked month and a text alternative) and a horizontal bar chart (positive to the right of zero, negative
 * to the left). The geometry functions are pure (tested without a DOM); the values always come from the engine.
 */
import { el } from "./dom";

const SVG = "http://www.w3.org/2000/svg";

/** One line: values[m] is the value after programme month m (drawn at x = m + 1; x = 0 is the start, value 0). */
export interface LineSeries {
  readonly key: string;
  readonly label: string;
  readonly values: readonly number[];
}

/** What a line chart shows. */
export interface LineChartSpec {
  readonly title: string;
  /** The x axis' title with its unit, e.g. "Måneder fra start". */
  readonly xLabel: string;
  /** The y axis' title with its unit, e.g. "mio. kr. (nutidsværdi)". */
  readonly yLabel: string;
  readonly series: readonly LineSeries[];
  /** A marked month (x) with its label, e.g. the break-even month. */
  readonly marker?: { readonly x: number; readonly label: string };
  /** Tick labels of the y axis (the value in kr → text in the axis' unit). */
  readonly formatY: (value: number) => string;
  /** The text alternative: what the chart shows, in words, with its key numbers. */
  readonly description: string;
}

/** The drawing box of a chart, in SVG user units. */
export interface Box {
  readonly width: number;
  readonly height: number;
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

export const LINE_BOX: Box = { width: 300, height: 170, left: 44, right: 8, top: 10, bottom: 30 };

/**
 * About `count` round tick values covering [low, high] (steps 1, 2, 2.5 or 5 × 10^k), always including 0 when the
 * range does.
 * @example niceTicks(-1_200_000, 3_100_000, 4) // [-2e6, 0, 2e6, 4e6]
 */
export function niceTicks(low: number, high: number, count: number): number[] {
  if (!(high > low)) return [low];
  const rough = (high - low) / Math.max(1, count);
  const power = Math.pow(10, Math.floor(Math.log10(rough)));
  const step = ([1, 2, 2.5, 5, 10].find((factor) => factor * power >= rough) ?? 10) * power;
  const first = Math.floor(low / step) * step;
  const ticks: number[] = [];
  for (let value = first; value < high + step * 0.999; value += step) ticks.push(Math.round(value / step) * step);
  return ticks;
}

/** Positions of a line chart: scales, ticks, the polylines and the marker. */
export interface LineGeometry {
  readonly x: (month: number) => number;
  readonly y: (value: number) => number;
  readonly xTicks: readonly number[];
  readonly yTicks: readonly number[];
  /** Per series: the points "x,y x,y …", starting at (0, 0). */
  readonly lines: readonly { readonly key: string; readonly points: readonly (readonly [number, number])[] }[];
  readonly months: number;
}

/**
 * The geometry of a line chart in a box: x from month 0 to the longest series, y over the ticks that cover every
 * value and 0.
 * @example lineGeometry([{ key: "a", label: "", values: [-1, 1] }], LINE_BOX).months // 2
 */
export function lineGeometry(series: readonly LineSeries[], box: Box = LINE_BOX): LineGeometry {
  const months = Math.max(1, ...series.map((line) => line.values.length));
  const finite = series.flatMap((line) => line.values.filter((value) => Number.isFinite(value)));
  const yTicks = niceTicks(Math.min(0, ...finite), Math.max(0, ...finite), 4);
  const low = Math.min(...yTicks);
  const high = Math.max(...yTicks);
  const span = high - low || 1;
  const plotWidth = box.width - box.left - box.right;
  const plotHeight = box.height - box.top - box.bottom;
  const x = (month: number): number => box.left + (month / months) * plotWidth;
  const y = (value: number): number => box.top + ((high - value) / span) * plotHeight;
  const xTicks = niceTicks(0, months, 5).filter((tick) => tick >= 0 && tick <= months);
  const lines = series.map((line) => ({
    key: line.key,
    points: [[x(0), y(0)] as const, ...line.values.map((value, month) => [x(month + 1), y(value)] as const)],
  }));
  return { x, y, xTicks, yTicks, lines, months };
}

function svg<K extends keyof SVGElementTagNameMap>(
  tag: K,
  attributes: Readonly<Record<string, string | number>>,
  text?: string,
): SVGElementTagNameMap[K] {
  const node = document.createElementNS(SVG, tag);
  for (const [key, value] of Object.entries(attributes)) node.setAttribute(key, String(value));
  if (text !== undefined) node.textContent = text;
  return node;
}

const round = (value: number): string => value.toFixed(1);

/**
 * A line chart as a figure: title, the SVG (axes with tick labels and titles, a zero line, the lines, the marker), a
 * legend and the text alternative (aria-label of the image and a caption in words).
 */
export function lineChart(spec: LineChartSpec, id: string): HTMLElement {
  const box = LINE_BOX;
  const geometry = lineGeometry(spec.series, box);
  const { x, y } = geometry;
  const chart = svg("svg", {
    viewBox: `0 0 ${box.width} ${box.height}`,
    role: "img",
    "aria-label": spec.description,
    class: "chart",
    "data-chart": id,
  });
  const bottom = box.height - box.bottom;
  for (const tick of geometry.yTicks) {
    chart.append(
      svg("line", { x1: box.left, x2: box.width - box.right, y1: round(y(tick)), y2: round(y(tick)), class: "grid" }),
      svg("text", { x: box.left - 3, y: round(y(tick) + 3), class: "tick", "text-anchor": "end" }, spec.formatY(tick)),
    );
  }
  for (const tick of geometry.xTicks) {
    chart.append(
      svg("line", { x1: round(x(tick)), x2: round(x(tick)), y1: bottom, y2: bottom + 3, class: "axis" }),
      svg("text", { x: round(x(tick)), y: bottom + 12, class: "tick", "text-anchor": "middle" }, String(tick)),
    );
  }
  chart.append(
    svg("line", { x1: box.left, x2: box.left, y1: box.top, y2: bottom, class: "axis" }),
    svg("line", { x1: box.left, x2: box.width - box.right, y1: round(y(0)), y2: round(y(0)), class: "zero" }),
    svg(
      "text",
      {
        x: box.left + (box.width - box.left - box.right) / 2,
        y: box.height - 3,
        class: "axis-title",
        "text-anchor": "middle",
      },
      spec.xLabel,
    ),
  );
  if (spec.marker !== undefined && spec.marker.x <= geometry.months) {
    const markerX = round(x(spec.marker.x));
    chart.append(
      svg("line", {
        x1: markerX,
        x2: markerX,
        y1: box.top,
        y2: bottom,
        class: "marker",
        "data-marker-month": spec.marker.x,
      }),
    );
  }
  spec.series.forEach((line, index) => {
    const points = geometry.lines[index]?.points ?? [];
    chart.append(
      svg("polyline", {
        points: points.map(([px, py]) => `${round(px)},${round(py)}`).join(" "),
        class: `series series-${index}`,
        fill: "none",
        "data-series": line.key,
      }),
    );
  });
  const legend = el(
    "ul",
    { class: "legend" },
    ...spec.series.map((line, index) =>
      el("li", {}, el("span", { class: `swatch swatch-${index}`, "aria-hidden": "true" }), line.label),
    ),
    spec.marker === undefined
      ? null
      : el("li", {}, el("span", { class: "swatch swatch-marker", "aria-hidden": "true" }), spec.marker.label),
  );
  return el(
    "figure",
    { class: "chart-figure" },
    el("p", { class: "chart-title" }, spec.title),
    el("p", { class: "axis-unit" }, spec.yLabel),
    chart,
    legend,
    el("figcaption", { class: "chart-text" }, spec.description),
  );
}

/** One bar: a label and a value (kr); positive bars go right of zero, negative left. */
export interface Bar {
  readonly key: string;
  readonly label: string;
  readonly value: number;
  /** The value as text, shown beside the bar. */
  readonly text: string;
}

/** Where a bar starts and how wide it is, as fractions of the bar area (0 = left edge, 1 = right edge). */
export interface BarSpan {
  readonly key: string;
  readonly start: number;
  readonly width: number;
}

/**
 * Bar positions: zero sits at max(negative magnitudes) / (sum of the largest negative and positive magnitudes); a bar
 * runs from zero to its value.
 * @example barSpans([{ key: "a", value: -1 }, { key: "b", value: 3 }]) // zero at 0.25: a 0–0.25, b 0.25–1
 */
export function barSpans(bars: readonly { readonly key: string; readonly value: number }[]): {
  readonly zero: number;
  readonly spans: readonly BarSpan[];
} {
  const positive = Math.max(0, ...bars.map((bar) => bar.value));
  const negative = Math.max(0, ...bars.map((bar) => -bar.value));
  const total = positive + negative || 1;
  const zero = negative / total;
  return {
    zero,
    spans: bars.map((bar) => ({
      key: bar.key,
      start: bar.value >= 0 ? zero : zero - -bar.value / total,
      width: Math.abs(bar.value) / total,
    })),
  };
}

/**
 * A horizontal bar chart as a figure: title, one row per bar (label, bar, value), a zero line, and the values in
 * words as the text alternative. Bars are HTML (they wrap at narrow widths); green for gains, red for losses.
 */
export function barChart(
  title: string,
  bars: readonly Bar[],
  id: string,
  options: { readonly large?: boolean; readonly note?: string } = {},
): HTMLElement {
  const { zero, spans } = barSpans(bars);
  const description = `${title}: ${bars.map((bar) => `${bar.label} ${bar.text}`).join("; ")}.`;
  return el(
    "figure",
    {
      class: `bar-chart${options.large === true ? " large" : ""}`,
      "data-chart": id,
      role: "group",
      "aria-label": description,
    },
    el("p", { class: "chart-title" }, title),
    ...bars.map((bar, index) => {
      const span = spans[index] ?? { start: zero, width: 0 };
      return el(
        "div",
        { class: "bar-row", "data-bar": bar.key },
        el("span", { class: "bar-label" }, bar.label),
        el(
          "span",
          { class: "bar-track", "aria-hidden": "true" },
          el("span", { class: "bar-zero", style: `left:${(100 * zero).toFixed(2)}%` }),
          el("span", {
            class: `bar ${bar.value >= 0 ? "gain" : "loss"}`,
            style: `left:${(100 * span.start).toFixed(2)}%;width:${Math.max(0.5, 100 * span.width).toFixed(2)}%`,
          }),
        ),
        el("span", { class: `bar-value ${bar.value >= 0 ? "gain" : "loss"}`, "data-bar-value": bar.key }, bar.text),
      );
    }),
    options.note === undefined ? null : el("figcaption", { class: "note" }, options.note),
  );
}
