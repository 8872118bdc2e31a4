/**
 * Global setup of the `build` and `variants` projects: the shared production build
 * (tests/support/build-site.ts), handed to the test files through vitest's `provide` / `inject`; and
 * the two other builds the `variants` project checks (a second clean build, and the variant build: a
 * new theme, a second edition and malicious labels), started in the background here, so that they run
 * while the unit and browser files run; `variants` comes last.
 */
import type { TestProject } from 'vitest/node';
import { type ExtraBuilds, releaseSharedSite, sharedSite, startExtraBuilds } from './build-site.ts';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Absolute path of the shared build. */
    siteDir: string;
    /** The data folder it was built from (a copy of data/ with one payload; see build-site.ts). */
    dataDir: string;
    /** SITE and BASE_PATH it was built with. */
    site: string;
    basePath: string;
    /** The reproducibility and injection builds, running in the background (build-site.ts). */
    extraBuilds: ExtraBuilds;
  }
}

export default function setup(project: TestProject): () => Promise<void> {
  const built = sharedSite();
  project.provide('extraBuilds', startExtraBuilds());
  project.provide('siteDir', built.siteDir);
  project.provide('dataDir', built.dataDir);
  project.provide('site', built.site);
  project.provide('basePath', built.basePath);
  return releaseSharedSite;
}
