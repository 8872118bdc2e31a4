/** `/data/<id>.csv`: the CSV download of a dataset or derived table, written at build time from the validated rows. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { downloadTables } from '../../data/catalog-files.ts';
import { toCsv } from '../../data/downloads.ts';
import { getCatalog } from '../../data/index.ts';
import { getRelease } from '../../data/release.ts';

export const getStaticPaths = (() => downloadTables([...getCatalog().values()], getRelease()).map((d) => ({ params: { id: d.meta.id }, props: { dataset: d } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(toCsv((props as { dataset: Parameters<typeof toCsv>[0] }).dataset), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
