// Reading every page of a listing through the SDK's own paginators (`paginateXxx`), with a cap: a
// runaway token loop must never hang a view.

/** Pages a listing follows before it stops (a service that keeps returning tokens). */
export const MAX_PAGES = 100;

/** The items of every page, in order, up to `maxPages` pages. */
export async function collectPages<P, T>(pages: AsyncIterable<P>, itemsOf: (page: P) => readonly T[] | undefined, maxPages = MAX_PAGES): Promise<T[]> {
  const out: T[] = [];
  let count = 0;
  for await (const page of pages) {
    out.push(...(itemsOf(page) ?? []));
    if (++count >= maxPages) break;
  }
  return out;
}
