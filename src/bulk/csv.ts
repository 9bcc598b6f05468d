// CSV import: one collection a file (people.csv, memberships.csv, or any name with --collection), one record a
// row, a header naming the dataset's fields. Flat fields are cells; lists are `|`-separated or JSON; citations
// are `source`/`quote` column pairs (`source2`/`quote2`...) or a JSON `citations` cell. See docs/import-format.md.
import type { DatasetKey } from '../dataset/schema.js';
import { addRecord, emptyLoaded, syntaxIssue, type BulkFile } from './format.js';

interface CsvRow {
  /** Line the row starts on (a quoted cell may span lines). */
  line: number;
  cells: string[];
}

/** RFC 4180: commas, double quotes around cells that need them, `""` for a quote, CRLF or LF. */
export function parseCsv(text: string): { rows: CsvRow[]; error: { line: number; message: string } | null } {
  const rows: CsvRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let atCellStart = true;
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  for (let i = 0; i < body.length; i += 1) {
    const c = body[i]!;
    if (quoted) {
      if (c === '"' && body[i + 1] === '"') {
        cell += '"';
        i += 1;
      } else if (c === '"') quoted = false;
      else {
        if (c === '\n') line += 1;
        cell += c;
      }
      continue;
    }
    if (c === '"' && atCellStart) {
      quoted = true;
      atCellStart = false;
    } else if (c === ',') {
      cells.push(cell);
      cell = '';
      atCellStart = true;
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && body[i + 1] === '\n') i += 1;
      cells.push(cell);
      if (cells.length > 1 || cells[0] !== '') rows.push({ line: rowLine, cells });
      cells = [];
      cell = '';
      atCellStart = true;
      line += 1;
      rowLine = line;
    } else {
      cell += c;
      atCellStart = false;
    }
  }
  if (quoted) return { rows, error: { line: rowLine, message: 'a quoted cell is never closed' } };
  cells.push(cell);
  if (cells.length > 1 || cells[0] !== '') rows.push({ line: rowLine, cells });
  return { rows, error: null };
}

const numberFields = new Set(['number', 'seats', 'rank', 'turnout', 'listSeats', 'districtSeats', 'totalSeats', 'voteShare', 'singleMandateCandidates', 'candidates']);
const booleanFields = new Set(['selfNominated', 'passedThreshold']);
/** Lists written `a|b|c` when not JSON. */
const pipeLists = new Set(['charges']);

/** The collection a CSV file holds, from its name: `people.csv`, `2024-memberships.csv`, `x.familyTies.csv`. */
export function collectionFromFileName(name: string, collections: readonly DatasetKey[]): DatasetKey | null {
  const base = name.replace(/^.*[\\/]/, '').replace(/\.csv$/i, '');
  return collections.find((c) => base === c || base.endsWith(`-${c}`) || base.endsWith(`.${c}`) || base.endsWith(`_${c}`)) ?? null;
}

export function readCsv(text: string, file: string, collection: DatasetKey): BulkFile {
  const loaded = emptyLoaded();
  const { rows, error } = parseCsv(text);
  if (error) {
    loaded.issues.push(syntaxIssue(file, error.line, '', error.message));
    return { loaded, curation: [], lines: rows.length };
  }
  const [header, ...data] = rows;
  if (!header) return { loaded, curation: [], lines: 0 };
  const columns = header.cells.map((c) => c.trim());
  for (const row of data) {
    if (row.cells.length !== columns.length) {
      loaded.issues.push(syntaxIssue(file, row.line, '', `the row has ${row.cells.length} cells; the header has ${columns.length}`));
      continue;
    }
    const record: Record<string, unknown> = {};
    const citations: Record<string, { source?: string; quote?: string }> = {};
    let bad = false;
    columns.forEach((column, i) => {
      const cell = row.cells[i]!;
      if (cell === '') return;
      const citation = /^(source|quote)(\d*)$/.exec(column);
      if (citation) {
        const slot = (citations[citation[2] || '1'] ??= {});
        slot[citation[1] as 'source' | 'quote'] = cell;
        return;
      }
      if (/^\s*[[{]/.test(cell)) {
        try {
          record[column] = JSON.parse(cell);
        } catch (e) {
          loaded.issues.push(syntaxIssue(file, row.line, column, `not JSON: ${e instanceof Error ? e.message : String(e)}`));
          bad = true;
        }
        return;
      }
      if (numberFields.has(column) && /^-?\d+(\.\d+)?$/.test(cell.trim())) record[column] = Number(cell);
      else if (booleanFields.has(column) && /^(true|false)$/i.test(cell.trim())) record[column] = cell.trim().toLowerCase() === 'true';
      else if (column === 'aliases') record[column] = cell.split('|').map((name) => ({ name: name.trim() }));
      else if (pipeLists.has(column)) record[column] = cell.split('|').map((c) => c.trim());
      else record[column] = cell;
    });
    const pairs = Object.keys(citations).sort((a, b) => Number(a) - Number(b));
    if (pairs.length > 0) {
      const given = (record.citations as unknown[] | undefined) ?? [];
      record.citations = [...given, ...pairs.map((k) => citations[k])];
    }
    if (!bad) addRecord(loaded, collection, record, file, row.line);
  }
  return { loaded, curation: [], lines: data.length };
}
