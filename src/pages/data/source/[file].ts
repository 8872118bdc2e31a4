/** `/data/source/<file>`: each source's text, byte for byte as committed (the lines its source_lines cells count). */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { APIRoute } from 'astro';
import { dataDir } from '../../../data/index.ts';
import { getSources } from '../../../data/source-index.ts';
import { SOURCE_FOLDER } from '../../../data/source.ts';

export function getStaticPaths() {
  return getSources().map((doc) => ({ params: { file: doc.file } }));
}

export const GET: APIRoute = ({ params }) =>
  new Response(readFileSync(join(dataDir(), SOURCE_FOLDER, String(params.file))), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
