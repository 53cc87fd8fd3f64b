import fc from "fast-check";

/**
 * Seeded generators of hostile input (issue 13 item 7): scenario files and custom-function arguments a careless or
 * malicious user could hand the add-in. Shared by the fuzz tests (test/fuzz) and `npm run fuzz` (scripts/fuzz.ts).
 */

/** Keys that reach Object.prototype in a plain object lookup. */
export const PROTOTYPE_KEYS = ["__proto__", "constructor", "toString", "hasOwnProperty", "valueOf", "prototype"];

/** Numbers at the edges of double precision, and ordinary ones. */
export const HOSTILE_NUMBERS = [0, -0, 1, -1, 0.5, 2, 36.5, 1e6, 1e9, 1e15, 1e308, -1e308, 5e-324, -5e-324, 421, 601];

/** Texts: empty, blank, prototype names, numbers as text, error values, control characters, long and unicode. */
export const HOSTILE_TEXTS = [
  "",
  " ",
  "abc",
  "1",
  "NaN",
  "Infinity",
  "-Infinity",
  "1e999",
  "#VALUE!",
  "#REF!",
  "#N/A",
  "kommune",
  "none",
  "\u001b]0;title\u0007\u001b[2J",
  "Ærø🚀\u202e",
  "\ud800",
  ...PROTOTYPE_KEYS,
];

/** Field names of a scenario file at several depths (valid ones, so a hostile value reaches the deeper checks). */
const PATHS: readonly (readonly string[])[] = [
  ["horizonMonths"],
  ["costPerParticipant"],
  ["measuredParticipants"],
  ["comparisonGroupSize"],
  ["parameterYear"],
  ["description"],
  ["name"],
  ["base"],
  ["cohorts"],
  ["participantShares", "JOB"],
  ["states", "JOB", "wage"],
  ["states", "TEMP", "benefitPayer"],
  ["tax", "municipalTaxRate"],
  ["socioEconomic", "netTaxFactor"],
  ["refusionSteps"],
  ["neutraliseStates"],
  ["attributionReference"],
  ["payment"],
  ["payment", "price.selfSupporting"],
  ["payment", "threshold.metric"],
  ["payment", "baseline"],
  ["investor"],
  ["investor", "returnCap.irr"],
  ["views"],
];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

/** A JSON value as nested as `depth` (arrays or objects), ending in `leaf`. */
function nested(depth: number, leaf: Json, asArray: boolean): Json {
  let value = leaf;
  for (let i = 0; i < depth; i++) value = asArray ? [value] : { a: value };
  return value;
}

/** A hostile value: a wrong type, an edge number, a text from the list, deep nesting, a long text, a big list. */
const hostileValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(null, true, false, [], {}, [null], [{}], { a: 1 }),
  fc.constantFrom(...HOSTILE_NUMBERS),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
  fc.constantFrom(...HOSTILE_TEXTS),
  fc.string({ maxLength: 12 }),
  fc
    .record({ depth: fc.integer({ min: 1, max: 40 }), asArray: fc.boolean() })
    .map(({ depth, asArray }) => nested(depth, 1, asArray)),
  fc.integer({ min: 1990, max: 2600 }).map((length) => "x".repeat(length)),
  fc
    .integer({ min: 0, max: 130 })
    .map((count) => Array.from({ length: count }, () => ({ participants: 1, intakeMonth: 0 }))),
  fc.dictionary(
    fc.constantFrom(...PROTOTYPE_KEYS, "k", "price.constructor", "JOB"),
    fc.constantFrom<Json>(1, "x", null, {}),
  ),
);

/** One change to a file: a hostile value at a known path, or an unknown or prototype key at some depth. */
const change: fc.Arbitrary<{ path: readonly string[]; value: Json }> = fc.oneof(
  fc.record({ path: fc.constantFrom(...PATHS), value: hostileValue }),
  fc.record({
    path: fc
      .tuple(
        fc.constantFrom<readonly string[]>([], ["states"], ["states", "JOB"], ["tax"], ["payment"], ["investor"]),
        fc.constantFrom(...PROTOTYPE_KEYS, "unknown", "Horizon", "JOB", "price.__proto__"),
      )
      .map(([prefix, key]) => [...prefix, key]),
    value: hostileValue,
  }),
);

/**
 * The text of a hostile scenario file: the valid pilot file `{}` with one to four hostile changes, as JSON (a key
 * `__proto__` written as an own key, as JSON.parse reads it), sometimes not JSON at all.
 */
export const hostileFileText: fc.Arbitrary<string> = fc.oneof(
  { weight: 12, arbitrary: fc.array(change, { minLength: 1, maxLength: 4 }).map((changes) => fileText(changes)) },
  { weight: 1, arbitrary: fc.constantFrom("", "{", "[]", "null", "1", '"x"', '{"a":}', "\u0000", "{} {}", "NaN") },
);

function fileText(changes: readonly { path: readonly string[]; value: Json }[]): string {
  const root: Record<string, unknown> = Object.create(null) as Record<string, unknown>;
  for (const { path, value } of changes) {
    let node = root;
    path.forEach((key, index) => {
      if (index === path.length - 1) {
        node[key] = value;
        return;
      }
      const next = node[key];
      if (typeof next === "object" && next !== null && !Array.isArray(next)) node = next as Record<string, unknown>;
      else {
        const created = Object.create(null) as Record<string, unknown>;
        node[key] = created;
        node = created;
      }
    });
  }
  return JSON.stringify(root);
}

/** A cell value as Excel hands it to a custom function (plus what only a JavaScript caller could pass). */
export type Cell = number | string | boolean | null | undefined;

const hostileCell: fc.Arbitrary<Cell> = fc.oneof(
  fc.constantFrom<Cell>(null, undefined, true, false, Number.NaN, Infinity, -Infinity),
  fc.constantFrom(...HOSTILE_NUMBERS),
  fc.double(),
  fc.constantFrom(...HOSTILE_TEXTS),
);

/** Name/value rows with hostile names and values. */
const hostilePairs: fc.Arbitrary<Cell[][]> = fc.array(
  fc.tuple(
    fc.oneof(
      fc.constantFrom<Cell>(...PROTOTYPE_KEYS, "price.constructor", "threshold.metric", "horizonMonths", "kommune"),
      hostileCell,
    ),
    hostileCell,
  ),
  { minLength: 0, maxLength: 4 },
);

/** A range argument: empty, ragged, a hostile column or pairs, or (rarely) a 1,000,000-row column. */
export function hostileRange(allowHuge: boolean): fc.Arbitrary<Cell[][]> {
  const shapes: fc.Arbitrary<Cell[][]>[] = [
    fc.constantFrom<Cell[][]>([], [[]], [[null]], [[1], [2, 3]], [[-1], [10]], [[-1e308], [-1e308], [1e308]]),
    fc.array(hostileCell, { minLength: 1, maxLength: 6 }).map((cells) => cells.map((cell) => [cell])),
    hostilePairs,
  ];
  if (allowHuge) {
    shapes.push(
      fc.constantFrom(1_000_000).map((rows) => Array.from({ length: rows }, (_, index) => [index === 0 ? -1 : 0.001])),
    );
  }
  return fc.oneof(...shapes);
}

/** Arguments for a function of `count` parameters, each a scalar or a range (ranges for matrix parameters). */
export function hostileArguments(
  dimensions: readonly ("scalar" | "matrix")[],
  allowHuge: boolean,
): fc.Arbitrary<(Cell | Cell[][])[]> {
  return fc.tuple(
    ...dimensions.map((dimension) =>
      dimension === "matrix"
        ? fc.oneof(hostileRange(allowHuge), fc.constant(null))
        : (hostileCell as fc.Arbitrary<Cell | Cell[][]>),
    ),
  );
}
