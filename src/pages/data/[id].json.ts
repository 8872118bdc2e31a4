/** `/data/<id>.json`: the JSON download of a dataset (metadata, `dataVersion` and rows), from the validated rows. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { toJson } from '../../data/downloads.ts';
import { getCatalog, getDataset } from '../../data/index.ts';
import { getRelease } from '../../data/release.ts';

export const getStaticPaths = (() => [...getCatalog().keys()].map((id) => ({ params: { id } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ params }) => new Response(toJson(getDataset(String(params.id)), getRelease()), { headers: { 'Content-Type': 'application/json' } });
