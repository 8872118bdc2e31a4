/**
 * "Using the data": how to open the downloads in the tools journalists use, written ONCE here and
 * rendered both on the site (components/data/UsingTheData.astro, on /data/ and every dataset page)
 * and as plain text in the zip's README.txt (`recipesText`).
 *
 * Each recipe names the files it opens through `RecipeFiles`, so a dataset page shows the file names
 * a reader has just saved (`hate-crime-v2.0.0.csv`) and the zip shows its own paths
 * (`data/hate-crime.csv`).
 *
 * The snippets marked `tested` are run against the built files by tests/unit/recipes.test.ts
 * (Python's standard library, Node, DuckDB through its npm package, jq); the others (Excel, Google
 * Sheets, LibreOffice, pandas, R) need software the CI machine does not have and are not run.
 */

export interface RecipeFiles {
  /** Dataset id of the example. */
  id: string;
  /** Path or name of the CSV file, as the reader has it. */
  csv: string;
  /** Path or name of the JSON file. */
  json: string;
  /** Path or name of the all-data workbook. */
  xlsx: string;
  /** The example dataset's number columns (integer, number), for the steps that set column types. */
  numberColumns?: readonly string[];
}

export type SnippetLanguage = 'python' | 'r' | 'sql' | 'javascript' | 'shell';

export interface Snippet {
  language: SnippetLanguage;
  code: string;
  /** Run by the recipe tests against the built files. */
  tested: boolean;
  /** What to do with it, when more than "run it": "Save as index.js", "Set up a new folder (once)". */
  caption?: string;
  /** The file name the snippet is saved as, when it is a file to save. */
  file?: string;
}

export interface Recipe {
  id: 'excel' | 'google-sheets' | 'libreoffice' | 'python' | 'pandas' | 'r' | 'duckdb' | 'jq' | 'javascript';
  tool: string;
  /** One sentence: the best way in. */
  summary: string;
  /** Numbered steps, for tools driven by menus. */
  steps: string[];
  snippets: Snippet[];
  /** What goes wrong, and how to avoid it. */
  avoid: string[];
}

export const RECIPE_LANGUAGE_LABELS: Record<SnippetLanguage, string> = {
  python: 'Python',
  r: 'R',
  sql: 'SQL (DuckDB)',
  javascript: 'JavaScript (Node)',
  shell: 'Shell',
};

/** The number columns of a dataset (what the LibreOffice steps leave as numbers). */
export function numberColumns(meta: { columns: ReadonlyArray<{ name: string; type: string }> }): string[] {
  return meta.columns.filter((c) => c.type === 'integer' || c.type === 'number').map((c) => c.name);
}

/** Every recipe, for the given files. */
export function recipesFor(f: RecipeFiles): Recipe[] {
  const numbers = f.numberColumns ?? [];
  const numberList = numbers.length === 0 ? '' : numbers.join(', ');
  return [
    {
      id: 'excel',
      tool: 'Microsoft Excel',
      summary: `Open ${f.xlsx}: every dataset is a sheet, numbers are numbers, and periods and ids are text that Excel will not turn into dates.`,
      steps: [
        `For one CSV instead: in a blank workbook choose Data > From Text/CSV and pick ${f.csv}.`,
        'Set File origin to "65001: Unicode (UTF-8)" and Delimiter to Comma.',
        'Choose Transform Data, select the period, date and id columns, set their type to Text (replace the current conversion), then Close & Load.',
      ],
      snippets: [],
      avoid: [
        'Double-clicking a CSV lets Excel guess every type: a month such as 2017-10 in a date column becomes a date (Oct-17).',
        'Saving a download back over itself as CSV changes it (Excel may drop the UTF-8 marker and rewrite dates): keep the original, save your work as .xlsx.',
        `Text cells that begin with ' in the CSV had it added so a spreadsheet cannot run them as formulas; the workbook holds the text without it.`,
      ],
    },
    {
      id: 'google-sheets',
      tool: 'Google Sheets',
      summary: `Upload ${f.xlsx} (File > Import > Upload): each sheet keeps its typed cells.`,
      steps: [
        `For one CSV: File > Import > Upload ${f.csv}, Separator type Comma.`,
        'Untick "Convert text to numbers, dates, and formulas", so periods and ids stay as written.',
        'Then select the number columns (such as value) and choose Format > Number > Number.',
      ],
      snippets: [],
      avoid: ['With conversion ticked, Sheets may read a month such as 2017-10 as a date.'],
    },
    {
      id: 'libreoffice',
      tool: 'LibreOffice Calc',
      summary: `Open ${f.xlsx}, or open a CSV through the Text Import dialog with the UTF-8 character set.`,
      steps: [
        `File > Open ${f.csv}; the Text Import dialog appears.`,
        'Character set: Unicode (UTF-8). Separator options: Separated by Comma only. String delimiter: ".',
        'Untick "Detect special numbers" (and "Evaluate formulas" where offered), so periods and months stay text.',
        numbers.length === 0
          ? 'In Fields, click the first column heading, shift-click the last, and set Column type to Text: this table has no number columns, and a cell such as a year (2018) or a line number (192) must stay text. Then OK.'
          : `In Fields, click the first column heading, shift-click the last, and set Column type to Text; then select only ${numberList} and set it back to Standard. Every other column is text, even where a cell looks like a number (a year such as 2018, a line number such as 192). Then OK.`,
      ],
      snippets: [],
      avoid: [
        'With another character set the first column name shows as ï»¿area and £ as Â£: choose Unicode (UTF-8).',
        'Left as Standard, LibreOffice turns text cells that look like numbers (2018 in a date column, 192 in source_lines) into numbers; the workbook avoids this.',
      ],
    },
    {
      id: 'python',
      tool: 'Python (standard library)',
      summary: 'Read the CSV with encoding="utf-8-sig", which removes the byte-order mark, or the JSON with the json module.',
      steps: [],
      snippets: [
        {
          language: 'python',
          tested: true,
          code: [
            'import csv',
            '',
            `with open("${f.csv}", encoding="utf-8-sig", newline="") as f:`,
            '    rows = list(csv.DictReader(f))',
            '# Every value is text: convert numbers yourself, e.g. int(row["value"]) or float(row["value"]).',
            'print(len(rows), rows[0])',
          ].join('\n'),
        },
        {
          language: 'python',
          tested: true,
          code: ['import json', '', `with open("${f.json}", encoding="utf-8") as f:`, '    rows = json.load(f)["rows"]  # numbers are numbers, missing values None', 'print(len(rows), rows[0])'].join('\n'),
        },
      ],
      avoid: ['With encoding="utf-8" the first column name keeps the byte-order mark ("\\ufeffarea"), so row["area"] fails.'],
    },
    {
      id: 'pandas',
      tool: 'pandas',
      summary: 'read_csv for the CSV; for the JSON, take its rows list (pd.read_json on the whole file fails, because the rows sit inside a wrapper with the metadata).',
      steps: [],
      snippets: [
        {
          language: 'python',
          tested: false,
          code: [
            'import json',
            'import pandas as pd',
            '',
            `df = pd.read_csv("${f.csv}", encoding="utf-8-sig", keep_default_na=False, na_values=[""])`,
            '',
            `with open("${f.json}", encoding="utf-8") as f:`,
            '    df_json = pd.json_normalize(json.load(f)["rows"])',
          ].join('\n'),
        },
        {
          language: 'python',
          tested: false,
          caption: 'With pyarrow: empty cells as missing values',
          code: ['import pyarrow.csv as pv', '', `table = pv.read_csv("${f.csv}", convert_options=pv.ConvertOptions(strings_can_be_null=True))`, 'df = table.to_pandas()'].join('\n'),
        },
      ],
      avoid: [
        'keep_default_na=False with na_values=[""] makes only an empty cell missing; by default pandas would also treat text such as "NA" or "None" as missing.',
        'pyarrow (pyarrow.csv.read_csv, or pandas with engine="pyarrow") reads an empty text cell as an empty string, not a missing value: pass convert_options=pyarrow.csv.ConvertOptions(strings_can_be_null=True), as below.',
      ],
    },
    {
      id: 'r',
      tool: 'R',
      summary: 'readr::read_csv reads the files as they are; with base R, tell read.csv the encoding and that an empty cell is missing.',
      steps: [],
      snippets: [
        {
          language: 'r',
          tested: false,
          code: [`df <- readr::read_csv("${f.csv}")`, '', '# or, without readr:', `df <- read.csv("${f.csv}", fileEncoding = "UTF-8-BOM", na.strings = "")`, '', '# the JSON, with jsonlite:', `rows <- jsonlite::fromJSON("${f.json}")$rows`].join('\n'),
        },
      ],
      avoid: ['read.csv without na.strings = "" turns empty text cells into "" instead of NA; without fileEncoding the first column name can be garbled.'],
    },
    {
      id: 'duckdb',
      tool: 'DuckDB',
      summary: 'Query a CSV or JSON file directly with SQL; no column name needs quoting.',
      steps: [],
      snippets: [
        { language: 'sql', tested: true, code: `SELECT * FROM read_csv('${f.csv}');` },
        { language: 'sql', tested: true, code: `SELECT unnest(rows, recursive := true) FROM read_json('${f.json}');` },
      ],
      avoid: [
        'A financial year such as 2017/18 is text: compare periods as strings, not as dates.',
        "read_csv reads a column holding only yes (or no) and empty cells, such as statutory in bodies, as true/false; add all_varchar = true to keep every cell as text.",
        'read_csv reads the ISO dates of all-observations.csv (period_start, period_end) and periods.csv (start, end) as DATE, so they sort and filter as dates.',
        'read_csv reads a column holding only years, such as published in sources while every date there is a year, as numbers; add all_varchar = true to keep every cell as text.',
      ],
    },
    {
      id: 'jq',
      tool: 'jq',
      summary: 'Work with the JSON on the command line: the rows are in .rows, the column dictionary in .columns.',
      steps: [],
      snippets: [
        { language: 'shell', tested: true, code: `jq '.rows | length' ${f.json}` },
        {
          language: 'shell',
          tested: true,
          code: `jq -r '(.columns | map(.name)) as $c | $c, (.rows[] | [.[$c[]] | if type == "array" then join(";") else . end]) | @csv' ${f.json}`,
        },
      ],
      avoid: ['Lists of ids are arrays in the JSON: join them (as above) before writing CSV.'],
    },
    {
      id: 'javascript',
      tool: 'JavaScript (Node)',
      summary: 'In a new folder holding the files: set up a project that uses ES modules and d3-dsv (once), save the script as index.js, and run it. Remove the byte-order mark before parsing the CSV text, or read the JSON rows.',
      steps: [],
      snippets: [
        {
          language: 'shell',
          tested: true,
          caption: 'Set up the folder (once): a package.json that allows import, and d3-dsv',
          code: ['npm init -y', 'npm pkg set type=module', 'npm install d3-dsv'].join('\n'),
        },
        {
          language: 'javascript',
          tested: true,
          caption: 'Save as index.js',
          file: 'index.js',
          code: [
            "import { readFileSync } from 'node:fs';",
            "import { csvParse } from 'd3-dsv';",
            '',
            `const rows = csvParse(readFileSync('${f.csv}', 'utf8').replace(/^\\uFEFF/, ''));`,
            `const jsonRows = JSON.parse(readFileSync('${f.json}', 'utf8')).rows;`,
            'console.log(rows.length, jsonRows.length);',
          ].join('\n'),
        },
        { language: 'shell', tested: true, caption: 'Run it', code: 'node index.js' },
      ],
      avoid: [
        "Without removing the byte-order mark, the first column's name starts with an invisible \\uFEFF.",
        'Without "type": "module" in package.json (npm pkg set type=module), Node stops at the first import: save the script as index.mjs instead, or set the type.',
      ],
    },
  ];
}

/** The recipes as plain text, for the zip's README.txt (indented under its "Using the data" heading). */
export function recipesText(files: RecipeFiles): string[] {
  const lines: string[] = [
    `Examples use ${files.csv} and ${files.json}; any other dataset works the same way.`,
  ];
  for (const r of recipesFor(files)) {
    lines.push('', `${r.tool}`, `${'~'.repeat(r.tool.length)}`, r.summary);
    r.steps.forEach((s, i) => lines.push(`  ${i + 1}. ${s}`));
    for (const s of r.snippets) lines.push('', ...(s.caption ? [`  ${s.caption}:`] : []), ...s.code.split('\n').map((l) => (l === '' ? '' : `    ${l}`)));
    if (r.avoid.length > 0) lines.push('', '  Avoid:', ...r.avoid.map((a) => `  - ${a}`));
  }
  return lines;
}
