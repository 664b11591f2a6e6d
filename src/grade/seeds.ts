/**
 * seeds.csv: which variant seed each student was given, `student,seed` per line (a header line
 * naming those two columns is allowed, as is RFC 4180 quoting). Pure.
 */
export class SeedsError extends Error {
  constructor(readonly line: number, message: string) {
    super(message);
    this.name = 'SeedsError';
  }
}

export function parseSeeds(text: string): Map<string, string> {
  const seeds = new Map<string, string>();
  const rows = csvRows(text);
  rows.forEach(({ cells, line }, index) => {
    if (cells.length === 1 && cells[0] === '') return;
    if (index === 0 && cells[0]?.trim().toLowerCase() === 'student' && cells[1]?.trim().toLowerCase() === 'seed') return;
    const [student, seed] = cells.map((cell) => cell.trim());
    if (cells.length !== 2 || !student || !seed) throw new SeedsError(line, 'expected two columns, student and seed');
    if (seeds.has(student)) throw new SeedsError(line, `student "${student}" is listed twice`);
    seeds.set(student, seed);
  });
  return seeds;
}

function csvRows(text: string): { cells: string[]; line: number }[] {
  const rows: { cells: string[]; line: number }[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  for (let i = 0; i < text.length; i++) {
    const char = text[i] as string;
    if (quoted) {
      if (char === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else {
        if (char === '\n') line++;
        cell += char;
      }
      continue;
    }
    if (char === '"' && cell === '') quoted = true;
    else if (char === ',') {
      cells.push(cell);
      cell = '';
    } else if (char === '\n' || char === '\r') {
      if (char === '\r' && text[i + 1] === '\n') i++;
      cells.push(cell);
      rows.push({ cells, line: rowLine });
      cells = [];
      cell = '';
      line++;
      rowLine = line;
    } else cell += char;
  }
  if (quoted) throw new SeedsError(rowLine, 'a quoted cell is not closed');
  if (cell !== '' || cells.length > 0) {
    cells.push(cell);
    rows.push({ cells, line: rowLine });
  }
  return rows;
}
