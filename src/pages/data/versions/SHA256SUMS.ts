/** `/data/versions/SHA256SUMS`: the SHA-256 of every earlier version's zip (src/data/versions.ts). */
import type { APIRoute } from 'astro';
import { dataDir } from '../../../data/index.ts';
import { getRelease } from '../../../data/release.ts';
import { versionSha256sums, versionZips } from '../../../data/versions.ts';

export const GET: APIRoute = () => new Response(versionSha256sums(versionZips(dataDir(), getRelease())), { headers: { 'Content-Type': 'text/plain; charset=utf-8' } });
