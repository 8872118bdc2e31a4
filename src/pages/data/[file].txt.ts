/** `/data/<file>.txt`: each report text beside the other downloads (as `/data/datapackage.json` lists it), byte for byte as committed. */
import type { APIRoute, GetStaticPaths } from 'astro';
import { dataDir } from '../../data/index.ts';
import { sourceTexts } from '../../data/source-files.ts';

export const getStaticPaths = (() => sourceTexts(dataDir()).map((t) => ({ params: { file: t.file.replace(/\.txt$/, '') }, props: { bytes: t.bytes } }))) satisfies GetStaticPaths;

export const GET: APIRoute = ({ props }) => new Response(new Uint8Array((props as { bytes: Uint8Array }).bytes), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
