/** `/data/source/community-safety-overview.txt`: the report's text, byte for byte as committed (the lines every source_lines cell counts). */
import type { APIRoute } from 'astro';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { dataDir } from '../../../data/index.ts';
import { REPORT_FILE } from '../../../data/source.ts';

export const GET: APIRoute = () => new Response(readFileSync(join(dataDir(), REPORT_FILE)), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
