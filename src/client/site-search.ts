/**
 * Site search on /search/, with Pagefind's JavaScript API and our own small accessible interface
 * (Pagefind's ready-made UI writes inline styles, which the site's CSP blocks).
 *
 * Nothing is downloaded until the reader starts to search: Pagefind's script, its WebAssembly and
 * the index chunks load the first time the search field gets focus or input (or at once when the
 * page opens with `?q=`). Pagefind runs its WebAssembly in a web worker, so the page's CSP needs no
 * `'wasm-unsafe-eval'`. Results are links in an ordered list; a live status line says how many were
 * found. Excerpts are built as text and <mark> nodes, never as HTML.
 */

interface PagefindSubResult {
  title: string;
  url: string;
  excerpt: string;
}
interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: { title?: string };
  sub_results: PagefindSubResult[];
}
interface PagefindResult {
  id: string;
  data(): Promise<PagefindResultData>;
}
interface Pagefind {
  options(o: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  preload(term: string): Promise<void>;
  debouncedSearch(
    term: string,
    options?: Record<string, unknown>,
    ms?: number,
  ): Promise<{ results: PagefindResult[] } | null>;
}

/** One entry of the results list. */
export interface SearchHit {
  url: string;
  title: string;
  kind: string;
  excerpt: string;
}

const KINDS: Array<[RegExp, string]> = [
  [/^themes\/[^/]+\/?$/, 'Theme page'],
  [/^data\/changelog\/?$/, 'Page'],
  [/^data\/[^/]+\/?$/, 'Dataset'],
  [/^glossary\/?$/, 'Glossary'],
];

/** What kind of page a result is, from its URL under the base path. */
export function kindOf(url: string, base: string): string {
  const path = (url.startsWith(base) ? url.slice(base.length) : url.replace(/^\//, '')).replace(/#.*$/, '');
  return KINDS.find(([re]) => re.test(path))?.[1] ?? 'Page';
}

/**
 * The entries a Pagefind result becomes: a glossary match is shown as the terms it matched (each
 * linking to `/glossary/#term`); any other page as one entry.
 */
export function hitsOf(data: PagefindResultData, base: string): SearchHit[] {
  const kind = kindOf(data.url, base);
  const title = data.meta.title ?? data.url;
  if (kind === 'Glossary') {
    const terms = data.sub_results.filter((s) => s.url.includes('#') && !/#letter-/.test(s.url) && s.title !== title);
    if (terms.length > 0)
      return terms.slice(0, 5).map((s) => ({ url: s.url, title: s.title, kind: 'Glossary term', excerpt: s.excerpt }));
  }
  return [{ url: data.url, title, kind, excerpt: data.excerpt }];
}

/** Pagefind's excerpt (escaped text with <mark> around matches) as DOM nodes, without parsing it into the page. */
export function excerptNodes(doc: Document, excerpt: string): Node[] {
  const parsed = new DOMParser().parseFromString(`<p>${excerpt}</p>`, 'text/html');
  const nodes: Node[] = [];
  for (const n of Array.from(parsed.body.firstElementChild?.childNodes ?? [])) {
    if (n.nodeName === 'MARK') {
      const mark = doc.createElement('mark');
      mark.textContent = n.textContent;
      nodes.push(mark);
    } else {
      nodes.push(doc.createTextNode(n.textContent ?? ''));
    }
  }
  return nodes;
}

const PAGE_SIZE = 10;

/** The search page's parts and what has been searched so far. */
interface SearchState {
  root: HTMLElement;
  form: HTMLFormElement;
  input: HTMLInputElement;
  status: HTMLElement;
  list: HTMLOListElement;
  more: HTMLButtonElement;
  /** Where Pagefind's script is. */
  bundle: string;
  base: string;
  /** Pagefind, once loading has started. */
  pagefind: Promise<Pagefind> | undefined;
  results: PagefindResult[];
  /** How many results are in the list. */
  shown: number;
  query: string;
}

/** The search page's parts, or nothing when one is missing (the page then keeps its plain list). */
function searchState(root: HTMLElement): SearchState | undefined {
  const form = root.querySelector<HTMLFormElement>('[data-search-form]');
  const input = root.querySelector<HTMLInputElement>('[data-search-input]');
  const status = root.querySelector<HTMLElement>('[data-search-status]');
  const list = root.querySelector<HTMLOListElement>('[data-search-results]');
  const more = root.querySelector<HTMLButtonElement>('[data-search-more]');
  const bundle = root.dataset.bundle;
  const base = root.dataset.base ?? '/';
  if (!form || !input || !status || !list || !more || !bundle) return undefined;
  return { root, form, input, status, list, more, bundle, base, pagefind: undefined, results: [], shown: 0, query: '' };
}

/** Pagefind, loaded the first time it is asked for; the status line says so if it cannot load. */
function loadPagefind(s: SearchState): Promise<Pagefind> {
  if (!s.pagefind) {
    s.pagefind = (async () => {
      const pf = (await import(/* @vite-ignore */ s.bundle)) as Pagefind;
      await pf.options({ baseUrl: s.base, excerptLength: 24 });
      await pf.init();
      return pf;
    })();
    s.pagefind.catch(() => {
      s.status.textContent = 'Search could not be loaded. Every page is listed below.';
    });
  }
  return s.pagefind;
}

/** One result as a list item: its title as a link, its kind, and the excerpt with matches marked. */
function resultItem(doc: Document, hit: SearchHit): HTMLLIElement {
  const li = doc.createElement('li');
  li.className = 'search-result';
  const heading = doc.createElement('p');
  heading.className = 'search-result__title';
  const a = doc.createElement('a');
  a.href = hit.url;
  a.textContent = hit.title;
  heading.append(a);
  const kind = doc.createElement('p');
  kind.className = 'search-result__kind';
  kind.textContent = hit.kind;
  const excerpt = doc.createElement('p');
  excerpt.className = 'search-result__excerpt';
  excerpt.append(...excerptNodes(doc, hit.excerpt));
  li.append(heading, kind, excerpt);
  return li;
}

/** The next page of results into the list; "More" hides when every result is shown. */
async function showMore(s: SearchState): Promise<void> {
  const batch = await Promise.all(s.results.slice(s.shown, s.shown + PAGE_SIZE).map((r) => r.data()));
  const doc = s.root.ownerDocument;
  for (const data of batch) {
    for (const hit of hitsOf(data, s.base)) s.list.append(resultItem(doc, hit));
  }
  s.shown += batch.length;
  s.more.hidden = s.shown >= s.results.length;
}

/** The query in the page's URL (`?q=`), so a search can be shared and comes back on reload. */
function keepQueryInUrl(query: string): void {
  const url = new URL(location.href);
  if (query) url.searchParams.set('q', query);
  else url.searchParams.delete('q');
  history.replaceState(null, '', url);
}

/** Search for `term` and show the first page of results; an empty term clears them. */
async function run(s: SearchState, term: string): Promise<void> {
  s.query = term.trim();
  keepQueryInUrl(s.query);
  if (!s.query) {
    s.results = [];
    s.list.replaceChildren();
    s.list.hidden = true;
    s.more.hidden = true;
    s.status.textContent = '';
    return;
  }
  s.status.textContent = 'Searching…';
  const pf = await loadPagefind(s);
  const search = await pf.debouncedSearch(s.query, {}, 250);
  if (search === null || s.query !== term.trim()) return; // A newer search replaced this one.
  s.results = search.results;
  s.shown = 0;
  s.list.replaceChildren();
  s.list.hidden = s.results.length === 0;
  s.more.hidden = true;
  if (s.results.length > 0) await showMore(s);
  s.status.textContent =
    s.results.length === 0
      ? `No pages found for “${s.query}”. Try another word, or browse every page below.`
      : `${s.results.length} ${s.results.length === 1 ? 'page' : 'pages'} found for “${s.query}”.`;
}

export function initSearch(root: HTMLElement): void {
  const s = searchState(root);
  if (!s) return;
  const { form, input, list, more } = s;
  input.addEventListener('focus', () => void loadPagefind(s), { once: true });
  input.addEventListener('input', () => void run(s, input.value));
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    void run(s, input.value);
  });
  more.addEventListener('click', () => {
    // Move focus to the first new result, so keyboard and screen reader users continue from there.
    const first = list.children.length;
    void showMore(s).then(() => list.children[first]?.querySelector('a')?.focus());
  });
  const initial = new URLSearchParams(location.search).get('q');
  if (initial) {
    input.value = initial;
    void run(s, initial);
  }
}
