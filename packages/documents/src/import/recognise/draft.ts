/**
 * @module A document under construction: what the converters have recognised so far, plus the import
 * report. `finishDraft` turns it into an `EvaluationDocument` and validates it with `parseDocument`.
 */
import { parseDocument } from '@jixiao/core';
import type {
  BuildingProject,
  DocumentStage,
  EmbeddedProject,
  EvaluationDocument,
  EvaluationLevel,
  ExpenseControl,
  FundingTable,
  Goal,
  IndicatorNode,
  MoneyUnit,
  ProseSection,
  SubProject,
} from '@jixiao/core';
import { note, type NoteCode, type NOTES } from '../messages.js';
import type { ImportNote, ImportReport } from '../types.js';

type NoteParams<C extends NoteCode> = Parameters<(typeof NOTES)[C]>[0];
type NoteArgs<C extends NoteCode> = NoteParams<C> extends undefined ? [] : [params: NoteParams<C>];

export interface Staffing {
  authorized?: string;
  actual?: string;
  actualLabel?: string;
  printedControlRate?: string;
  retired?: string;
}

export class Draft {
  reportTitle?: { text: string; where: string };
  tableTitle?: { text: string; where: string };
  organisationLine?: { text: string; where: string };
  level?: EvaluationLevel;
  stage?: DocumentStage;
  year?: { value: number; source: string; where: string };
  organisation?: string;
  supervisingDepartment?: string;
  implementingUnits: string[] = [];
  projectName?: string;
  projectCode?: string;
  periodStart?: string;
  periodEnd?: string;
  region?: string;
  subProjects: SubProject[] = [];
  fundingTables: FundingTable[] = [];
  fundingUnit?: MoneyUnit;
  execution?: { weight?: string; printedRate?: string; printedScore?: string };
  goals: Goal[] = [];
  indicators: IndicatorNode[] = [];
  staffing?: Staffing;
  expenseControl?: ExpenseControl;
  buildings: BuildingProject[] = [];
  buildingsSeen = false;
  savingMeasures?: string;
  projects: EmbeddedProject[] = [];
  prose: ProseSection[] = [];
  printedTotal?: string;
  printedGrade?: string;
  statedSelfScore?: string;
  /** A total stated in the prose ("自评得分为98.4分"), with its place. */
  proseScore?: { value: string; where: string };
  /** The indicator tree was read from itemised scoring in the prose (seed 003). */
  scoredInProse = false;
  /** 离退休人员 stated in the prose. */
  proseRetired?: string;
  evaluationDate?: string;
  surveyScore?: string;
  publication?: { date?: string; place?: string };
  problems: string[] = [];
  measures: string[] = [];
  docNotes: string[] = [];
  /** A 自评表 block (funding, goals or indicator grid) has been read into this draft. */
  hasSelfEvaluation = false;
  /** Something table-like was recognised (a document is only produced when true). */
  hasTable = false;
  readonly recognised: ImportNote[] = [];
  readonly skipped: ImportNote[] = [];
  readonly guessed: ImportNote[] = [];
  private readonly usedIds = new Set<string>();

  rec<C extends NoteCode>(code: C, where: string, ...args: NoteArgs<C>): void {
    this.recognised.push(note('info', code, where, ...args));
  }
  skip<C extends NoteCode>(code: C, where: string, ...args: NoteArgs<C>): void {
    this.skipped.push(note('info', code, where, ...args));
  }
  skipWarn<C extends NoteCode>(code: C, where: string, ...args: NoteArgs<C>): void {
    this.skipped.push(note('warning', code, where, ...args));
  }
  guess<C extends NoteCode>(code: C, where: string, ...args: NoteArgs<C>): void {
    this.guessed.push(note('warning', code, where, ...args));
  }
  guessInfo<C extends NoteCode>(code: C, where: string, ...args: NoteArgs<C>): void {
    this.guessed.push(note('info', code, where, ...args));
  }
  addNote(n: ImportNote, bucket: 'recognised' | 'skipped' | 'guessed'): void {
    this[bucket].push(n);
  }

  /** A document-unique id built from a base: `out`, `out.qty`, `out.qty.1`, suffixed on collision. */
  uniqueId(base: string): string {
    let id = base.length > 0 ? base : 'n';
    for (let i = 2; this.usedIds.has(id); i++) id = `${base}-${i}`;
    this.usedIds.add(id);
    return id;
  }
}

const SKIP_CODES = new Set(['hidden-sheet', 'empty-rows-stopped', 'sheet-no-table', 'formula-no-cache', 'unused-row', 'unused-cell']);
const GUESS_CODES = new Set(['unit-mismatch', 'unit-assumed', 'year-from', 'year-missing', 'float-code', 'region-from-code']);

/** The report bucket a note belongs to, by its code. */
export function bucketOf(code: string): 'recognised' | 'skipped' | 'guessed' {
  if (SKIP_CODES.has(code)) return 'skipped';
  if (GUESS_CODES.has(code)) return 'guessed';
  return 'recognised';
}

/** The report of a draft. */
export function reportOf(draft: Draft, format: ImportReport['format'], fileName: string | undefined): ImportReport {
  const report: ImportReport = {
    format,
    recognised: draft.recognised,
    skipped: draft.skipped,
    guessed: draft.guessed,
  };
  if (fileName !== undefined) report.fileName = fileName;
  return report;
}

function stripEmpty<T extends object>(o: T): T {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(o)) if (v !== undefined) out[k] = v;
  return out as T;
}

/** Builds the interchange document; `fallbackYear` is used (with a note) when no year was found. */
export function finishDraft(
  draft: Draft,
  fallbackYear: number,
): { ok: true; document: EvaluationDocument } | { ok: false; issues: string[] } {
  let year = draft.year?.value;
  if (year === undefined) {
    year = fallbackYear;
    draft.guess('year-missing', draft.reportTitle?.where ?? draft.tableTitle?.where ?? '', { year });
  }
  const level: EvaluationLevel = draft.level ?? (draft.projectName ? 'project' : 'project');
  const title = draft.reportTitle?.text ?? draft.tableTitle?.text ?? draft.projectName ?? '';
  // The report's own letterhead names the body; a table's 预算部门 may add "（汇总）" and is kept in the notes.
  const organisation = draft.organisationLine?.text ?? draft.organisation ?? draft.implementingUnits[0] ?? draft.supervisingDepartment ?? '';
  if (draft.organisationLine && draft.organisation && draft.organisation !== draft.organisationLine.text) {
    draft.docNotes.push(`表中单位印作“${draft.organisation}”，报告抬头为“${draft.organisationLine.text}”`);
  }
  const header = stripEmpty({
    title,
    level,
    stage: draft.stage ?? 'self-evaluation',
    year,
    organisation,
    supervisingDepartment: draft.supervisingDepartment,
    implementingUnits: draft.implementingUnits,
    projectName: draft.projectName,
    projectCode: draft.projectCode,
    period:
      draft.periodStart !== undefined || draft.periodEnd !== undefined
        ? stripEmpty({ start: draft.periodStart, end: draft.periodEnd })
        : undefined,
    subProjects: draft.subProjects,
    region: draft.region,
  });
  const funding =
    draft.fundingTables.length > 0 || draft.execution
      ? stripEmpty({
          unit: draft.fundingUnit ?? draft.fundingTables[0]?.unit ?? ('万元' as MoneyUnit),
          tables: draft.fundingTables,
          execution: draft.execution ? stripEmpty(draft.execution) : undefined,
        })
      : undefined;
  const department =
    draft.staffing || draft.expenseControl || draft.buildingsSeen || draft.savingMeasures !== undefined
      ? stripEmpty({
          staffing: draft.staffing ? stripEmpty(draft.staffing) : undefined,
          expenseControl: draft.expenseControl,
          buildings: draft.buildings,
          savingMeasures: draft.savingMeasures,
        })
      : undefined;
  const meta = stripEmpty({
    evaluationDate: draft.evaluationDate,
    team: [],
    survey: draft.surveyScore !== undefined ? { score: draft.surveyScore } : undefined,
    problems: draft.problems,
    measures: draft.measures,
    publication: draft.publication,
    printedTotal: draft.printedTotal,
    printedGrade: draft.printedGrade,
    statedSelfScore: draft.statedSelfScore,
  });
  const candidate = stripEmpty({
    schemaVersion: 1 as const,
    header,
    funding,
    goals: draft.goals,
    indicators: draft.indicators,
    department,
    projects: draft.projects,
    prose: draft.prose,
    meta,
    notes: draft.docNotes,
  });
  const parsed = parseDocument(candidate);
  if (parsed.ok) return { ok: true, document: parsed.document };
  return { ok: false, issues: parsed.issues.map((i) => `${i.path}: ${i.message}`) };
}
