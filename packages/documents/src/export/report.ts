/**
 * @module The 自评报告 as a renderer-neutral model: title, numbered sections, attachments.
 *
 * The standard sections come from `skeleton.ts`; each is drafted by `draft.ts` unless the document's own
 * prose replaces it; the rest of the prose is kept in order under the nearest standard section. The docx
 * and HTML writers draw this model; neither decides content.
 */
import type { EvaluationDocument, ProseSection } from '@jixiao/core';
import { basicDataGrid } from './basic-data.js';
import type { BodyBlock } from './draft.js';
import { draftContext, draftPreamble, draftSection } from './draft.js';
import type { Grid } from './grid.js';
import type { StandardSection } from './skeleton.js';
import { DEPARTMENT_SECTIONS, PROJECT_SECTIONS, headingNumber, numberPrefix, placeProse } from './skeleton.js';
import { selfEvaluationGrid, tableSubjects } from './table.js';
import type { ExportOptions } from './types.js';

export type ReportBlock = { kind: 'heading'; level: 1 | 2 | 3 | 4; text: string } | BodyBlock;

export interface ReportAttachment {
  /** "附件" or "附件1". */
  label: string;
  title: string;
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

/** Builds the report model of a document. */
export function reportModel(doc: EvaluationDocument, options: ExportOptions = {}): ReportModel {
  const ctx = draftContext(doc, options);
  const sections: readonly StandardSection[] = ctx.department ? DEPARTMENT_SECTIONS : PROJECT_SECTIONS;
  const placement = placeProse(doc.prose, sections);
  const blocks: ReportBlock[] = [];

  // Introduction.
  const intro = placement.preamble.flatMap((p) => paragraphs(p.text));
  blocks.push(...(intro.length > 0 ? intro : [{ kind: 'paragraph' as const, text: draftPreamble(ctx) }]));

  // Heading counters of levels 1 and 2, so standard headings continue the user's numbering.
  const counters = [0, 0, 0];
  const bump = (level: 1 | 2, n?: number): number => {
    counters[level] = n ?? counters[level]! + 1;
    if (level === 1) counters[2] = 0;
    return counters[level]!;
  };

  const emitUser = (p: ProseSection): void => {
    const num = headingNumber(p.heading);
    if (num && num.level <= 2 && num.level === clampLevel(p.level)) bump(num.level as 1 | 2, num.n);
    if (p.heading.trim() !== '') blocks.push({ kind: 'heading', level: clampLevel(p.level), text: p.heading.trim() });
    blocks.push(...paragraphs(p.text));
  };

  const emitStandard = (sec: StandardSection): void => {
    const user = placement.matched.get(sec.key);
    const attached = placement.attached.get(sec.key) ?? [];
    const userText = user !== undefined && user.text.trim() !== '';
    const drafted = draftSection(sec.key, ctx, userText || attached.length > 0);
    const childrenHaveContent = (sec.children ?? []).some(
      (c) => placement.matched.has(c.key) || placement.attached.has(c.key) || !c.optional,
    );
    const draftedNothing = drafted.lead.length === 0 && drafted.trail.length === 0 && (drafted.tables ?? []).length === 0;
    if (sec.optional && !user && attached.length === 0 && draftedNothing && !childrenHaveContent) return;
    const n = bump(sec.level);
    const words = user ? (headingNumber(user.heading)?.rest ?? user.heading).trim() : sec.title;
    blocks.push({ kind: 'heading', level: sec.level, text: `${numberPrefix(sec.level, n)}${words || sec.title}` });
    blocks.push(...(userText ? paragraphs(user.text) : drafted.lead));
    blocks.push(...(drafted.tables ?? []));
    for (const p of attached) emitUser(p);
    blocks.push(...drafted.trail);
    for (const child of sec.children ?? []) emitStandard(child);
  };
  for (const sec of sections) emitStandard(sec);

  // Attachments: the 基础数据表 (departments), the 自评表, and one 自评表 per embedded project.
  const grids: Grid[] = [];
  const basic = basicDataGrid(doc);
  if (basic) grids.push(basic);
  for (const subject of tableSubjects(doc, options.scoring)) grids.push(selfEvaluationGrid(subject));
  const single = grids.length === 1;
  const attachments = grids.map((grid, i) => ({ label: single ? '附件' : `附件${i + 1}`, title: grid.title, grid }));

  const proseHasNote = doc.prose.some((p) => /附件[:：]/u.test(p.text));
  const attachmentNote = proseHasNote
    ? []
    : single
      ? [`附件：${attachments[0]!.title}`]
      : attachments.map((a, i) => `${i === 0 ? '附件：' : ''}${i + 1}．${a.title}`);

  const h = doc.header;
  const title = h.title.includes(h.organisation) ? [h.title] : [h.organisation, h.title];
  const signature = [h.organisation, ...(doc.meta.evaluationDate ? [doc.meta.evaluationDate] : [])];
  return { title, blocks, attachmentNote, signature, attachments };
}
