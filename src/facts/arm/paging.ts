/**
 * Following ARM's nextLinks with an end: a list stops with an error (its facts stay unknown)
 * when a nextLink repeats a page already read, names another host, or the list runs past
 * MAX_LIST_PAGES. The SDKs' pagers follow nextLinks for ever; `collect` looks at each page's
 * nextLink before the pager fetches it.
 */
import { EndlessListError, ForeignNextLinkError, hostOf } from './guard-errors.ts';

/**
 * Pages read of one list at most (ours: ARM pages hold 100 to 1,000 items, and a support call
 * reads the lists of one resource group or subscription; 50 pages is far beyond a real one).
 */
export const MAX_LIST_PAGES = 50;

/** The nextLinks of one list: `follow` says whether the next page may be read. */
export class PageTrail {
  readonly #seen = new Set<string>();
  #pages = 1;

  /**
   * @param endpoint the ARM endpoint in use: a nextLink elsewhere is refused (without it, only
   *   repeats and the page cap are checked, and the request guard refuses other hosts).
   */
  constructor(private readonly endpoint?: string, private readonly maxPages = MAX_LIST_PAGES) {}

  /** The absolute URL of the next page, or an error when it must not be read. */
  follow(nextLink: string): string {
    let url: URL;
    try {
      url = new URL(nextLink, this.endpoint ?? 'https://arm.invalid');
    } catch {
      throw new EndlessListError(`ARM's nextLink is not a URL ("${hostOf(nextLink)}"); the list was not read to its end`);
    }
    if (this.endpoint !== undefined && url.origin !== new URL(this.endpoint).origin) throw new ForeignNextLinkError(url.host, this.endpoint);
    const key = url.href;
    if (this.#seen.has(key)) throw new EndlessListError('ARM sent the same nextLink twice (a list that never ends); the list was cut');
    this.#pages += 1;
    if (this.#pages > this.maxPages) throw new EndlessListError(`ARM's list went on past ${this.maxPages} pages; it was cut there`);
    this.#seen.add(key);
    return key;
  }
}

interface Pageable<T> extends AsyncIterable<T> {
  byPage?(): AsyncIterable<T[] & { continuationToken?: string }>;
}

/**
 * Drains a paged SDK list into an array, checking every nextLink before the pager follows it.
 * `endpoint` is the ARM endpoint in use (the request guard refuses other hosts in any case;
 * here the error names the nextLink).
 */
export async function collect<T>(pages: Pageable<T>, endpoint?: string, maxPages = MAX_LIST_PAGES): Promise<T[]> {
  const items: T[] = [];
  if (typeof pages.byPage !== 'function') {
    for await (const item of pages) items.push(item);
    return items;
  }
  const trail = new PageTrail(endpoint, maxPages);
  for await (const page of pages.byPage()) {
    for (const item of page) items.push(item);
    const next = page.continuationToken;
    if (!next) break;
    // Throwing here ends the loop before the pager asks for the next page.
    trail.follow(next);
  }
  return items;
}
