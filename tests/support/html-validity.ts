/**
 * HTML validation of built files with two validators, both with zero errors allowed:
 *  - html-validate (npm), configured by `.htmlvalidate.json` at the repo root (recommended preset);
 *  - the Nu HTML Checker (vnu.jar from the `vnu-jar` package, run on the system Java), the W3C's
 *    reference checker, which also knows SVG attribute values (it rejects Plot's `font-variant`).
 */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { FileSystemConfigLoader, HtmlValidate } from 'html-validate';

export interface HtmlProblem {
  file: string;
  line: number;
  column: number;
  rule: string;
  message: string;
  validator: 'html-validate' | 'nu';
}

export function formatProblem(problem: HtmlProblem, root: string): string {
  return `${relative(root, problem.file)}:${problem.line}:${problem.column} [${problem.validator} ${problem.rule}] ${problem.message}`;
}

export async function runHtmlValidate(files: string[]): Promise<HtmlProblem[]> {
  // The file-system loader finds `.htmlvalidate.json` from each file's folder upwards (the default
  // loader would silently use the bare recommended preset).
  const validator = new HtmlValidate(new FileSystemConfigLoader());
  const problems: HtmlProblem[] = [];
  for (const file of files) {
    const report = await validator.validateFile(file);
    for (const result of report.results) {
      for (const message of result.messages) {
        // severity 2 = error; warnings are not configured, but count them too so none slips by.
        problems.push({
          file,
          line: message.line,
          column: message.column,
          rule: message.ruleId,
          message: message.message,
          validator: 'html-validate',
        });
      }
    }
  }
  return problems;
}

/** Run a command to its end, collecting its output (without blocking the event loop, unlike spawnSync). */
function run(command: string, args: string[]): Promise<{ status: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: Buffer[] = [];
    const err: Buffer[] = [];
    child.stdout.on('data', (chunk: Buffer) => out.push(chunk));
    child.stderr.on('data', (chunk: Buffer) => err.push(chunk));
    child.on('error', reject);
    child.on('close', (status) =>
      resolve({ status, stdout: Buffer.concat(out).toString('utf8'), stderr: Buffer.concat(err).toString('utf8') }),
    );
  });
}

/**
 * The Nu checker over all files in one JVM (about 4 s to start). Needs Java 11 or later. Runs in a
 * child process, so other checks go on meanwhile.
 */
export async function runNuChecker(files: string[]): Promise<HtmlProblem[]> {
  if (files.length === 0) return [];
  const jar = createRequire(import.meta.url)('vnu-jar') as string;
  const java = process.env.JAVA ?? 'java';
  let result: Awaited<ReturnType<typeof run>>;
  try {
    result = await run(java, ['-Xss2m', '-jar', jar, '--errors-only', '--format', 'json', ...files]);
  } catch (error) {
    throw new Error(
      `Could not run the Nu HTML checker with "${java}" (install Java 11+, e.g. apt-get install default-jre-headless): ${(error as Error).message}`,
      { cause: error },
    );
  }
  let parsed: {
    messages: Array<{
      type: string;
      subType?: string;
      url?: string;
      lastLine?: number;
      firstColumn?: number;
      lastColumn?: number;
      message: string;
    }>;
  };
  try {
    parsed = JSON.parse(result.stderr || result.stdout) as typeof parsed;
  } catch {
    throw new Error(`The Nu HTML checker printed no JSON (exit ${result.status}):\n${result.stderr}\n${result.stdout}`);
  }
  return parsed.messages
    .filter((m) => m.type === 'error' || m.type === 'non-document-error' || m.subType === 'fatal')
    .map((m) => ({
      file: m.url?.startsWith('file:') ? fileURLToPath(m.url) : (m.url ?? '(unknown)'),
      line: m.lastLine ?? 0,
      column: m.firstColumn ?? m.lastColumn ?? 0,
      rule: m.type,
      message: m.message,
      validator: 'nu' as const,
    }));
}
