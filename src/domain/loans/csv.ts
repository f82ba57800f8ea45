/** A small RFC 4180 CSV reader and writer (quoted fields, doubled quotes, CRLF or LF). Pure. */

/** Splits CSV text into records of fields. A leading BOM is dropped; a trailing newline adds no record. */
export function parseCsv(text: string): string[][] {
  const s = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const records: string[][] = [];
  let field = '';
  let record: string[] = [];
  let quoted = false;
  let i = 0;
  let any = false;
  while (i < s.length) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"') {
        if (s[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += ch;
      i++;
      continue;
    }
    if (ch === '"' && field === '') {
      quoted = true;
      any = true;
      i++;
      continue;
    }
    if (ch === ',') {
      record.push(field);
      field = '';
      any = true;
      i++;
      continue;
    }
    if (ch === '\r' || ch === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      any = false;
      i += ch === '\r' && s[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += ch;
    any = true;
    i++;
  }
  if (any || field !== '' || record.length > 0) {
    record.push(field);
    records.push(record);
  }
  return records;
}

function quote(v: string): string {
  return /[",\r\n]/.test(v) || /^\s|\s$/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

/**
 * Writes records as CSV with CRLF line ends. With `guardFormulas`, a text field starting with = + - @
 * (and not a number) gets a leading single quote, so spreadsheets do not run it as a formula.
 */
export function toCsv(records: readonly (readonly string[])[], opts: { guardFormulas?: boolean } = {}): string {
  return records
    .map((r) =>
      r.map((v) => quote(opts.guardFormulas && /^[=+\-@]/.test(v) && !/^-?\d/.test(v) ? `'${v}` : v)).join(','),
    )
    .join('\r\n')
    .concat('\r\n');
}
