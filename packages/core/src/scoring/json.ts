/** @module The JSON shape of a score report (`jixiao score --json`): decimals as strings. A public contract. */
import type { ScoreReport } from './types.js';

export interface ScoreReportJson {
  total: string;
  /** False when nothing in the document could be scored (no table): total is then "0" by default. */
  scorable: boolean;
  grade: string;
  printedTotal: string | null;
  printedGrade: string | null;
  ruleSet: string;
  execution: {
    weight: string;
    rate: string | null;
    printedRate: string | null;
    score: string | null;
    printedScore: string | null;
    explanation: string;
  } | null;
  sections: Array<{ name: string; weight: string | null; score: string | null }>;
  projects: Array<{ id: string; name: string; total: string | null; grade: string | null; printedTotal: string | null; printedGrade: string | null }>;
  items: Array<{
    path: string;
    location: string;
    name: string;
    weight: string | null;
    score: string | null;
    printedScore: string | null;
    status: string;
    method: string;
    differs: boolean;
    explanation: string;
  }>;
}

/** Plain JSON of a report. Items are the leaves (scored indicators), in document order. */
export function scoreReportToJson(report: ScoreReport): ScoreReportJson {
  const s = (d: { toString(): string } | undefined): string | null => (d === undefined ? null : d.toString());
  return {
    total: report.total.toString(),
    scorable: report.scorable,
    grade: report.grade,
    printedTotal: s(report.printedTotal),
    printedGrade: report.printedGrade ?? null,
    ruleSet: report.ruleSet,
    execution: report.execution
      ? {
          weight: report.execution.weight.toString(),
          rate: report.execution.ratePercent ? `${report.execution.ratePercent.toString()}%` : null,
          printedRate: report.execution.printedRate ?? null,
          score: s(report.execution.effective),
          printedScore: s(report.execution.printed),
          explanation: report.execution.explanation.text,
        }
      : null,
    sections: report.sections
      .filter((sec) => sec.project === undefined && !sec.path.includes('children'))
      .map((sec) => ({ name: sec.name, weight: s(sec.weight), score: s(sec.score) })),
    projects: report.projects.map((p) => ({
      id: p.id,
      name: p.name,
      total: s(p.total),
      grade: p.grade ?? null,
      printedTotal: s(p.printedTotal),
      printedGrade: p.printedGrade ?? null,
    })),
    items: report.items
      .filter((i) => i.leaf || i.method !== 'sum')
      .filter((i) => i.weight !== undefined)
      .map((i) => ({
        path: i.path,
        location: i.location,
        name: i.name,
        weight: s(i.weight),
        score: s(i.effective),
        printedScore: s(i.printed),
        status: i.status,
        method: i.method,
        differs: i.differs,
        explanation: i.explanation.text,
      })),
  };
}
