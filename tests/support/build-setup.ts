/**
 * Global setup of the `build` project: the shared production build (tests/support/build-site.ts),
 * handed to the test files through vitest's `provide` / `inject`; and the two other builds the
 * project checks (a second clean build, and one from data with malicious labels and the fictional
 * edition), started in the background here so that they run beside the unit tests, which come first.
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
