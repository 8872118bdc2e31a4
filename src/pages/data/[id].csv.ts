/** `/data/<id>.csv`: the CSV download of a dataset, written at build time from the validated rows. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { toCsv } from '../../data/downloads.ts';
import { getCatalog, getDataset } from '../../data/index.ts';

export const getStaticPaths = (() => [...getCatalog().keys()].map((id) => ({ params: { id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => new Response(toCsv(getDataset(String(params.id))), { headers: { 'Content-Type': 'text/csv; charset=utf-8' } });
