/**
 * @module The report's prose: the title block (organisation, title, year, level), numbered sections
 * (一、 / （一） / 1. / （1）) into `prose`, and the few facts the tables are checked against
 * (总分 and 等级 as stated, 离退休人员, the 公开 date and place, 存在的问题 / 改进措施). Pure.
 */
import type { ProseSection } from '@jixiao/core';
import { joinWrapped, matchKey, toHalfWidth } from '../text-util/normalise.js';
import type { Draft } from './draft.js';
import { headerField } from './vocabulary.js';

export interface Paragraph {
  text: string;
  where: string;
  /** Word outline level from the paragraph style (0 = 标题 1), when known. */
  outline?: number;
}

const CN_NUM = '[一二三四五六七八九十]+';
const H1 = new RegExp(`^${CN_NUM}[、.．]`, 'u');
const H2 = new RegExp(`^[（(]${CN_NUM}[)）]`, 'u');
const H3 = /^[0-9０-９]{1,2}[.．、](?![0-9０-９])/u;
const H4 = /^[（(][0-9０-９]{1,2}[)）]/u;

/** Heading level of a line (1 一、, 2 （一）, 3 1., 4 （1）) and the split point of "heading。body". */
export function headingOf(text: string): { level: number; heading: string; body: string } | undefined {
  const t = text.replace(/^[\s\u3000]+/u, '');
  let level = 0;
  if (H1.test(t)) level = 1;
  else if (H2.test(t)) level = 2;
  else if (H3.test(t)) level = 3;
  else if (H4.test(t)) level = 4;
  if (level === 0) return undefined;
  // A line that enumerates several items ("（一）负责…。（二）负责…。") is a paragraph, not a heading.
  const enumerators = t.match(level === 2 ? /[（(][一二三四五六七八九十]+[)）]/gu : level === 4 ? /[（(][0-9]{1,2}[)）]/gu : /^$/u);
  if (enumerators && enumerators.length >= 3) return undefined;
  const stop = firstSentenceEnd(t);
  const whole = stop < 0 || stop >= t.length - 1;
  if (level <= 2) {
    if (whole) return { level, heading: t, body: '' };
    return { level, heading: t.slice(0, stop + 1), body: t.slice(stop + 1).trim() };
  }
  // 1. / （1）: a short whole line, or a short first sentence (a longer one only without commas), is a heading.
  const numbering = (level === 3 ? H3 : H4).exec(t)![0];
  const rest = t.slice(numbering.length);
  const outside = (s: string): string => s.replace(/[（(][^)）]*[)）]/gu, '');
  if (whole && rest.length <= 40) return { level, heading: t, body: '' };
  if (stop >= 0) {
    const first = t.slice(numbering.length, stop + 1);
    const plain = outside(first);
    if (plain.length <= 20 || (plain.length <= 26 && !/[，,]/u.test(plain))) {
      return { level, heading: t.slice(0, stop + 1), body: t.slice(stop + 1).trim() };
    }
  }
  return undefined;
}

/** Index of the first 。 / ： / : that ends a sentence outside brackets and quotes; -1 when none. */
function firstSentenceEnd(t: string): number {
  let depth = 0;
  for (let i = 0; i < t.length; i++) {
    const c = t[i]!;
    if (c === '（' || c === '(' || c === '“' || c === '《') depth++;
    else if (c === '）' || c === ')' || c === '”' || c === '》') depth = Math.max(0, depth - 1);
    else if (depth === 0 && (c === '。' || c === '：' || c === ':')) return i;
  }
  return -1;
}

const ORG_RE = /^[\u4e00-\u9fa5（）()]{2,30}(局|委员会|委|厅|办公室|办事处|中心|院|所|站|馆|政府|部|署|会|处|队|公司|学校|医院)$/u;
const TITLE_RE = /(报告|自评表|评价表|申报表|自评情况|评价情况)$/u;

interface Section {
  id: string;
  heading: string;
  path: string[];
  level: number;
  lines: string[];
  inline: boolean;
  pseudo?: boolean;
  children: Section[];
}

/** Reads paragraphs into the draft: title block, sections and stated facts. */
export function readProse(paras: readonly Paragraph[], d: Draft): void {
  if (paras.length === 0) return;
  // ---- title block: the lines before the first 一、 heading
  let firstHeading = paras.findIndex((p) => headingOf(p.text)?.level === 1);
  if (firstHeading < 0) firstHeading = Math.min(paras.length, 12);
  let titleIdx = -1;
  for (let i = 0; i < Math.min(firstHeading, 30); i++) {
    const t = joinWrapped(paras[i]!.text);
    if (t.length <= 60 && TITLE_RE.test(t)) {
      titleIdx = i;
      break;
    }
  }
  const cover = new Set<number>();
  if (titleIdx >= 0) {
    const p = paras[titleIdx]!;
    const t = joinWrapped(p.text).trim();
    d.reportTitle = { text: t, where: p.where };
    d.rec('title', p.where, { value: t });
    cover.add(titleIdx);
    const prev = titleIdx > 0 ? joinWrapped(paras[titleIdx - 1]!.text).trim() : '';
    if (prev && ORG_RE.test(prev)) {
      d.organisationLine = { text: prev, where: paras[titleIdx - 1]!.where };
      cover.add(titleIdx - 1);
    }
    const k = matchKey(t);
    if (/部门整体|整体支出/.test(k)) d.level ??= 'department';
    else if (/项目/.test(k)) d.level ??= 'project';
    if (/申报/.test(k)) d.stage ??= 'goals';
    else if (/监控/.test(k)) d.stage ??= 'monitoring';
  }
  // Cover lines "项目名称 质量安全监管专项经费项目", and a "(2017年度)" line.
  for (let i = 0; i < firstHeading; i++) {
    const t = toHalfWidth(paras[i]!.text).trim();
    const y = /^\(?((?:19|20)\d{2})年度?\)?$/.exec(t);
    if (y) {
      d.year ??= { value: Number(y[1]), source: `“${t}”`, where: paras[i]!.where };
      cover.add(i);
      continue;
    }
    const m = /^([\u4e00-\u9fa5（）()]{2,12})\s+(\S.*)$/u.exec(paras[i]!.text.trim());
    if (m) {
      const label = m[1]!.replace(/[（(]公章[)）]/u, '');
      const field = headerField(label);
      if (field) {
        const value = m[2]!.trim();
        cover.add(i);
        if (field === 'projectName') d.projectName ??= value;
        else if (field === 'supervisingDepartment') d.supervisingDepartment ??= value;
        else if (field === 'organisation') d.organisation ??= value;
        else if (field === 'evaluationDate') d.evaluationDate ??= value;
        else if (field === 'implementingUnits') {
          let v = value;
          // A wrapped cover line continues on the next line ("…产品质量监督处\n、稽查总队、纤检局").
          const next = paras[i + 1]?.text.trim() ?? '';
          if (/^[、，]/u.test(next)) {
            v += next;
            cover.add(i + 1);
          }
          for (const u of v.split(/[、，,]/u).map((s) => s.trim())) if (u && !d.implementingUnits.includes(u)) d.implementingUnits.push(u);
        }
        d.rec('header-field', paras[i]!.where, { label, value });
      }
    }
  }
  if (d.reportTitle && !d.year) {
    const y = /((?:19|20)\d{2})年/.exec(toHalfWidth(d.reportTitle.text));
    if (y) d.year = { value: Number(y[1]), source: `标题“${d.reportTitle.text}”`, where: d.reportTitle.where };
  }
  if (!d.organisation && d.organisationLine) d.organisation = d.organisationLine.text;
  if (!d.year) {
    // The year named most often as "20xx年度".
    const counts = new Map<string, number>();
    for (const p of paras) for (const m of p.text.matchAll(/((?:19|20)\d{2})年度/gu)) counts.set(m[1]!, (counts.get(m[1]!) ?? 0) + 1);
    const best = [...counts].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))[0];
    if (best) {
      d.year = { value: Number(best[0]), source: `正文中出现最多的“${best[0]}年度”`, where: '' };
      d.guessInfo('year-from', '', { year: Number(best[0]), source: `正文中出现最多的“${best[0]}年度”（${best[1]} 次）` });
    }
  }

  // ---- sections
  const root: Section = { id: 's', heading: '', path: [], level: 0, lines: [], inline: false, children: [] };
  const intro: Section = { id: 's0', heading: d.reportTitle?.text ?? '', path: [], level: 0, lines: [], inline: false, children: [] };
  const stack: Section[] = [root];
  const counters: number[] = [0, 0, 0, 0, 0];
  let current: Section = intro;
  const menuLike = (t: string): boolean => t.length <= 6 && !/[。，；]/u.test(t);
  for (let i = 0; i < paras.length; i++) {
    if (cover.has(i)) continue;
    const p = paras[i]!;
    const text = p.text.trim();
    if (text === '') continue;
    if (i < firstHeading && titleIdx >= 0 && i < titleIdx && menuLike(text)) continue; // a site's menu above the title
    let h = headingOf(text);
    let pseudo = false;
    // A Word heading style (outline level) marks a heading even when the numbering is automatic.
    if (!h && p.outline !== undefined && p.outline < 9 && text.length <= 60) h = { level: p.outline + 1, heading: text, body: '' };
    // A short line ending with a colon ("存在的问题：") heads the lines below it, one level down.
    if (!h && /^[\u4e00-\u9fa5、]{2,14}[:：]$/u.test(text) && current !== intro) {
      h = { level: Math.min(9, current.pseudo ? current.level : current.level + 1), heading: text, body: '' };
      pseudo = true;
    }
    if (h) {
      while (stack.length > 1 && stack[stack.length - 1]!.level >= h.level) stack.pop();
      const parent = stack[stack.length - 1]!;
      counters[h.level] = (counters[h.level] ?? 0) + 1;
      for (let k = h.level + 1; k < counters.length; k++) counters[k] = 0;
      const id = parent === root ? `s${parent.children.length + 1}` : `${parent.id}.${parent.children.length + 1}`;
      const sec: Section = {
        id,
        heading: h.heading,
        path: [...parent.path, ...(parent === root ? [] : [parent.heading])],
        level: h.level,
        lines: h.body ? [h.body] : [],
        inline: h.body !== '',
        children: [],
      };
      if (pseudo) sec.pseudo = true;
      parent.children.push(sec);
      stack.push(sec);
      current = sec;
      continue;
    }
    current.lines.push(text);
  }
  const out: ProseSection[] = [];
  if (intro.lines.length > 0) out.push({ id: d.uniqueId('s0'), heading: intro.heading, path: [], level: 0, text: intro.lines.join('\n') });
  const walk = (secs: Section[]): void => {
    for (const s of secs) {
      out.push({ id: d.uniqueId(s.id), heading: s.heading, path: s.path, level: s.level, text: s.lines.join('\n') });
      d.rec('prose-section', '', { heading: s.heading });
      walk(s.children);
    }
  };
  walk(root.children);
  d.prose.push(...out);

  // ---- facts stated in the prose
  const all = paras.map((p) => p.text);
  const joined = all.join('\n');
  const grade = /(?:综合评价|评价等级|评价等次|绩效评价等次|等级|等次|评定)(?:为|是|：|:)\s*[“"]?(优秀|优|良好|良|中等|中|合格|差|不合格)[”"]?/u.exec(joined);
  if (grade && !d.printedGrade) {
    d.printedGrade = grade[1]!;
    const where = paras[all.findIndex((t) => t.includes(grade[0]))]?.where ?? '';
    d.rec('grade', where, { value: grade[1]! });
  }
  const score = /(?:自评得分|得分|评价结果|自评分数|自评分|评分)为?\s*([0-9]+(?:\.[0-9]+)?)\s*分/u.exec(joined);
  if (score) d.proseScore = { value: score[1]!, where: paras[all.findIndex((t) => t.includes(score[0]))]?.where ?? '' };
  const retired = /离退休人员\s*([0-9]+)\s*人/u.exec(joined);
  if (retired) d.proseRetired = retired[1]!;
  const pub = /于(\d{4}年\d{1,2}月\d{1,2}日)在([^，。,]{2,20}?)(?:上)?公开/u.exec(joined);
  if (pub) d.publication = { date: pub[1]!, place: pub[2]!.replace(/上$/u, '') };
  // 存在的问题 / 改进措施: the numbered items under those headings, one string each.
  const items = (re: RegExp): string[] => {
    const found: string[] = [];
    const matches = (s: Section): boolean => re.test(matchKey(s.heading));
    const deep = (s: Section): boolean => s.children.some((c) => matches(c) || deep(c));
    const visit = (secs: Section[]): void => {
      for (const s of secs) {
        if (deep(s)) {
          visit(s.children);
          continue;
        }
        if (!matches(s)) continue;
        if (s.children.length > 0) {
          for (const c of s.children) {
            const head = c.heading.replace(/^([（(]?[0-9０-９一二三四五六七八九十]+[)）]?[、.．]?)\s*/u, '');
            found.push(c.lines.length === 0 ? head : `${head}${c.inline ? '' : '\n'}${c.lines.join('\n')}`);
          }
        } else found.push(...s.lines.filter((l) => l.length > 8));
      }
    };
    visit(root.children);
    return found;
  };
  d.problems.push(...items(/存在的?问题$|存在问题|问题及原因/));
  d.measures.push(...items(/改进措施|改进建议|下一步/));
}
