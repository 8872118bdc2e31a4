/**
 * Performance budgets: the one place the numbers live. `npm run test:budgets` checks every page of the
 * built site against them (tests/build/performance-budgets.test.ts), and `npm run bench` prints each page against them.
 *
 * Bytes are gzip bytes (GitHub Pages serves HTML, CSS, JS and SVG gzip-compressed; we measure with
 * zlib's default level), per page, counting everything the page loads from the site. 1 KB = 1024 bytes.
 * Byte counts are deterministic, so they are safe to assert in tests; timings are not and are only
 * printed by the benchmark.
 */
const KB = 1024;

export const BUDGETS = {
  /**
   * JavaScript per page, all scripts together (files, module imports, lazy chunks and inline code).
   * 15 KB is below the ~17 KB an empty Observable Framework page ships, so a full theme page with
   * several interactive charts costs less than an empty page there. Charts are SVG drawn at build
   * time: no JavaScript is needed for content to show, scripts only add interaction.
   */
  jsGzip: 15 * KB,
  /**
   * CSS per page, all stylesheets together. 12 KB holds the site's layout, typography and chart styles
   * with room to spare; more would suggest unused rules or a framework. CSS blocks first render, so it
   * is kept small for phones on slow connections.
   */
  cssGzip: 12 * KB,
  /**
   * The HTML document itself, including every inline SVG chart and data table. 60 KB gzip arrives in
   * about 0.3 s on Lighthouse's simulated slow 4G (1.6 Mbit/s), which keeps LCP under 1.5 s, and
   * leaves room for several charts drawn twice (wide and narrow layouts) with their tables.
   */
  htmlGzip: 60 * KB,
  /** Web fonts per page: none. The system font stack renders at once and costs no bytes or requests. */
  webFonts: 0,
  /** Images without both `width` and `height` attributes: none, so nothing shifts as images load (CLS 0). */
  imagesWithoutSize: 0,
  /**
   * External `<script src>` in `<head>` without `type="module"`, `defer` or `async`: none. Each one
   * holds the first paint until it has downloaded and run.
   */
  renderBlockingScripts: 0,
  /**
   * Inline classic scripts in `<head>`, raw bytes per page: at most 1 KB. They need no download, but
   * run before first paint, so only the few lines that must (applying the reader's saved light/dark
   * choice and the `js` class before anything is drawn, so nothing flashes) belong there.
   */
  inlineHeadScriptBytes: 1 * KB,
  /** References to other origins: none (no CDNs, fonts, analytics; also a privacy promise). */
  thirdPartyRequests: 0,
  /**
   * Elements per page, every page (checked by tests/build/render-budgets.test.ts with
   * scripts/bench/render.ts). Style and layout time grow with the DOM, and Lighthouse counts that
   * time on a phone 4x slower than a desktop. A ceiling against regressions: the largest page, the
   * figures gallery, has about 5,200; a theme page 500-3,700 (the governance map's list).
   */
  domElements: 6000,
  /**
   * Elements rendered at load on a theme page: those outside blocks with `content-visibility: auto`
   * (laid out only near the screen). This is the work of the first layouts, which decides TBT on a
   * simulated phone. A ceiling against regressions: the governance page renders about 1,800 today
   * (its map and list are lazy; the activities board is not).
   */
  elementsAtLoad: 2000,
  /**
   * A block of a theme page after its first figure rendering more elements than this at load must
   * have `content-visibility: auto` (or lazy parts inside), so that one block cannot quietly add
   * rendering work at load. The largest today is the activities board (about 1,000).
   */
  heavyBlockElements: 1200,
} as const;

export type Budgets = { -readonly [K in keyof typeof BUDGETS]: number };
