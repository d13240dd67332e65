/**
 * @module Prose against tables (正文与表格): figures in sentences matched to indicators by name,
 * year-on-year statements, stated totals and self-scores, amounts of the same (sub-)project in
 * different places, the survey sample, and rates stated in the prose.
 *
 * Matching is heuristic, so everything here is a warning or info, never an error, and a figure is
 * only called a disagreement when it is unambiguous (same unit, clearly the closest indicator, not
 * approximate, and no other sentence confirms the table).
 */
import { Dec, placesIn } from '../../decimal/index.js';
import type { ProseSection } from '../../model/index.js';
import { halfUnitOf, mainFundingTable } from '../../scoring/index.js';
import { unitInfo } from '../../targets/index.js';
import type { AuditContext, NodeInfo } from '../context.js';
import { dec } from '../context.js';
import { LABEL_ZH } from '../messages.js';
import { figuresIn, overlap } from '../text.js';
import type { ProseFigure } from '../text.js';

/** A figure found in a prose field of the document, with where it is. */
interface Mention {
  figure: ProseFigure;
  text: string;
  path: string;
  location: string;
  /** Id of the embedded project the text belongs to, or undefined for the document itself. */
  project: string | undefined;
}

/** Subjects must share this many character pairs with the indicator name, and cover this share of the shorter one. */
const CONFIRM_SHARED = 3;
const MISMATCH_SHARED = 4;
const MATCH_SCORE = 0.5;

export function checkProse(ctx: AuditContext): void {
  const mentions = collectMentions(ctx);
  checkIndicatorFigures(ctx, mentions);
  checkYearOnYear(ctx);
  checkSelfScores(ctx);
  checkStatedTotals(ctx, mentions);
  checkAmounts(ctx, mentions);
  checkSurvey(ctx, mentions);
  checkRates(ctx, mentions);
}

function sectionLocation(s: ProseSection): string {
  return [...s.path, s.heading].map((x) => x.trim()).filter((x) => x.length > 0).join(' › ') || LABEL_ZH.prose;
}

function collectMentions(ctx: AuditContext): Mention[] {
  const out: Mention[] = [];
  const { doc } = ctx;
  doc.prose.forEach((s, i) => {
    const location = sectionLocation(s);
    for (const figure of figuresIn(s.text)) out.push({ figure, text: s.text, path: `$.prose[${i}].text`, location, project: s.project });
  });
  doc.goals.forEach((g, i) => {
    for (const field of ['expected', 'actual'] as const) {
      const text = g[field];
      if (!text) continue;
      for (const figure of figuresIn(text)) out.push({ figure, text, path: `$.goals[${i}].${field}`, location: LABEL_ZH.goals, project: undefined });
    }
  });
  doc.projects.forEach((p, pi) => {
    p.goals.forEach((g, i) => {
      for (const field of ['expected', 'actual'] as const) {
        const text = g[field];
        if (!text) continue;
        for (const figure of figuresIn(text)) out.push({ figure, text, path: `$.projects[${pi}].goals[${i}].${field}`, location: `${p.name} › ${LABEL_ZH.goals}`, project: p.id });
      }
    });
  });
  return out;
}

/** The sentence around a figure, at most about 60 characters, for messages. */
function sentenceAround(text: string, index: number): string {
  const stops = '。；;\n';
  let start = index;
  while (start > 0 && !stops.includes(text[start - 1]!) && index - start < 50) start--;
  let end = index;
  while (end < text.length && !stops.includes(text[end]!) && end - index < 40) end++;
  return text.slice(start, end).trim();
}

// ---------------------------------------------------------------------------------------------
// Indicator actuals against prose figures

/** A comparable value: the number in a base unit, and the key of that unit. */
function measureKey(unit: string | undefined, percent: boolean, value: Dec): { key: string; value: Dec } | undefined {
  if (percent) return { key: '%', value };
  if (unit === undefined) return undefined;
  const info = unitInfo(unit);
  return { key: info.base, value: value.times(info.factor) };
}

function checkIndicatorFigures(ctx: AuditContext, mentions: readonly Mention[]): void {
  if (mentions.length === 0) return;
  const byTree: Array<Array<{ n: NodeInfo; key: string; value: Dec; text: string }>> = [];
  for (const n of ctx.nodes) {
    if (!n.leaf) continue;
    const a = ctx.actual(n);
    if (!a || a.kind !== 'measure' || a.approx !== undefined) continue;
    const m = measureKey(a.unit, a.percent, a.value);
    if (!m) continue;
    (byTree[n.tree] ??= []).push({ n, key: m.key, value: m.value, text: a.text });
  }
  byTree.forEach((leaves, tree) => {
    const projectId = tree === 0 ? undefined : ctx.doc.projects[tree - 1]!.id;
    const scoped = mentions.filter((m) => m.project === projectId && m.figure.subject.length >= 2 && !m.figure.bound && !m.figure.planned);
    for (const leaf of leaves) {
      const name = ctx.norm(leaf.n);
      const satisfaction = leaf.n.satisfaction || name.includes('满意');
      let confirm: { m: Mention; score: number } | undefined;
      let best: { m: Mention; score: number; shared: number; value: Dec } | undefined;
      for (const m of scoped) {
        const f = m.figure;
        // A satisfaction survey score (86.97分) reads as a percentage.
        const m2 = f.percent || (satisfaction && leaf.key === '%' && f.unit === '分') ? { key: '%', value: f.value } : measureKey(f.unit, false, f.value);
        if (!m2 || m2.key !== leaf.key) continue;
        const value = m2.value;
        const { shared, score } = overlap(f.subject, name);
        if (shared < CONFIRM_SHARED || score < MATCH_SCORE) continue;
        if (sameFigure(value, leaf.value, f.text, leaf.text)) {
          if (!confirm || score > confirm.score) confirm = { m, score };
        } else if (!f.approx && (!best || score > best.score)) {
          best = { m, score, shared, value };
        }
      }
      const location = ctx.location(leaf.n.index);
      if (confirm) {
        ctx.add('PROSE-FIGURE-CONFIRMED', `${leaf.n.path}.actual`, location, { value: leaf.value.toString() }, {
          sentence: sentenceAround(confirm.m.text, confirm.m.figure.index),
          tableText: leaf.text,
        });
        continue;
      }
      if (!best || best.shared < MISMATCH_SHARED) continue;
      // The mention must be about this indicator more than about any other of the tree.
      const rival = leaves.some((o) => o !== leaf && o.key === leaf.key && overlap(best!.m.figure.subject, ctx.norm(o.n)).score >= best!.score);
      if (rival) continue;
      ctx.add('PROSE-FIGURE-MISMATCH', `${leaf.n.path}.actual`, location, { table: leaf.value.toString(), prose: best.value.toString() }, {
        sentence: sentenceAround(best.m.text, best.m.figure.index),
        tableText: leaf.text,
        proseText: best.m.figure.text,
        prosePath: best.m.path,
      });
    }
  });
}

/** Equal values, or equal at the coarser of the two printed precisions (95% in prose for 95.03% in the table is not a disagreement). */
function sameFigure(a: Dec, b: Dec, aText: string, bText: string): boolean {
  if (a.eq(b)) return true;
  const coarser = placesIn(aText) <= placesIn(bText) ? aText : bText;
  return a.minus(b).abs().lte(halfUnitOf(coarser.replace(/[^\d.]/g, '') || '0'));
}

// ---------------------------------------------------------------------------------------------
// Year-on-year statements: 比上年增加194.09万元，增长10.86%

const UNIT_ALT = '万元|亿元|元|万户|户|万人次|人次|万人|人|个|家|件|台|批次|项|份';
const CHANGE_RE = new RegExp(
  `(增加|增长|上升|提高|净增|减少|下降|降低)了?([^\\d，。；,;]{0,8}?)(\\d+(?:\\.\\d+)?)(${UNIT_ALT})[，,、]?\\s*(?:同比|较上年|比上年)?(增长|上升|提高|下降|降低|减少)了?(\\d+(?:\\.\\d+)?)[%％]`,
  'g',
);
/** A base stated outright: 上年为1787.45万元, 上年决算数1787.45万元 (not 比上年增加…, which is the change). */
const BASE_RE = new RegExp(`(?:上年|去年)(?:同期)?(?:决算数?|预算数?|实际数?|支出|收入)?(?:为|是)?(\\d+(?:\\.\\d+)?)(${UNIT_ALT})`);
const UP = new Set(['增加', '增长', '上升', '提高', '净增']);

interface Change {
  up: boolean;
  /** The change as written, e.g. "2.67万户". */
  written: string;
  /** The change in the unit of the figures (万户 read as 户 × 10 000). */
  amount: Dec;
  amountSlack: Dec;
  unit: string;
  percent: Dec;
  percentText: string;
  index: number;
  end: number;
}

const TEN_THOUSAND = Dec.fromInt(10_000);

function changesIn(text: string): Change[] {
  const out: Change[] = [];
  CHANGE_RE.lastIndex = 0;
  for (let m = CHANGE_RE.exec(text); m !== null; m = CHANGE_RE.exec(text)) {
    let amount = Dec.parse(m[3]!);
    const percent = Dec.parse(m[6]!);
    if (!amount || !percent) continue;
    let amountSlack = halfUnitOf(m[3]!);
    let unit = m[4]!;
    if (unit.startsWith('万') && unit !== '万元') {
      // The prose scanner reads 41.7万户 as 417 000 户: compare in the same terms.
      amount = amount.times(TEN_THOUSAND);
      amountSlack = amountSlack.times(TEN_THOUSAND);
      unit = unit.slice(1);
    }
    // 增加…下降 contradicts itself: the percentage is taken with the opposite sign and never agrees.
    const sign = UP.has(m[1]!) === UP.has(m[5]!) ? percent : percent.neg();
    out.push({ up: UP.has(m[1]!), written: `${m[3]!}${m[4]!}`, amount, amountSlack, unit, percent: sign, percentText: m[6]!, index: m.index, end: m.index + m[0].length });
  }
  return out;
}

/** True when `percent` is what `amount` is of `base`, allowing for the rounding of every printed figure. */
function percentAgrees(amount: Dec, amountSlack: Dec, base: Dec, baseSlack: Dec, percent: Dec, percentText: string): boolean {
  if (percent.isNegative()) return false;
  const lowBase = base.minus(baseSlack);
  if (!base.gt(Dec.ZERO) || !lowBase.gt(Dec.ZERO)) return false;
  const lo = amount.minus(amountSlack).times(Dec.HUNDRED).div(base.plus(baseSlack), 8)!;
  const hi = amount.plus(amountSlack).times(Dec.HUNDRED).div(lowBase, 8)!;
  const hp = halfUnitOf(percentText);
  return percent.gte(lo.minus(hp)) && percent.lte(hi.plus(hp));
}

function checkChangeStatements(ctx: AuditContext, text: string, path: string, location: string, current: { value: Dec; slack: Dec; text: string } | undefined): void {
  for (const c of changesIn(text)) {
    const sentenceStart = Math.max(text.lastIndexOf('。', c.index), text.lastIndexOf('；', c.index), text.lastIndexOf('\n', c.index)) + 1;
    const sentence = text.slice(sentenceStart, c.end);
    const sentenceText = sentence.trim();
    const stated = BASE_RE.exec(sentence);
    if (stated && stated[2] === c.unit) {
      const base = Dec.parse(stated[1]!)!;
      if (!percentAgrees(c.amount, c.amountSlack, base, halfUnitOf(stated[1]!), c.percent, c.percentText)) {
        ctx.add('PROSE-YOY', path, location, { percent: c.percentText, base: stated[1]!, expected: expected(c.amount, base) }, { sentence: sentenceText, changeText: c.written, baseText: `${stated[1]!}${stated[2]!}` });
      }
      continue;
    }
    // Candidates for this year's figure: the field's own amount, or earlier figures of the paragraph in the same unit.
    const paragraphStart = text.lastIndexOf('\n', c.index) + 1;
    const candidates: Array<{ value: Dec; slack: Dec; text: string }> = [];
    if (current) candidates.push(current);
    for (const f of figuresIn(text.slice(paragraphStart, c.index))) {
      if (f.unit === c.unit && !f.approx && !f.value.isZero() && !f.value.eq(c.amount)) candidates.push({ value: f.value, slack: f.slack, text: f.text });
    }
    if (candidates.length === 0) continue;
    const consistent = candidates.some((cur) => {
      const base = c.up ? cur.value.minus(c.amount) : cur.value.plus(c.amount);
      return percentAgrees(c.amount, c.amountSlack, base, cur.slack.plus(c.amountSlack), c.percent, c.percentText);
    });
    if (consistent) continue;
    const nearest = candidates[candidates.length - 1]!;
    const base = c.up ? nearest.value.minus(c.amount) : nearest.value.plus(c.amount);
    ctx.add('PROSE-YOY', path, location, {
      change: c.amount.toString(),
      percent: c.percentText,
      current: nearest.value.toString(),
      expected: expected(c.amount, base),
    }, { sentence: sentenceText.length > 80 ? sentenceText.slice(-80) : sentenceText, changeText: c.written, currentText: nearest.text });
  }
}

function expected(amount: Dec, base: Dec): string {
  return base.gt(Dec.ZERO) ? amount.times(Dec.HUNDRED).div(base, 2)!.toString() : '—';
}

function checkYearOnYear(ctx: AuditContext): void {
  const { doc } = ctx;
  doc.prose.forEach((s, i) => {
    if (!s.text.includes('%') && !s.text.includes('％')) return;
    checkChangeStatements(ctx, s.text, `$.prose[${i}].text`, sectionLocation(s), undefined);
  });
  doc.funding?.tables.forEach((t, ti) => {
    t.rows.forEach((row, ri) => {
      if (!row.note) return;
      const own = Object.values(row.amounts).find((x) => x !== undefined);
      const value = own !== undefined ? Dec.parse(own) : undefined;
      const current = value && own !== undefined ? { value, slack: halfUnitOf(own), text: own } : undefined;
      checkChangeStatements(ctx, row.note, `$.funding.tables[${ti}].rows[${ri}].note`, `${t.title ?? LABEL_ZH.fundingTable} › ${row.label} › ${LABEL_ZH.notes}`, current);
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Self-scores and totals stated in prose

function treeIsScored(ctx: AuditContext, tree: number): boolean {
  return ctx.nodes.some((n) => n.tree === tree && (n.weight !== undefined || n.declared !== undefined || n.printed !== undefined));
}

function checkSelfScores(ctx: AuditContext): void {
  const { doc } = ctx;
  if (!treeIsScored(ctx, 0)) {
    if (doc.meta.statedSelfScore !== undefined) ctx.add('PROSE-SELF-SCORE-NO-TABLE', '$.meta.statedSelfScore', LABEL_ZH.statedSelfScore, { stated: doc.meta.statedSelfScore });
    else if (doc.meta.printedTotal !== undefined) ctx.add('PROSE-SELF-SCORE-NO-TABLE', '$.meta.printedTotal', LABEL_ZH.total, { stated: doc.meta.printedTotal });
  }
  doc.projects.forEach((p, i) => {
    if (p.printedTotal !== undefined && !treeIsScored(ctx, i + 1)) {
      ctx.add('PROSE-SELF-SCORE-NO-TABLE', `$.projects[${i}].printedTotal`, `${p.name} › ${LABEL_ZH.total}`, { stated: p.printedTotal });
    }
  });
}

const TOTAL_TAIL = /(总分|总得分|得分|分数|评分|自评分|结果)(为|是|达到|达)?$/;
const TOTAL_CONTEXT = /(自评|总分|综合|评价|绩效)/;
const NOT_TOTAL = /(该指标|该项|此项|基准分|标准分|分值|单项|满意|调查|问卷)/;

function checkStatedTotals(ctx: AuditContext, mentions: readonly Mention[]): void {
  const printedText = ctx.doc.meta.printedTotal ?? ctx.doc.meta.statedSelfScore;
  const printed = dec(printedText);
  if (!printed || printedText === undefined) return;
  for (const m of mentions) {
    const f = m.figure;
    if (m.project !== undefined || f.unit !== '分' || f.approx || f.bound || f.value.lt(Dec.of(50))) continue;
    const clause = f.subjectRaw;
    if (!TOTAL_TAIL.test(clause) || !TOTAL_CONTEXT.test(clause) || NOT_TOTAL.test(clause)) continue;
    if (sameFigure(f.value, printed, f.text, printedText)) continue;
    ctx.add('PROSE-TOTAL-MISMATCH', m.path, m.location, { prose: f.value.toString(), printed: printed.toString() }, { sentence: sentenceAround(m.text, f.index) });
  }
}

// ---------------------------------------------------------------------------------------------
// Amounts of the same (sub-)project in different places

const AMOUNT_STATEMENT = [
  /(资金|经费|预算|专项)[^，。；,;]{0,6}(共计|合计|总计|总额)(为|是)?$/,
  /总投资(额)?(为|是)?$/,
  /安排[^，。；,;]{0,4}资金(为|是)?$/,
  /共收到[^，。；,;]{0,20}资金$/,
];
const MONEY_TO_YUAN: Readonly<Record<string, Dec>> = { 元: Dec.ONE, 万元: Dec.fromInt(10_000), 亿元: Dec.fromInt(100_000_000) };

function toDocUnit(value: Dec, unit: string, docUnit: string): Dec | undefined {
  const from = MONEY_TO_YUAN[unit];
  const to = MONEY_TO_YUAN[docUnit];
  if (!from || !to) return undefined;
  return value.times(from).div(to, 8)!.normalize();
}

function isAmountStatement(f: ProseFigure): boolean {
  return f.unit in MONEY_TO_YUAN && !f.approx && AMOUNT_STATEMENT.some((re) => re.test(f.subjectRaw));
}

function budgetOf(amounts: Partial<Record<string, string>>): string | undefined {
  return amounts['annualBudget'] ?? amounts['budget'] ?? amounts['arranged'] ?? amounts['amount'] ?? amounts['initialBudget'];
}

function checkAmounts(ctx: AuditContext, mentions: readonly Mention[]): void {
  const { doc } = ctx;
  const docUnit = doc.funding?.unit ?? '万元';
  const report = (name: string, path: string, location: string, statements: Map<string, Dec>) => {
    const distinct = new Set([...statements.values()].map((d) => d.toString()));
    if (distinct.size < 2) return;
    const figures: Record<string, string> = { unit: docUnit };
    for (const [p, value] of statements) figures[p] = value.toString();
    ctx.add('PROSE-AMOUNT-CONFLICT', path, location, figures, { name });
  };
  const fromTables = (match: (row: { subProject?: string | undefined; project?: string | undefined }) => boolean, into: Map<string, Dec>) => {
    doc.funding?.tables.forEach((t, ti) => {
      t.rows.forEach((row, ri) => {
        if (!match(row)) return;
        const text = budgetOf(row.amounts);
        const value = text !== undefined ? Dec.parse(text) : undefined;
        const converted = value ? toDocUnit(value, t.unit, docUnit) : undefined;
        const col = (['annualBudget', 'budget', 'arranged', 'amount', 'initialBudget'] as const).find((c) => row.amounts[c] !== undefined);
        if (converted && col) into.set(`$.funding.tables[${ti}].rows[${ri}].amounts.${col}`, converted);
      });
    });
  };
  const fromMentions = (list: readonly Mention[], into: Map<string, Dec>) => {
    for (const m of list) {
      if (!isAmountStatement(m.figure)) continue;
      const value = toDocUnit(m.figure.value, m.figure.unit, docUnit);
      if (value) into.set(into.has(m.path) ? `${m.path}#${m.figure.index}` : m.path, value);
    }
  };

  doc.header.subProjects.forEach((sp, i) => {
    const statements = new Map<string, Dec>();
    const own = dec(sp.budget);
    if (own) statements.set(`$.header.subProjects[${i}].budget`, own);
    fromTables((row) => row.subProject === sp.id, statements);
    doc.goals.forEach((g, gi) => {
      if (g.subject !== sp.id) return;
      for (const field of ['expected', 'actual'] as const) {
        const text = g[field];
        if (!text) continue;
        fromMentions(figuresIn(text).map((figure) => ({ figure, text, path: `$.goals[${gi}].${field}`, location: '', project: undefined })), statements);
      }
    });
    report(sp.unit ? `（${sp.unit}）${sp.name}` : sp.name, `$.header.subProjects[${i}]`, `${LABEL_ZH.header} › ${LABEL_ZH.subProjects} › ${sp.name}`, statements);
  });

  doc.projects.forEach((p, i) => {
    const statements = new Map<string, Dec>();
    const own = dec(p.funding);
    if (own) statements.set(`$.projects[${i}].funding`, own);
    fromTables((row) => row.project === p.id, statements);
    fromMentions(mentions.filter((m) => m.project === p.id), statements);
    report(p.name, `$.projects[${i}]`, p.name, statements);
  });
}

// ---------------------------------------------------------------------------------------------
// Survey sample and rates

function checkSurvey(ctx: AuditContext, mentions: readonly Mention[]): void {
  const sampleText = ctx.doc.meta.survey?.sampleSize;
  const sample = dec(sampleText);
  if (!sample) return;
  for (const m of mentions) {
    const f = m.figure;
    if (f.unit !== '份' || f.approx || f.bound || !f.subjectRaw.includes('问卷')) continue;
    if (f.value.eq(sample)) continue;
    ctx.add('PROSE-SURVEY-SAMPLE', m.path, m.location, { table: sample.toString(), prose: f.value.toString() }, { sentence: sentenceAround(m.text, f.index) });
  }
}

const RATE_TAIL = /(预算执行率|执行率|资金到位率|到位率)(为|达|达到|是)?$/;

function checkRates(ctx: AuditContext, mentions: readonly Mention[]): void {
  if (!mentions.some((m) => m.figure.percent && m.project === undefined)) return;
  const { doc } = ctx;
  const total = mainFundingTable(doc)?.rows.find((r) => r.role === 'total');
  const budget = dec(total?.amounts.annualBudget);
  const executed = dec(total?.amounts.executed);
  const arrivalRow = doc.funding?.tables.flatMap((t) => t.rows).find((r) => r.role === 'total' && r.amounts.arranged !== undefined && r.amounts.arrived !== undefined);
  const arranged = dec(arrivalRow?.amounts.arranged);
  const arrived = dec(arrivalRow?.amounts.arrived);
  for (const m of mentions) {
    const f = m.figure;
    if (m.project !== undefined || !f.percent || f.approx || f.bound) continue;
    const tail = RATE_TAIL.exec(f.subjectRaw);
    if (!tail) continue;
    const arrival = tail[1]!.includes('到位');
    const num = arrival ? arrived : executed;
    const den = arrival ? arranged : budget;
    if (!num || !den || den.isZero()) continue;
    const exact = num.times(Dec.HUNDRED).div(den, 12)!;
    const printedNumber = f.text.replace(/[^\d.]/g, '');
    if (f.value.minus(exact).abs().lte(halfUnitOf(printedNumber))) continue;
    ctx.add('PROSE-RATE-MISMATCH', m.path, m.location, {
      prose: f.value.toString(),
      computed: exact.round(ctx.rs.rounding.ratePlaces, ctx.rs.rounding.mode).toString(),
    }, { sentence: sentenceAround(m.text, f.index) });
  }
}
