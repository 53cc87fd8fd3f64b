/**
 * A lazy chunk loaded once by `import()` (issue 14 item 11): what the page has of it now, and a promise of it. Later
 * loads share the first one's promise; a failed load (offline, a blocked URL) is tried again by the next.
 * @example const views = lazyChunk(() => import("./lazyViews")); views.now(); // null until views.load() resolves
 */
export interface LazyChunk<T> {
  /** The chunk's module if it has loaded, else null (the caller draws without it and again when it arrives). */
  now(): T | null;
  /** Loads the chunk, once. */
  load(): Promise<T>;
}

/** A {@link LazyChunk} over an `import()` of it (which webpack makes the chunk of). */
export function lazyChunk<T>(importChunk: () => Promise<T>): LazyChunk<T> {
  let loaded: T | null = null;
  let loading: Promise<T> | null = null;
  return {
    now: () => loaded,
    load: () => {
      loading ??= importChunk().then(
        (module) => (loaded = module),
        (error: unknown) => {
          loading = null;
          throw error;
        },
      );
      return loading;
    },
  };
}
