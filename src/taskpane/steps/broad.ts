/**
 * The broad case in the wizard (issue 15 item 2): an optional section of the review step with the sourced default
 * consequences (src/engine/consequences/defaults.ts) and three empty rows for local data (one for each payer). Each
 * default row shows its unit price, price year and evidence mark ([V] read in the source, [S] secondary, [U] not
 * found — supply your own) with the source's address; the user types how the use changes per person-year in work
 * (and a price where none was found). Field ids are the engine's own input names (`consequence.<id>.change.inWork`,
 * `.unitPrice`, `.priceYear`), applied with applyConsequenceInputs, so the rows' rules and messages are the engine's.
 */
import { DEFAULT_CONSEQUENCES } from "../../engine/consequences/defaults";
import type { Consequence, ConsequenceEvidence, ConsequencePayer } from "../../engine/consequences/model";
import type { Scenario } from "../../engine/scenario";
import { field } from "../state/spec";
import type { FieldSpec, Text } from "../state/types";

/** What an evidence mark means, in words. */
export const EVIDENCE_TEXT: Readonly<Record<ConsequenceEvidence, Text>> = {
  V: { da: "[V] læst i kilden", en: "[V] read in the source" },
  S: { da: "[S] sekundær kilde", en: "[S] secondary source" },
  A: { da: "[A] antagelse", en: "[A] assumption" },
  U: { da: "[U] ikke fundet — angiv dit eget tal", en: "[U] not found — supply your own" },
  user: { da: "dit eget tal", en: "your own figure" },
};

/** The payers of the local rows, and their rows' names. */
export const LOCAL_ROWS: readonly { readonly id: string; readonly payer: ConsequencePayer; readonly name: Text }[] = [
  {
    id: "local1",
    payer: "municipality",
    name: { da: "Egne tal, kommunen betaler", en: "Local data, the municipality pays" },
  },
  { id: "local2", payer: "region", name: { da: "Egne tal, regionen betaler", en: "Local data, the region pays" } },
  { id: "local3", payer: "state", name: { da: "Egne tal, staten betaler", en: "Local data, the state pays" } },
];

/** The group heading of the broad case's rows (every row's fields are grouped under its name). */
export const BROAD_TITLE: Text = { da: "Det brede regnestykke (valgfrit)", en: "The broad case (optional)" };

/** The web address of a source text, if it has one. */
function address(source: string): string | null {
  return /https?:\/\/\S+/.exec(source)?.[0] ?? null;
}

/** Thousands separators for the help texts (1.469 / 1,469), without the number module's language tables. */
function amount(value: number, language: "da" | "en"): string {
  return Math.round(value)
    .toString()
    .replace(/\B(?=(\d{3})+(?!\d))/g, language === "da" ? "." : ",");
}

/**
 * The help under a default row's change field: what the row counts, its price and year, its mark and source address.
 * @example rowHelp(prisonDay).da // "Fangedage pr. person i job om året, i forhold til …; pris 1.469 kr. pr. fangedag (2015), [V] læst i kilden: http://…"
 */
export function rowHelp(row: Consequence, kind: "default" | "case" = "default"): Text {
  const which: Text =
    kind === "default" ? { da: "Standardrækken", en: "The default row" } : { da: "Sagens række", en: "The case's row" };
  const link = address(row.source);
  const price = (language: "da" | "en"): string =>
    row.unitPrice === null || row.priceYear === null
      ? EVIDENCE_TEXT.U[language]
      : language === "da"
        ? `pris ${amount(row.unitPrice, "da")} kr. pr. ${row.unit.da} (${row.priceYear}), ${EVIDENCE_TEXT[row.evidence].da}${link === null ? "" : `: ${link}`}`
        : `price ${amount(row.unitPrice, "en")} kr per ${row.unit.en} (${row.priceYear}), ${EVIDENCE_TEXT[row.evidence].en}${link === null ? "" : `: ${link}`}`;
  return {
    da: `Ændring i forbruget af enheden «${row.unit.da}» pr. person i job om året, i forhold til en person på midlertidig ydelse (negativ = færre, en besparelse). Tomt eller 0 = ingen ændring${kind === "default" ? "; ingen dansk undersøgelse af ændringen er fundet" : ""}. ${which.da}: ${price("da")}.`,
    en: `Change in the use of the unit "${row.unit.en}" per person in work a year, against a person on a temporary benefit (negative = fewer, a saving). Empty or 0 = no change${kind === "default" ? "; no Danish study of the change was found" : ""}. ${which.en}: ${price("en")}.`,
  };
}

function changeField(id: string, group: Text, help: Text, local?: ConsequencePayer): FieldSpec {
  return field("review", "unitsYear", {
    id: `consequence.${id}.change.inWork`,
    group,
    label: { da: "Ændring pr. person i job om året", en: "Change per person in work a year" },
    help,
    optional: true,
    noneText: { da: "ingen ændring", en: "no change" },
    target: { kind: "consequence", id, part: "changeInWork", ...(local === undefined ? {} : { local }) },
  });
}

function priceFields(id: string, group: Text, local?: ConsequencePayer): FieldSpec[] {
  const target = local === undefined ? {} : { local };
  return [
    field("review", "kr", {
      id: `consequence.${id}.unitPrice`,
      group,
      label: { da: "Enhedspris", en: "Unit price" },
      help: {
        da: "Kr. pr. enhed i priserne fra prisåret. Dit eget tal: skriv også prisåret.",
        en: "Kr per unit in the prices of the price year. Your own figure: also enter the price year.",
      },
      optional: true,
      noneText: { da: "ingen pris", en: "no price" },
      target: { kind: "consequence", id, part: "unitPrice", ...target },
    }),
    field("review", "year", {
      id: `consequence.${id}.priceYear`,
      group,
      label: { da: "Prisår", en: "Price year" },
      help: {
        da: "Året for prisniveauet. Priser fra 2023-2026 omregnes med det indbyggede lønindeks.",
        en: "The year of the price level. Prices of 2023-2026 are converted with the built-in wage index.",
      },
      optional: true,
      noneText: { da: "intet prisår", en: "no price year" },
      target: { kind: "consequence", id, part: "priceYear", ...target },
    }),
  ];
}

/** First year of the built-in price index (lønindeks; src/engine/consequences/price.ts). */
const INDEX_FROM_YEAR = 2023;

/**
 * A default row's index factor, for a price year before the built-in index: without it the engine refuses a change
 * (it cannot move the price to the parameter year).
 */
function indexField(row: Consequence, group: Text): FieldSpec {
  return field("review", "factor", {
    id: `consequence.${row.id}.indexFactor`,
    group,
    label: { da: "Indeksfaktor til parameteråret", en: "Index factor to the parameter year" },
    help: {
      da: `Faktoren, prisen fra ${row.priceYear ?? ""} ganges med for at være i parameterårets priser (fx 1,2). Det indbyggede lønindeks dækker kun 2023-2026, så skriv en faktor med kilde, før du skriver en ændring.`,
      en: `The factor the ${row.priceYear ?? ""} price is multiplied by to be in the parameter year's prices (e.g. 1.2). The built-in wage index only covers 2023-2026, so enter a factor with its source before you enter a change.`,
    },
    optional: true,
    noneText: { da: "det indbyggede indeks", en: "the built-in index" },
    example: 1.2,
    target: { kind: "consequence", id: row.id, part: "indexFactor" },
  });
}

/** Every field of the broad case: each default row's change (and price, where none was found), then the local rows. */
export const BROAD_FIELDS: readonly FieldSpec[] = [
  ...DEFAULT_CONSEQUENCES.flatMap((row) => {
    const group: Text = { da: `Bredt: ${row.name.da}`, en: `Broad: ${row.name.en}` };
    const change = changeField(row.id, group, rowHelp(row));
    if (row.unitPrice === null) return [change, ...priceFields(row.id, group)];
    return row.priceYear !== null && row.priceYear < INDEX_FROM_YEAR ? [change, indexField(row, group)] : [change];
  }),
  ...LOCAL_ROWS.flatMap((row) => {
    const group: Text = { da: `Bredt: ${row.name.da}`, en: `Broad: ${row.name.en}` };
    const help: Text = {
      da: "Ændring i antal enheder pr. person i job om året (negativ = færre, en besparelse). Kilde: dine egne tal.",
      en: "Change in units per person in work a year (negative = fewer, a saving). Source: your own figures.",
    };
    return [changeField(row.id, group, help, row.payer), ...priceFields(row.id, group, row.payer)];
  }),
];

/** A row's text in both languages: a row written in one language only shows that text in the other too. */
function bothLanguages(text: { readonly da: string; readonly en: string }): Text {
  const da = text.da.trim() === "" ? text.en : text.da;
  const en = text.en.trim() === "" ? text.da : text.en;
  return { da, en };
}

/** The ids the built-in fields cover (the default table's rows and the local rows). */
const BUILT_IN_ROWS: ReadonlySet<string> = new Set([
  ...DEFAULT_CONSEQUENCES.map((row) => row.id),
  ...LOCAL_ROWS.map((row) => row.id),
]);

/** Fields of a case's own rows, once per scenario object (the model asks for them on every change). */
const FILE_ROW_FIELDS = new WeakMap<Scenario, readonly FieldSpec[]>();

/**
 * The fields of a case's own consequence rows (issue 14 leftover 3): every row of the scenario whose id is neither a
 * default row nor a local row (a loaded file's, e.g. pilot-broad.json's `psychiatricCareSensitivity`) gets the fields
 * a default row has, under the row's own name: its change per person in work a year, its unit price and price year,
 * and the index factor when the price is older than the built-in index or the row has one. Ids and targets are the
 * engine's input names, as for the default rows, so the same rules and messages apply.
 * @example fileRowFields(pilotBroad).map((spec) => spec.id)[0] // "consequence.psychiatricCareSensitivity.change.inWork"
 */
export function fileRowFields(scenario: Scenario): readonly FieldSpec[] {
  const known = FILE_ROW_FIELDS.get(scenario);
  if (known !== undefined) return known;
  const fields = (scenario.consequences ?? [])
    .filter((row) => !BUILT_IN_ROWS.has(row.id))
    .flatMap((row) => {
      const name = bothLanguages(row.name);
      const group: Text = { da: `Bredt: ${name.da}`, en: `Broad: ${name.en}` };
      const own = { ...row, name, unit: bothLanguages(row.unit) };
      const index =
        row.indexFactor !== null || (row.priceYear !== null && row.priceYear < INDEX_FROM_YEAR)
          ? [indexField(own, group)]
          : [];
      return [changeField(row.id, group, rowHelp(own, "case")), ...priceFields(row.id, group), ...index];
    });
  FILE_ROW_FIELDS.set(scenario, fields);
  return fields;
}
