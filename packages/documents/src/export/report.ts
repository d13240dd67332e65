/**
 * @module The 自评报告 as a renderer-neutral model: title, numbered sections, attachments.
 *
 * How the document's own prose and the drafted standard sections (`skeleton.ts`, `draft.ts`) combine:
 * - The prose is kept in its own order. A prose section of level 1 or 2 whose heading names a standard
 *   section is that section: it gets the standard heading number, and its text, when not empty, replaces
 *   the drafted text (data tables and audit findings are kept in any case).
 * - Every other prose section stays where it is, with its own heading — that is, under the nearest
 *   standard section before it.
 * - Standard sections the prose does not have are drafted and inserted in template order: just before the
 *   next standard section the prose does have, or at the end. Optional ones with nothing to say are left out.
 * - Level-1 and level-2 headings are numbered in one sequence (一、 / （一）), the prose's own numbers
 *   replaced, so inserted sections never duplicate a number; deeper headings keep their own numbering.
 * - Reports of embedded projects (prose after a level-0 heading of a project) follow the main report
 *   verbatim.
 * The docx and HTML writers draw this model; neither decides content.
 */
import type { EvaluationDocument, ProseSection } from '@jixiao/core';
import { basicDataGrid } from './basic-data.js';
import type { BodyBlock, Drafted } from './draft.js';
import { draftContext, draftPreamble, draftSection } from './draft.js';
import type { Grid } from './grid.js';
import type { SectionKey, StandardSection } from './skeleton.js';
import { DEPARTMENT_SECTIONS, PROJECT_SECTIONS, flattenSections, headingNumber, matchHeading, numberPrefix } from './skeleton.js';
import { selfEvaluationGrid, tableSubjects } from './table.js';
import type { ExportOptions } from './types.js';

export type ReportBlock =
  | { kind: 'heading'; level: 1 | 2 | 3 | 4; text: string }
  /** Title of an embedded project's report inside the main one. */
  | { kind: 'subtitle'; text: string }
  | BodyBlock;

export interface ReportAttachment {
  /** "附件" or "附件1". */
  label: string;
  /** Printed above the table: the official title, ending in 自评表 / 基础数据表 (readers look for it). */
  title: string;
  /** Named in the 附件说明: the title, with the project's name for an embedded project's table. */
  noteTitle: string;
  grid: Grid;
}

export interface ReportModel {
  /** Title lines, centred: the organisation (when the title does not name it) and the title. */
  title: string[];
  blocks: ReportBlock[];
  /** 附件说明 lines ("附件：1．…"), empty when the prose already has one. */
  attachmentNote: string[];
  /** 署名 and 成文日期, right-aligned. */
  signature: string[];
  attachments: ReportAttachment[];
}

/** One step of the report: a standard section (with the prose that is it, if any) or a kept prose section. */
type PlanItem = { std: StandardSection; user?: ProseSection | undefined } | { std?: undefined; user: ProseSection };

function paragraphs(text: string): BodyBlock[] {
  return text
    .split('\n')
    .map((t) => t.trim())
    .filter((t) => t !== '')
    .map((t) => ({ kind: 'paragraph' as const, text: t }));
}

function clampLevel(level: number): 1 | 2 | 3 | 4 {
  return Math.min(4, Math.max(1, level)) as 1 | 2 | 3 | 4;
}

/** Splits the prose into the main report and the embedded projects' reports (each from its level-0 heading). */
function splitProse(prose: readonly ProseSection[]): { main: ProseSection[]; parts: ProseSection[][] } {
  const main: ProseSection[] = [];
  const parts: ProseSection[][] = [];
  let part: ProseSection[] | undefined;
  for (const p of prose) {
    if (p.level === 0 && p.project !== undefined) {
      part = [p];
      parts.push(part);
    } else if (part && (p.project === undefined || p.project === part[0]!.project) && p.level > 0) {
      part.push(p);
    } else {
      part = undefined;
      main.push(p);
    }
  }
  return { main, parts };
}

/** The order of the report: the prose's order, with the missing standard sections inserted. */
function plan(prose: readonly ProseSection[], sections: readonly StandardSection[]): { preamble: ProseSection[]; items: PlanItem[] } {
  const flat = flattenSections(sections);
  const index = new Map<SectionKey, number>(flat.map((s, i) => [s.key, i]));
  const emitted = new Set<SectionKey>();
  const items: PlanItem[] = [];
  const preamble: ProseSection[] = [];
  let next = 0;
  const flushBefore = (limit: number): void => {
    for (; next < limit; next++) {
      const sec = flat[next]!;
      if (emitted.has(sec.key)) continue;
      emitted.add(sec.key);
      items.push({ std: sec });
    }
  };
  for (const p of prose) {
    if (p.level === 0 && items.length === 0) {
      preamble.push(p);
      continue;
    }
    const sec = p.level >= 1 && p.level <= 2 ? matchHeading(p.heading, sections, emitted) : undefined;
    if (sec) {
      const i = index.get(sec.key)!;
      flushBefore(i);
      emitted.add(sec.key);
      items.push({ std: sec, user: p });
      next = Math.max(next, i + 1);
    } else {
      items.push({ user: p });
    }
  }
  flushBefore(flat.length);
  return { preamble, items };
}

/** Builds the report model of a document. */
export function reportModel(doc: EvaluationDocument, options: ExportOptions = {}): ReportModel {
  const ctx = draftContext(doc, options);
  const sections: readonly StandardSection[] = ctx.department ? DEPARTMENT_SECTIONS : PROJECT_SECTIONS;
  const { main, parts } = splitProse(doc.prose);
  const { preamble, items } = plan(main, sections);
  const blocks: ReportBlock[] = [];

  // Introduction.
  const intro = preamble.flatMap((p) => paragraphs(p.text));
  blocks.push(...(intro.length > 0 ? intro : [{ kind: 'paragraph' as const, text: draftPreamble(ctx) }]));

  // Heading counters of levels 1 and 2.
  const counters = [0, 0, 0];
  const bump = (level: 1 | 2): number => {
    counters[level] = counters[level]! + 1;
    if (level === 1) counters[2] = 0;
    return counters[level]!;
  };
  // Standard sections whose trailing blocks (findings) wait for the end of their part of the report.
  const open: Array<{ level: number; trail: BodyBlock[] }> = [];
  const closeUntil = (level: number): void => {
    while (open.length > 0 && open[open.length - 1]!.level >= level) blocks.push(...open.pop()!.trail);
  };

  items.forEach((item, i) => {
    if (item.std) {
      const sec = item.std;
      const user = item.user;
      const userText = user !== undefined && user.text.trim() !== '';
      let kept = 0;
      for (let j = i + 1; j < items.length && items[j]!.std === undefined; j++) kept++;
      const drafted: Drafted = draftSection(sec.key, ctx, userText || kept > 0);
      const nothing = drafted.lead.length === 0 && drafted.trail.length === 0 && (drafted.tables ?? []).length === 0;
      const hasChildren = (sec.children ?? []).some((c) => !c.optional);
      if (sec.optional && !user && kept === 0 && nothing && !hasChildren) return;
      closeUntil(sec.level);
      const words = user ? (headingNumber(user.heading)?.rest ?? user.heading).trim() : '';
      blocks.push({ kind: 'heading', level: sec.level, text: `${numberPrefix(sec.level, bump(sec.level))}${words || sec.title}` });
      blocks.push(...(userText ? paragraphs(user.text) : drafted.lead));
      blocks.push(...(drafted.tables ?? []));
      open.push({ level: sec.level, trail: drafted.trail });
      return;
    }
    const p = item.user;
    const level = clampLevel(p.level);
    closeUntil(level);
    let heading = p.heading.trim();
    const num = headingNumber(heading);
    if (level <= 2 && num && num.level === level) heading = `${numberPrefix(level as 1 | 2, bump(level as 1 | 2))}${num.rest.trim()}`;
    if (heading !== '') blocks.push({ kind: 'heading', level, text: heading });
    blocks.push(...paragraphs(p.text));
  });
  closeUntil(0);

  // Embedded projects' reports, verbatim.
  for (const part of parts) {
    const [head, ...rest] = part;
    blocks.push({ kind: 'subtitle', text: head!.heading.trim() });
    blocks.push(...paragraphs(head!.text));
    for (const p of rest) {
      if (p.heading.trim() !== '') blocks.push({ kind: 'heading', level: clampLevel(p.level), text: p.heading.trim() });
      blocks.push(...paragraphs(p.text));
    }
  }

  // Attachments: the 基础数据表 (departments), the 自评表, and one 自评表 per embedded project.
  const grids: Grid[] = [];
  const basic = basicDataGrid(doc);
  if (basic) grids.push(basic);
  const titles: string[] = basic ? [basic.title] : [];
  tableSubjects(doc, options.scoring).forEach((subject, i) => {
    const grid = selfEvaluationGrid(subject);
    grids.push(grid);
    titles.push(i === 0 ? grid.title : `${grid.title}（${subject.projectName ?? ''}）`);
  });
  const single = grids.length === 1;
  const attachments = grids.map((grid, i) => ({ label: single ? '附件' : `附件${i + 1}`, title: grid.title, noteTitle: titles[i]!, grid }));

  const proseHasNote = doc.prose.some((p) => /附件[:：]/u.test(p.text));
  const attachmentNote = proseHasNote
    ? []
    : single
      ? [`附件：${attachments[0]!.noteTitle}`]
      : attachments.map((a, i) => `${i === 0 ? '附件：' : ''}${i + 1}．${a.noteTitle}`);

  const h = doc.header;
  const title = h.title.includes(h.organisation) ? [h.title] : [h.organisation, h.title];
  const signature = [h.organisation, ...(doc.meta.evaluationDate ? [doc.meta.evaluationDate] : [])];
  return { title, blocks, attachmentNote, signature, attachments };
}
