/** `/data/<id>.json`: the JSON download of a dataset or derived table (metadata, `dataVersion` and rows), from the validated rows. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { downloadTables } from '../../data/catalog-files.ts';
import { toJson } from '../../data/downloads.ts';
import { getCatalog } from '../../data/index.ts';
import { getRelease } from '../../data/release.ts';

export const getStaticPaths = (() => downloadTables([...getCatalog().values()], getRelease()).map((d) => ({ params: { id: d.meta.id }, props: { dataset: d } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(toJson((props as { dataset: Parameters<typeof toJson>[0] }).dataset, getRelease()), { headers: { 'Content-Type': 'application/json' } });
