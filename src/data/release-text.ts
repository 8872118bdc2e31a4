/**
 * Changelog text as written in data/CHANGELOG.md holds Markdown code spans (`basis`). Pages render
 * them as code, never as literal backticks: `codeSpans` splits a text into plain and code parts
 * (odd indexes are code). An unpaired backtick stays as text.
 */
export function codeSpans(text: string): string[] {
  const parts = text.split('`');
  if (parts.length % 2 === 0) return [text];
  return parts;
}
