/**
 * @module JSON paths of the document (`$.indicators[0].children[1].actual`) read back into the place
 * on screen they point at, so a finding can focus its cell.
 */

export type Segment = string | number;

/** `$.a[0].b` → ['a', 0, 'b']; tolerates quoted keys (`$["a b"]`). */
export function parseJsonPath(path: string): Segment[] {
  const out: Segment[] = [];
  const re = /\.([A-Za-z_$][\w$-]*)|\[(\d+)\]|\["((?:[^"\\]|\\.)*)"\]/g;
  let m: RegExpExecArray | null;
  const body = path.startsWith('$') ? path.slice(1) : path;
  while ((m = re.exec(body)) !== null) {
    if (m[1] !== undefined) out.push(m[1]);
    else if (m[2] !== undefined) out.push(Number(m[2]));
    else if (m[3] !== undefined) out.push(m[3].replace(/\\(.)/g, '$1'));
  }
  return out;
}

export type GridColumnKey = 'name' | 'target' | 'actual' | 'weight' | 'score' | 'reason' | 'evidence';

export type Location =
  | { area: 'indicator'; idx: number[]; column: GridColumnKey; project?: number | undefined }
  | { area: 'funding'; table: number; row: number | undefined; column: string | undefined }
  | { area: 'execution'; field: string | undefined }
  | { area: 'goal'; index: number; field: 'expected' | 'actual' }
  | { area: 'header'; field: string }
  | { area: 'prose'; index: number; field: 'heading' | 'text' }
  | { area: 'meta'; list: 'problems' | 'measures'; index: number }
  | { area: 'other'; section: string };

const FIELD_COLUMN: Readonly<Record<string, GridColumnKey>> = {
  name: 'name',
  category: 'name',
  target: 'target',
  actual: 'actual',
  lastYearActual: 'actual',
  completion: 'actual',
  completionRate: 'actual',
  unit: 'target',
  direction: 'target',
  bands: 'target',
  weight: 'weight',
  declaredWeight: 'weight',
  printedScore: 'score',
  printedGrade: 'score',
  override: 'score',
  review: 'score',
  deviationReason: 'reason',
  evidence: 'evidence',
};

/** Where a JSON path of the document is shown in the editor. */
export function locate(path: string): Location {
  const all = parseJsonPath(path);
  // An embedded project's indicator tree: $.projects[2].indicators[…] reads like the main one.
  const project = all[0] === 'projects' && typeof all[1] === 'number' && all[2] === 'indicators' ? all[1] : undefined;
  const segs = project === undefined ? all : all.slice(2);
  const [first] = segs;
  if (first === 'indicators') {
    const idx: number[] = [];
    let i = 1;
    if (typeof segs[i] === 'number') {
      idx.push(segs[i] as number);
      i++;
      while (segs[i] === 'children' && typeof segs[i + 1] === 'number') {
        idx.push(segs[i + 1] as number);
        i += 2;
      }
    }
    if (idx.length === 0) return { area: 'other', section: project === undefined ? 'indicators' : 'projects' };
    const field = segs[i];
    const column = typeof field === 'string' ? (FIELD_COLUMN[field] ?? 'name') : 'name';
    return project === undefined ? { area: 'indicator', idx, column } : { area: 'indicator', idx, column, project };
  }
  if (first === 'funding') {
    if (segs[1] === 'execution') return { area: 'execution', field: typeof segs[2] === 'string' ? segs[2] : undefined };
    if (segs[1] === 'tables' && typeof segs[2] === 'number') {
      const row = segs[3] === 'rows' && typeof segs[4] === 'number' ? segs[4] : undefined;
      const column = segs[5] === 'amounts' && typeof segs[6] === 'string' ? segs[6] : undefined;
      return { area: 'funding', table: segs[2], row, column };
    }
    return { area: 'funding', table: 0, row: undefined, column: undefined };
  }
  if (first === 'goals' && typeof segs[1] === 'number') {
    return { area: 'goal', index: segs[1], field: segs[2] === 'actual' ? 'actual' : 'expected' };
  }
  if (first === 'header') return { area: 'header', field: typeof segs[1] === 'string' ? segs[1] : 'title' };
  if (first === 'prose' && typeof segs[1] === 'number') return { area: 'prose', index: segs[1], field: segs[2] === 'heading' ? 'heading' : 'text' };
  if (first === 'meta' && (segs[1] === 'problems' || segs[1] === 'measures') && typeof segs[2] === 'number') return { area: 'meta', list: segs[1], index: segs[2] };
  return { area: 'other', section: typeof first === 'string' ? first : '' };
}

/** The DOM id of an editable field outside the grid, so a finding can focus it. */
export function fieldDomId(location: Location): string | undefined {
  switch (location.area) {
    case 'funding':
      return location.row === undefined ? 'funding-table' : `funding-${location.table}-${location.row}-${location.column ?? 'executed'}`;
    case 'execution':
      return 'funding-execution-weight';
    case 'goal':
      return `goal-${location.index}-${location.field}`;
    case 'header':
      return `header-${location.field}`;
    case 'prose':
      return `prose-${location.index}-${location.field}`;
    case 'meta':
      return `meta-${location.list}-${location.index}`;
    default:
      return undefined;
  }
}
