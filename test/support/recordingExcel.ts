import type { ExcelHost } from "../../src/excel/host";

/**
 * A recording stand-in for Excel.RequestContext that measures what each `context.sync` would send: every queued call
 * is recorded in the shape of Office.js RichApi requests, `{"Actions":[…],"ObjectPaths":{…}}`:
 * - a navigation (`sheet.format`) or a method that returns an object (`worksheets.getItem(name)`, `getRange`,
 *   `charts.add`) is an object path (`{"Id","ObjectPathType","Name","ParentObjectPathId","ArgumentInfo"}`) plus an
 *   Instantiate action;
 * - a void method (`activate`, `setPosition`, `calculate`, …) is a Method action with its arguments;
 * - an assignment (`range.formulas = …`) is a SetProperty action whose argument is the value, so the formulas and
 *   numberFormat arrays are measured exactly as `JSON.stringify` writes them;
 * - `load` is a Query action.
 * A request holds its actions and every object path they reference (with ancestors), ids counted over the run as
 * Office.js does. Its size is the UTF-8 length of its JSON. Office.js adds a few more fields (e.g. "Version"); the
 * records here average 122–130 bytes besides the cell arrays, and the writer budgets 160 per record
 * (src/excel/requestSize.ts).
 */

/** What one `context.sync` sent. */
export interface RecordedRequest {
  /** UTF-8 bytes of the request's JSON. */
  readonly bytes: number;
  readonly actions: number;
  readonly objectPaths: number;
  /** UTF-8 bytes of the `formulas` and `numberFormat` arrays alone (exact). */
  readonly cellArrayBytes: number;
  /** The property names set, in order (e.g. "formulas", "numberFormat"), with the path id of their object. */
  readonly assignments: readonly { readonly name: string; readonly pathId: number }[];
  /** Void methods called, e.g. "suspendApiCalculationUntilNextSync", "calculate". */
  readonly methods: readonly string[];
}

interface PathRecord {
  readonly Id: number;
  readonly ObjectPathType: number;
  readonly Name: string;
  readonly ParentObjectPathId?: number;
  readonly ArgumentInfo?: { readonly Arguments: unknown[] };
}

interface ActionRecord {
  readonly Id: number;
  readonly ActionType: number;
  readonly Name: string;
  readonly ObjectPathId: number;
  readonly ArgumentInfo?: { readonly Arguments: unknown[] };
}

/** Office.js RichApi codes: ObjectPathType GlobalObject 1, Method 3, Property 4; ActionType Instantiate 1, Query 2, Method 3, SetProperty 4. */
const PATH = { global: 1, method: 3, property: 4 } as const;
const ACTION = { instantiate: 1, query: 2, method: 3, setProperty: 4 } as const;

/** Methods that return nothing (a Method action, no object path). */
const VOID_METHODS = new Set([
  "activate",
  "setPosition",
  "setCategoryNames",
  "suspendApiCalculationUntilNextSync",
  "calculate",
  "delete",
]);

/** Properties read after a load: answered from the stand-in's state, never navigations. */
const LOADED = new Set(["items", "isNullObject", "values", "valuesAsJson", "name"]);

interface Node {
  readonly parent: Node | null;
  readonly name: string;
  readonly type: number;
  readonly args: unknown[];
  path: PathRecord | null;
  readonly children: Map<string, unknown>;
  readonly loaded: Map<string, unknown>;
}

export class RecordingExcel {
  readonly requests: RecordedRequest[] = [];
  readonly runs: { mergeUndoGroup: boolean }[] = [];
  private nextId = 1;

  constructor(
    readonly existingSheets: readonly string[] = ["Sheet1"],
    readonly existingNames: readonly string[] = [],
  ) {}

  /** An ExcelHost whose batches run against recording contexts. */
  host(displayLanguage = "en-US"): ExcelHost {
    return {
      run: async (batch, options) => {
        this.runs.push({ mergeUndoGroup: options?.mergeUndoGroup ?? false });
        return batch(new RecordingContext(this).proxy as Excel.RequestContext);
      },
      supportsExcelApi: () => true,
      loadOnStartup: async () => undefined,
      displayLanguage,
    };
  }

  id(): number {
    return this.nextId++;
  }
}

class RecordingContext {
  private actions: ActionRecord[] = [];
  private referenced = new Set<Node>();
  private loads: (() => void)[] = [];
  private assignments: { name: string; pathId: number }[] = [];
  private methods: string[] = [];
  private cellArrayBytes = 0;
  private readonly root: Node;
  readonly proxy: unknown;

  constructor(private readonly recorder: RecordingExcel) {
    this.root = node(null, "", PATH.global, []);
    this.proxy = this.wrap(this.root);
  }

  /** The node's object path, created on first use, and marked as referenced by this request. */
  private pathOf(target: Node): number {
    if (target.path === null) {
      const parentId = target.parent === null ? undefined : this.pathOf(target.parent);
      target.path = {
        Id: this.recorder.id(),
        ObjectPathType: target.type,
        Name: target.name,
        ...(parentId === undefined ? {} : { ParentObjectPathId: parentId }),
        ...(target.type === PATH.method
          ? { ArgumentInfo: { Arguments: target.args.map((a) => this.argument(a)) } }
          : {}),
      };
      if (target.type === PATH.method) this.action(ACTION.instantiate, "", target.path.Id);
    } else if (target.parent !== null) this.pathOf(target.parent);
    this.referenced.add(target);
    return target.path.Id;
  }

  private action(type: number, name: string, pathId: number, args?: unknown[]): void {
    this.actions.push({
      Id: this.recorder.id(),
      ActionType: type,
      Name: name,
      ObjectPathId: pathId,
      ...(args === undefined ? {} : { ArgumentInfo: { Arguments: args.map((a) => this.argument(a)) } }),
    });
  }

  /** An argument as RichApi sends it: a recorded object as a reference to its path, anything else as is. */
  private argument(value: unknown): unknown {
    const isObject = (typeof value === "object" || typeof value === "function") && value !== null;
    const target = isObject ? nodes.get(value) : undefined;
    return target === undefined ? value : { _ObjectPathId: this.pathOf(target) };
  }

  private wrap(target: Node): unknown {
    const handler: ProxyHandler<() => void> = {
      get: (_, property) => this.get(target, property),
      set: (_, property, value: unknown) => this.set(target, String(property), value),
      apply: (_, __, args: unknown[]) => this.call(target, args),
    };
    const proxy = new Proxy(function () {}, handler);
    nodes.set(proxy, target);
    return proxy;
  }

  private get(target: Node, property: string | symbol): unknown {
    if (typeof property === "symbol" || property === "then") return undefined;
    if (target === this.root && property === "sync") return () => this.sync();
    if (property === "load") return (what: string) => this.load(target, what);
    if (LOADED.has(property)) return target.loaded.get(property);
    let child = target.children.get(property);
    if (child === undefined) {
      child = this.wrap(node(target, property, PATH.property, []));
      target.children.set(property, child);
    }
    return child;
  }

  private set(target: Node, property: string, value: unknown): boolean {
    if (property === "formulas" || property === "numberFormat")
      this.cellArrayBytes += Buffer.byteLength(JSON.stringify(value));
    const pathId = this.pathOf(target);
    this.action(ACTION.setProperty, property, pathId, [value]);
    this.assignments.push({ name: property, pathId });
    return true;
  }

  /** A method call on `target.parent` named `target.name`. */
  private call(target: Node, args: unknown[]): unknown {
    const owner = target.parent;
    if (owner === null) throw new Error("a call on the context itself");
    if (VOID_METHODS.has(target.name)) {
      this.action(ACTION.method, target.name, this.pathOf(owner), args);
      this.methods.push(target.name);
      return undefined;
    }
    const result = node(owner, target.name, PATH.method, args);
    this.pathOf(result);
    return this.wrap(result);
  }

  private load(target: Node, what: string): void {
    this.action(ACTION.query, what, this.pathOf(target));
    this.loads.push(() => {
      if (what.startsWith("items")) {
        const names = target.name === "worksheets" ? this.recorder.existingSheets : this.recorder.existingNames;
        target.loaded.set(
          "items",
          names.map((name) => ({ name })),
        );
      } else if (what === "isNullObject") target.loaded.set("isNullObject", false);
      else {
        // A loaded range: one computed number per cell (the add-in's functions are registered).
        target.loaded.set("values", [[1]]);
        target.loaded.set("valuesAsJson", [[{ type: "Double", basicValue: 1 }]]);
      }
    });
  }

  private async sync(): Promise<void> {
    const objectPaths: Record<string, PathRecord> = {};
    for (const referenced of this.referenced)
      if (referenced.path !== null) objectPaths[referenced.path.Id] = referenced.path;
    const json = JSON.stringify({ Actions: this.actions, ObjectPaths: objectPaths });
    this.recorder.requests.push({
      bytes: Buffer.byteLength(json),
      actions: this.actions.length,
      objectPaths: Object.keys(objectPaths).length,
      cellArrayBytes: this.cellArrayBytes,
      assignments: this.assignments,
      methods: this.methods,
    });
    for (const load of this.loads) load();
    this.actions = [];
    this.referenced = new Set();
    this.loads = [];
    this.assignments = [];
    this.methods = [];
    this.cellArrayBytes = 0;
  }
}

/** Proxies of recorded objects → their nodes (so an object passed as an argument is sent as its path). */
const nodes = new WeakMap<object, Node>();

function node(parent: Node | null, name: string, type: number, args: unknown[]): Node {
  return { parent, name, type, args, path: null, children: new Map(), loaded: new Map() };
}
