/**
 * @module From a page (paragraphs and tables from any reader) to finished documents and their reports.
 * This is the one place where the converters are put together; it is pure and shared by all formats.
 */
import type { EvaluationDocument, IndicatorNode } from '@jixiao/core';
import type { Page } from '../model.js';
import { importError } from '../messages.js';
import { joinWrapped, matchKey } from '../text-util/normalise.js';
import type { ImportError, ImportNote, ImportReport, ImportedDocument } from '../types.js';
import { bucketOf, type Draft, finishDraft, reportOf } from './draft.js';
import { readProseScoring, readProseTargets } from './prose-indicators.js';
import { headingOf, readProse, type Paragraph } from './prose.js';
import { type Caption, TableConverter } from './tables.js';
import { titleKind } from './vocabulary.js';

export interface ConvertOptions {
  format: ImportReport['format'];
  fileName?: string;
  /** Notes made while reading bytes (cached formulas, truncated sheets) for every document of the file. */
  fileNotes?: ImportNote[];
  /** Used only when no year is found anywhere. */
  fallbackYear?: number;
}

const UNIT_LINE = /^[（(]?\s*(?:金额)?单位\s*[:：]\s*(万元|元)\s*[)）]?$/u;

/** Converts one page into drafts (several when a page holds several tables). */
export function convertPage(page: Page, opts: ConvertOptions): Draft[] {
  const ctx = { format: opts.format, ...(opts.fileName !== undefined ? { fileName: opts.fileName } : {}) };
  const conv = new TableConverter(ctx);
  const paras: Paragraph[] = [];
  const recent: number[] = []; // indices into paras of the paragraphs since the last table
  for (const block of page.blocks) {
    if (block.kind === 'paragraph') {
      const p: Paragraph = { text: block.text, where: block.where };
      if (block.outline !== undefined) p.outline = block.outline;
      paras.push(p);
      recent.push(paras.length - 1);
      continue;
    }
    // Caption: "（单位：万元）" and the title line above the table; a 自评表 title starts a new draft.
    const caption: Caption = {};
    const consumed: number[] = [];
    const tail = recent.slice(-3);
    for (let k = tail.length - 1; k >= 0; k--) {
      const idx = tail[k]!;
      const t = joinWrapped(paras[idx]!.text);
      const unit = UNIT_LINE.exec(t);
      if (unit && k === tail.length - 1) {
        caption.unit = unit[1] as '万元' | '元';
        consumed.push(idx);
        continue;
      }
      if (/^附件\s*[0-9０-９一二三四五六七八九十]*\s*[:：]?$/u.test(t)) {
        consumed.push(idx);
        continue;
      }
      if (!caption.title && t.length <= 50 && !headingOf(t) && !/[。，；]/u.test(t) && (titleKind(t) || /(表|情况|明细|统计)$/u.test(t))) {
        caption.title = { text: t, where: paras[idx]!.where };
        consumed.push(idx);
        continue;
      }
      break;
    }
    for (const idx of consumed) (paras[idx] as Paragraph & { caption?: true }).caption = true;
    recent.length = 0;
    if (caption.title) {
      const tk = titleKind(caption.title.text);
      if (tk) conv.title(caption.title.text, caption.title.where, tk);
    }
    conv.setCaption(caption);
    conv.table(block.table);
  }
  const drafts = conv.drafts;
  const first = drafts[0]!;
  const prose = paras.filter((p) => !(p as Paragraph & { caption?: true }).caption);
  if (prose.length > 0) {
    readProse(prose, first);
    if (first.indicators.length === 0) {
      const scored = readProseScoring(prose, first);
      if (!scored) readProseTargets(prose, first);
    }
  }
  for (const d of drafts) {
    for (const n of page.notes) d.addNote(n, bucketOf(n.code));
  }
  return drafts;
}

function yearFromFileName(name: string | undefined): number | undefined {
  if (!name) return undefined;
  const m = /(?:^|[^0-9])((?:19|20)\d{2})(?:[^0-9]|$)/.exec(name);
  return m ? Number(m[1]) : undefined;
}

/**
 * A 基础数据表 on its own sheet (or page) belongs to the department 自评表 next to it: its staffing,
 * expense control, buildings and saving measures are moved into that draft.
 */
export function mergeDepartmentData(drafts: Draft[]): Draft[] {
  const out: Draft[] = [];
  const orphans: Draft[] = [];
  for (const d of drafts) {
    const onlyBasic =
      (d.staffing !== undefined || d.expenseControl !== undefined || d.buildingsSeen || d.savingMeasures !== undefined) &&
      !d.hasSelfEvaluation &&
      d.indicators.length === 0 &&
      d.fundingTables.length === 0;
    if (onlyBasic) orphans.push(d);
    else out.push(d);
  }
  const targets = out.filter((d) => d.hasSelfEvaluation && d.level === 'department' && !d.staffing && !d.expenseControl);
  for (const o of orphans) {
    const t = targets.shift();
    if (!t) {
      out.push(o);
      continue;
    }
    if (o.staffing) t.staffing = o.staffing;
    if (o.expenseControl) t.expenseControl = o.expenseControl;
    if (o.buildingsSeen) t.buildingsSeen = true;
    t.buildings.push(...o.buildings);
    if (o.savingMeasures !== undefined) t.savingMeasures = o.savingMeasures;
    for (const n of o.recognised) t.addNote(n, 'recognised');
    for (const n of o.skipped) t.addNote(n, 'skipped');
    for (const n of o.guessed) t.addNote(n, 'guessed');
  }
  return out;
}

/** Final touches that need the whole draft, then validation. */
export function finishDrafts(
  drafts: Draft[],
  opts: ConvertOptions,
): { ok: true; documents: ImportedDocument[] } | { ok: false; error: ImportError } {
  const out: ImportedDocument[] = [];
  for (const d of mergeDepartmentData(drafts)) {
    const useful =
      d.hasSelfEvaluation ||
      d.indicators.length > 0 ||
      d.fundingTables.length > 0 ||
      d.goals.length > 0 ||
      d.staffing !== undefined ||
      d.expenseControl !== undefined ||
      d.projects.length > 0;
    if (!useful) continue;
    // Level: the 基础数据表 or a 部门 title make a department document.
    if (!d.level) {
      const t = matchKey(`${d.reportTitle?.text ?? ''}${d.tableTitle?.text ?? ''}`);
      d.level = d.staffing || d.expenseControl || /部门整体|整体支出/.test(t) ? 'department' : 'project';
      d.guessInfo('level-guessed', d.tableTitle?.where ?? d.reportTitle?.where ?? '', { level: d.level === 'department' ? '部门整体支出' : '项目支出' });
    }
    if (!d.year) {
      const fy = yearFromFileName(opts.fileName);
      if (fy) {
        d.year = { value: fy, source: `文件名“${opts.fileName}”`, where: opts.fileName ?? '' };
        d.guessInfo('year-from', opts.fileName ?? '', { year: fy, source: `文件名“${opts.fileName}”` });
      } else if (d.projectCode && /^\d{8}/.test(d.projectCode)) {
        const y = 2000 + Number(d.projectCode.slice(6, 8));
        d.year = { value: y, source: '项目编码第 7–8 位', where: '' };
        d.guess('year-from', '', { year: y, source: `项目编码“${d.projectCode}”第 7–8 位` });
      }
    }
    if (d.proseScore && d.printedTotal === undefined) {
      if (d.scoredInProse) d.printedTotal = d.proseScore.value;
      else d.statedSelfScore = d.proseScore.value;
      d.rec('total-row', d.proseScore.where, { value: d.proseScore.value });
    }
    if (d.staffing && d.staffing.retired === undefined && d.proseRetired) d.staffing.retired = d.proseRetired;
    if (d.indicators.length > 0) {
      for (const n of walk(d.indicators)) {
        if (n.children && n.children.length === 0) {
          delete n.children;
          if (n.weight === undefined && n.target === undefined && n.printedScore === undefined && n.category !== undefined) {
            d.skip('empty-section', n.source ?? '', { name: n.name });
          }
        }
      }
    }
    if (d.indicators.length > 0 && ![...walk(d.indicators)].some((n) => !n.children && n.category === undefined)) {
      d.skip('empty-grid', d.tableTitle?.where ?? '');
    }
    if (opts.fileNotes) for (const n of opts.fileNotes) d.addNote(n, bucketOf(n.code));
    const fallback = opts.fallbackYear ?? new Date().getFullYear();
    const done = finishDraft(d, fallback);
    if (!done.ok) {
      return { ok: false, error: importError('internal', { detail: `生成的文档未通过校验：${done.issues.slice(0, 3).join('；')}` }) };
    }
    out.push({ document: done.document as EvaluationDocument, report: reportOf(d, opts.format, opts.fileName) });
  }
  return { ok: true, documents: out };
}

function* walk(nodes: readonly IndicatorNode[]): Generator<IndicatorNode> {
  for (const n of nodes) {
    yield n;
    if (n.children) yield* walk(n.children);
  }
}
