/** `/data/versions/<version>/all-data.zip`: an earlier data version, from its record in data/releases/ (src/data/versions.ts). */
import type { APIRoute, GetStaticPaths } from 'astro';
import { dataDir } from '../../../../data/index.ts';
import { getRelease } from '../../../../data/release.ts';
import { versionZips } from '../../../../data/versions.ts';

export const getStaticPaths = (() => versionZips(dataDir(), getRelease()).map((v) => ({ params: { version: v.version } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => {
  const found = versionZips(dataDir(), getRelease()).find((v) => v.version === params.version)!;
  return new Response(new Uint8Array(found.zip), { headers: { 'Content-Type': 'application/zip' } });
};
