// Minimal RFC 4180 reader: quoted fields, doubled quotes, CRLF or LF. Each record keeps its starting line
// number so the import report can point at the row a shop owner must fix in their spreadsheet.

export interface CsvRecord {
  line: number;
  fields: string[];
}

export class CsvSyntaxError extends Error {
  readonly code = 'CSV_SYNTAX';
  constructor(readonly line: number, message: string) {
    super(`line ${line}: ${message}`);
    this.name = 'CsvSyntaxError';
  }
}

export function parseCsv(text: string): CsvRecord[] {
  const records: CsvRecord[] = [];
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text; // Excel's UTF-8 BOM
  let fields: string[] = [];
  let field = '';
  let quoted = false;
  let line = 1;
  let recordLine = 1;
  for (let i = 0; i < body.length; i += 1) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') { field += '"'; i += 1; }
      else if (ch === '"') quoted = false;
      else { if (ch === '\n') line += 1; field += ch; }
    } else if (ch === '"' && field.length === 0) quoted = true;
    else if (ch === ',') { fields.push(field); field = ''; }
    else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && body[i + 1] === '\n') i += 1;
      fields.push(field);
      if (fields.some((f) => f.length > 0)) records.push({ line: recordLine, fields });
      fields = []; field = ''; line += 1; recordLine = line;
    } else field += ch;
  }
  if (quoted) throw new CsvSyntaxError(recordLine, 'unterminated quoted field');
  fields.push(field);
  if (fields.some((f) => f.length > 0)) records.push({ line: recordLine, fields });
  return records;
}
