/**
 * @module The table parts of an evaluation document, for comparing an import with a hand-made fixture.
 *
 * Compared (what a table says): header identity (title, level, stage, year, organisation, 主管部门,
 * 实施单位, 项目名称), money tables (kind, title, unit, rows: label, role, source kind, amounts) and the
 * printed execution block, 年度总体目标, the indicator tree (name, category, declared weight, weight,
 * target, actual, score, deviation reason, unit, review score; children in order), the department
 * 基础数据表 (staffing, expense control with parents by label, buildings, 厉行节约), and the printed
 * total and grade.
 *
 * Not compared, and why:
 * - `id`s and `source`: each importer names nodes and places its own way (fixtures use `out.qty.1`
 *   and `000:L157`, the importer `第157行`); parents in expense control are compared by label instead.
 * - `note` fields and `document.notes`: transcription remarks written by people, not table content.
 * - `prose`, `meta.problems` / `measures` / `publication` / `survey` / `evaluator` / `evaluationDate`:
 *   prose segmentation and facts stated in prose are editorial choices of the transcriber.
 * - `header.subProjects` and `projects[].funding`: derived from prose in the fixtures.
 * - money-table order: fixtures list tables by theme, the importer in document order; tables are
 *   sorted by kind and title before comparing.
 */
import type { EvaluationDocument, ExpenseRow, FundingTable, IndicatorNode } from '@jixiao/core';

type Json = null | boolean | number | string | Json[] | { [k: string]: Json };

function clean(o: Record<string, unknown>): { [k: string]: Json } {
  const out: { [k: string]: Json } = {};
  for (const [k, v] of Object.entries(o)) {
    if (v === undefined) continue;
    if (Array.isArray(v) && v.length === 0) continue;
    if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0) continue;
    out[k] = v as Json;
  }
  return out;
}

export function projectIndicator(n: IndicatorNode): Json {
  return clean({
    name: n.name,
    category: n.category,
    declaredWeight: n.declaredWeight,
    weight: n.weight,
    target: n.target,
    actual: n.actual,
    printedScore: n.printedScore,
    deviationReason: n.deviationReason,
    unit: n.unit,
    review: n.review?.score,
    children: (n.children ?? []).map(projectIndicator),
  });
}

export function projectFundingTable(t: FundingTable): Json {
  return clean({
    kind: t.kind,
    title: t.title,
    unit: t.unit,
    rows: t.rows.map((r) => clean({ label: r.label, role: r.role, sourceKind: r.sourceKind, amounts: clean(r.amounts) })),
  });
}

function projectExpense(rows: readonly ExpenseRow[]): Json {
  const byId = new Map(rows.map((r) => [r.id, r.label]));
  return rows.map((r) => clean({ label: r.label, kind: r.kind, parent: r.parent ? byId.get(r.parent) : undefined, values: clean(r.values) }));
}

/** The table parts of a document; see the module comment for what is left out and why. */
export function tableParts(doc: EvaluationDocument): Json {
  const h = doc.header;
  const tables = [...(doc.funding?.tables ?? [])].sort((a, b) => `${a.kind}|${a.title ?? ''}`.localeCompare(`${b.kind}|${b.title ?? ''}`));
  const dep = doc.department;
  return clean({
    header: clean({
      title: h.title,
      level: h.level,
      stage: h.stage,
      year: h.year,
      organisation: h.organisation,
      supervisingDepartment: h.supervisingDepartment,
      implementingUnits: h.implementingUnits,
      projectName: h.projectName,
    }),
    funding: doc.funding
      ? clean({ unit: doc.funding.unit, execution: doc.funding.execution ? clean(doc.funding.execution) : undefined, tables: tables.map(projectFundingTable) })
      : undefined,
    goals: doc.goals.map((g) => clean({ expected: g.expected, actual: g.actual })),
    indicators: doc.indicators.map(projectIndicator),
    department: dep
      ? clean({
          staffing: dep.staffing ? clean(dep.staffing) : undefined,
          expenseControl: dep.expenseControl
            ? clean({
                unit: dep.expenseControl.unit,
                columns: dep.expenseControl.columns.map((c) => clean({ key: c.key, label: c.label, year: c.year, stage: c.stage })),
                rows: projectExpense(dep.expenseControl.rows),
              })
            : undefined,
          buildings: dep.buildings.map((b) => clean({ ...b })),
          savingMeasures: dep.savingMeasures,
        })
      : undefined,
    meta: clean({ printedTotal: doc.meta.printedTotal, printedGrade: doc.meta.printedGrade }),
  });
}

/** Leaves of a tree as "section › section › name" → the compared fields, for set-style comparisons. */
export function leafMap(nodes: readonly IndicatorNode[], pick: (n: IndicatorNode) => Json, path: string[] = []): Map<string, Json> {
  const out = new Map<string, Json>();
  for (const n of nodes) {
    const p = [...path, n.name];
    if (n.children && n.children.length > 0) for (const [k, v] of leafMap(n.children, pick, p)) out.set(k, v);
    else out.set(p.join(' › '), pick(n));
  }
  return out;
}
