/**
 * Column names that a SQL query cannot use without quoting. Every dataset's columns are checked
 * against these lists (tests/unit/sql-names.test.ts), so `SELECT from_body, to_body FROM
 * 'relationships.csv'` works as typed in DuckDB, PostgreSQL, SQLite or MySQL.
 *
 * - DUCKDB: DuckDB's `reserved` keywords plus those it allows only as a function or type name
 *   (`type_function`: `left`, `join`, `like`…) or only as a column name (`column_name`; not a
 *   problem for a column, but such a word still needs quoting as a table alias or in some
 *   positions, so it is avoided too). Copied from `SELECT keyword_name, keyword_category FROM
 *   duckdb_keywords()` in DuckDB 1.5; the test checks the copy against the installed DuckDB.
 * - POSTGRESQL: every keyword PostgreSQL 17 marks "reserved" or "reserved (can be function or type)"
 *   in its SQL Key Words appendix (Appendix C), which is what stops a bare column name.
 *
 * Words reserved only in the SQL standard and accepted bare by all four engines above (`date`,
 * `value`, `level`) are not in these lists: renaming them would break scripts for no practical gain.
 */

export const DUCKDB_RESERVED: readonly string[] = [
  // reserved
  'all', 'analyse', 'analyze', 'and', 'any', 'array', 'as', 'asc', 'asymmetric', 'both', 'case', 'cast', 'check', 'collate',
  'column', 'constraint', 'create', 'default', 'deferrable', 'desc', 'describe', 'distinct', 'do', 'else', 'end', 'except',
  'false', 'fetch', 'for', 'foreign', 'from', 'group', 'having', 'in', 'initially', 'intersect', 'into', 'lambda', 'lateral',
  'leading', 'limit', 'not', 'null', 'offset', 'on', 'only', 'or', 'order', 'pivot', 'pivot_longer', 'pivot_wider', 'placing',
  'primary', 'qualify', 'references', 'returning', 'select', 'show', 'some', 'summarize', 'symmetric', 'table', 'then', 'to',
  'trailing', 'true', 'union', 'unique', 'unpivot', 'using', 'variadic', 'when', 'where', 'window', 'with',
  // type_function
  'anti', 'asof', 'at', 'authorization', 'binary', 'by', 'collation', 'columns', 'concurrently', 'cross', 'freeze', 'full',
  'generated', 'glob', 'ilike', 'inner', 'is', 'isnull', 'join', 'left', 'like', 'map', 'natural', 'notnull', 'outer', 'overlaps',
  'positional', 'right', 'semi', 'similar', 'struct', 'tablesample', 'try_cast', 'unpack', 'verbose',
  // column_name
  'between', 'bigint', 'bit', 'boolean', 'char', 'character', 'coalesce', 'dec', 'decimal', 'exists', 'extract', 'float',
  'grouping', 'grouping_id', 'inout', 'int', 'integer', 'interval', 'national', 'nchar', 'none', 'nullif', 'numeric', 'out',
  'overlay', 'position', 'precision', 'real', 'row', 'setof', 'smallint', 'substring', 'time', 'timestamp', 'treat', 'trim',
  'values', 'varchar', 'xmlattributes', 'xmlconcat', 'xmlelement', 'xmlexists', 'xmlforest', 'xmlnamespaces', 'xmlparse',
  'xmlpi', 'xmlroot', 'xmlserialize', 'xmltable',
];

export const POSTGRESQL_RESERVED: readonly string[] = [
  'all', 'analyse', 'analyze', 'and', 'any', 'array', 'as', 'asc', 'asymmetric', 'authorization', 'binary', 'both', 'case',
  'cast', 'check', 'collate', 'collation', 'column', 'concurrently', 'constraint', 'create', 'cross', 'current_catalog',
  'current_date', 'current_role', 'current_schema', 'current_time', 'current_timestamp', 'current_user', 'default',
  'deferrable', 'desc', 'distinct', 'do', 'else', 'end', 'except', 'false', 'fetch', 'for', 'foreign', 'freeze', 'from', 'full',
  'grant', 'group', 'having', 'ilike', 'in', 'initially', 'inner', 'intersect', 'into', 'is', 'isnull', 'join', 'lateral',
  'leading', 'left', 'like', 'limit', 'localtime', 'localtimestamp', 'natural', 'not', 'notnull', 'null', 'offset', 'on',
  'only', 'or', 'order', 'outer', 'overlaps', 'placing', 'primary', 'references', 'returning', 'right', 'select',
  'session_user', 'similar', 'some', 'symmetric', 'system_user', 'table', 'tablesample', 'then', 'to', 'trailing', 'true',
  'union', 'unique', 'user', 'using', 'variadic', 'verbose', 'when', 'where', 'window', 'with',
];

const LISTS: ReadonlyArray<[string, ReadonlySet<string>]> = [
  ['DuckDB', new Set(DUCKDB_RESERVED)],
  ['PostgreSQL', new Set(POSTGRESQL_RESERVED)],
];

export interface ReservedName {
  dataset: string;
  column: string;
  /** The engines that reserve the word. */
  reservedIn: string[];
}

/** A name a SQL engine takes bare: lower-case letters, digits and `_`, starting with a letter. */
export const PLAIN_SQL_NAME = /^[a-z][a-z0-9_]*$/;

/** Every column whose name is a reserved word, or needs quoting for another reason (a hyphen, a capital). */
export function reservedColumnNames(metas: Iterable<{ id: string; columns: ReadonlyArray<{ name: string }> }>): ReservedName[] {
  const found: ReservedName[] = [];
  for (const meta of metas) {
    for (const { name } of meta.columns) {
      const reservedIn = LISTS.filter(([, words]) => words.has(name.toLowerCase())).map(([engine]) => engine);
      if (!PLAIN_SQL_NAME.test(name)) reservedIn.push('any engine (not a plain lower-case name)');
      if (reservedIn.length > 0) found.push({ dataset: meta.id, column: name, reservedIn });
    }
  }
  return found;
}
