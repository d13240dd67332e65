/**
 * @module The table converter: rows of cells → parts of evaluation documents, plus report notes.
 *
 * It walks the rows of a page in order with a small state machine. Header rows are recognised by
 * their words (vocabulary.ts) and set the state: header block (label / value pairs), money table,
 * 年度总体目标, indicator grid, 总分 row, and the department 基础数据表 parts. Every other row is read
 * by the current state, by column role, never by cell address. Several 自评表 on one page become
 * several drafts. Pure: no I/O.
 */
import type { FundingTable, IndicatorNode, MoneyUnit } from '@jixiao/core';
import type { Cell, Row, Table } from '../model.js';
import { cleanText, isBlankValue, joinWrapped, matchKey, toHalfWidth } from '../text-util/normalise.js';
import { parseFigure, parsePercent, parseScore } from '../text-util/numbers.js';
import { alignOffset, NUM_CELL, nonEmptyTexts, splitGluedScores, unitIn } from './cells.js';
import { buildingRow, departmentHeader, expenseRow, staffingRow } from './department.js';
import { Draft } from './draft.js';
import { gradeOf, idPart, isNotApplicable, isNotApplicableWord, sectionLabel } from './labels.js';
import { arrivalHeader, arrivalRow, fundingHeader, fundingRow, isFundingTotalRow, natureRow, startFunding } from './money.js';
import type { Caption, ConverterContext, ExpenseParents, IndicatorCols, PageContext, State } from './state.js';
import { headerField, type HeaderField, headerKey, indicatorRole, type IndicatorRole, segmentHeaderWords, sectionCategory, titleKind } from './vocabulary.js';

export type { Caption, PageContext } from './state.js';

/** Recognises the tables of one page. Paragraph handling (captions) is fed in by the caller. */
export class TableConverter implements ConverterContext {
  readonly drafts: Draft[] = [];
  state: State = { kind: 'none' };
  caption: Caption = {};
  expenseParents: ExpenseParents = {};
  /** The sections the next indicator rows belong to (vertical merges and blank cells continue them). */
  private ind: {
    top?: { node: IndicatorNode; key: string };
    mid?: { node: IndicatorNode; key: string };
    inheritNoted: boolean;
  } = { inheritNoted: false };

  constructor(private readonly ctx: PageContext) {
    this.drafts.push(new Draft());
  }

  get draft(): Draft {
    return this.drafts[this.drafts.length - 1]!;
  }

  get format(): PageContext['format'] {
    return this.ctx.format;
  }

  reread(row: Row): void {
    this.state = { kind: 'none' };
    this.row(row, [row], 0);
  }

  /** Starts a new draft when the current one already holds a 自评表. */
  fresh(): Draft {
    if (this.draft.hasSelfEvaluation) {
      const d = new Draft();
      // A second table on the same page inherits nothing but the page-level year hint.
      this.drafts.push(d);
      this.ind = { inheritNoted: false };
    }
    return this.draft;
  }

  setCaption(caption: Caption): void {
    this.caption = caption;
  }

  /** Reads every row of a table. */
  table(table: Table): void {
    this.state = { kind: 'none' };
    const rows = table.rows;
    this.pendingTexts = [];
    for (const r of rows) {
      for (const c of r.cells) if (c.text !== '' && !c.merged && this.pendingTexts.length < 4000) this.pendingTexts.push(c.text);
    }
    for (let i = 0; i < rows.length; i++) {
      let row = rows[i]!;
      const width = this.stateWidth();
      // Text exports break a row where a cell ends with an empty paragraph: rejoin the two halves.
      if (this.ctx.format === 'text' && width > 0 && row.cells.length < width && i + 1 < rows.length) {
        const next = rows[i + 1]!;
        if (next.cells.length < width && row.cells.length + next.cells.length === width) {
          row = { cells: [...row.cells, ...next.cells], where: row.where };
          this.draft.guessInfo('row-merged', row.where);
          i++;
        }
      }
      // Multi-row headers: the rows right after a header that hold only header words extend it.
      this.row(row, rows, i);
    }
    this.caption = {};
    this.reconcileDeclaredUnits();
  }

  /** 项目总金额 and 本年度项目金额 share one label convention: when one is judged to be in 元, so is the other. */
  private reconcileDeclaredUnits(): void {
    for (const d of this.drafts) {
      const declared = d.fundingTables.filter((t) => t.id === 'annual-amount' || t.id === 'total-amount');
      if (!declared.some((t) => t.unit === '元') || declared.every((t) => t.unit === '元')) continue;
      for (const t of declared) {
        if (t.unit === '元') continue;
        t.unit = '元';
        const row = t.rows[0]!;
        const value = Object.values(row.amounts)[0] ?? '';
        d.guess('unit-mismatch', this.declaredWhere.get(t) ?? row.label, { label: row.label, value, reason: '与同一表头中另一项金额的单位口径一致，应为“元”' });
      }
      if (d.fundingUnit === '万元') d.fundingUnit = '元';
    }
  }

  private stateWidth(): number {
    switch (this.state.kind) {
      case 'indicators':
        return this.state.cols.width;
      case 'funding':
        return this.state.cols.width;
      case 'goals':
        return this.state.width;
      default:
        return 0;
    }
  }

  private row(row: Row, rows: Row[], index: number): void {
    const cells = nonEmptyTexts(row);
    if (cells.length === 0) return;
    const d = this.draft;
    const first = cells[0]!;
    const firstKey = matchKey(first.text);

    // Title row: a single text (usually merged across the sheet) naming the table.
    if (cells.length === 1 || cells.every((c) => c.text === first.text)) {
      const tk = titleKind(first.text);
      if (tk) {
        this.title(first.text, first.where, tk);
        return;
      }
    }

    const indCols = this.indicatorHeader(row, rows, index);
    if (indCols) {
      const dd = this.draft.indicators.length > 0 ? this.fresh() : this.draft;
      dd.hasSelfEvaluation = true;
      dd.hasTable = true;
      this.state = { kind: 'indicators', cols: indCols };
      this.ind = { inheritNoted: false };
      dd.rec('table-found', row.where, { what: '绩效指标表' });
      for (const c of row.cells) {
        if (c.text !== '' && indicatorRole(c.text) === undefined && !segmentHeaderWords(c.text)) {
          dd.skip('unrecognised-column', c.where, { header: joinWrapped(c.text) });
        }
      }
      return;
    }

    if (this.goalsHeader(row, cells)) return;

    if (this.state.kind !== 'funding' || !isFundingTotalRow(cells)) {
      const fCols = fundingHeader(row);
      if (fCols) {
        startFunding(this, row, fCols, rows, index);
        return;
      }
    }

    if (arrivalHeader(this, row, cells)) return;

    // 总分 row.
    if (/^(总分|合计得分|总得分|综合得分|自评总分|得分合计|总计得分|自评得分合计)$/.test(firstKey) || (firstKey === '合计' && this.state.kind === 'indicators')) {
      this.totalRow(row, cells);
      return;
    }
    const gradeLabel = /^(评价等级|绩效等级|自评等级|等级|综合评价等级|评价结果)$/.test(firstKey);
    if (gradeLabel && cells.length >= 2) {
      const g = gradeOf(cells[1]!.text);
      if (g) {
        d.printedGrade = g;
        d.rec('grade', cells[1]!.where, { value: g });
        return;
      }
    }

    if (departmentHeader(this, row, cells)) return;

    // Header block: label / value pairs.
    if (this.state.kind !== 'indicators' || headerField(first.text) === 'projectName') {
      if (this.keyValues(row)) return;
    }

    switch (this.state.kind) {
      case 'indicators':
        this.indicatorRow(row, this.state.cols);
        return;
      case 'funding':
        fundingRow(this, row, this.state);
        return;
      case 'nature':
        natureRow(this, row, this.state);
        return;
      case 'arrival':
        arrivalRow(this, row, this.state.table);
        return;
      case 'goals':
        this.goalsRow(row, this.state);
        return;
      case 'staffing':
        staffingRow(this, row, this.state);
        return;
      case 'expense':
        expenseRow(this, row, this.state);
        return;
      case 'buildings':
        buildingRow(this, row, cells);
        return;
      default:
        d.skip('unused-row', row.where, { text: cells.map((c) => joinWrapped(c.text)).join(' | ').slice(0, 80) });
    }
  }

  // -------------------------------------------------------------------------------------------
  // Titles and the header block

  title(text: string, where: string, kind: NonNullable<ReturnType<typeof titleKind>>): void {
    const t = joinWrapped(text);
    let d = this.draft;
    if (kind !== 'basic-data') d = this.fresh();
    d.hasTable = true;
    if (kind === 'goals') d.stage = 'goals';
    if (kind === 'evaluation') d.stage ??= 'evaluation';
    if (kind !== 'basic-data' && !d.tableTitle) d.tableTitle = { text: t, where };
    const k = matchKey(t);
    if (/部门整体|整体支出|部门预算/.test(k)) d.level = 'department';
    else if (/项目/.test(k)) d.level ??= 'project';
    if (kind === 'basic-data') d.level = 'department';
    const y = /((?:19|20)\d{2})年/.exec(toHalfWidth(t));
    if (y && !d.year) d.year = { value: Number(y[1]), source: `表题“${t}”`, where };
    d.rec('title', where, { value: t });
    this.state = { kind: 'none' };
  }

  /** Label / value pairs: "项目名称 | 质量监督专项 | 主管部门 | 益阳市人民政府". */
  private keyValues(row: Row): boolean {
    const cells = row.cells;
    let found = false;
    for (let i = 0; i < cells.length; i++) {
      const c = cells[i]!;
      if (c.text === '' || c.merged) continue;
      const field = headerField(c.text);
      if (!field) continue;
      // The value: the next cell that is neither empty, a merged copy of the label, nor another label.
      let value: Cell | undefined;
      for (let j = i + 1; j < cells.length; j++) {
        const v = cells[j]!;
        if (v.text === '' || v.text === c.text) continue;
        if (headerField(v.text)) break;
        value = v;
        break;
      }
      found = true;
      if (value) this.headerValue(field, joinWrapped(c.text).replace(/[:：]$/u, ''), value);
      else this.draft.skip('unused-cell', c.where, { text: joinWrapped(c.text) });
    }
    if (found) {
      this.draft.hasTable = true;
      if (this.state.kind !== 'kv') this.state = { kind: 'kv' };
    }
    return found;
  }

  private headerValue(field: HeaderField, label: string, cell: Cell): void {
    const d = this.draft;
    let text = cleanText(cell.text);
    // Real exports leave stray quotes and tabs around long texts.
    const unquoted = text.replace(/^"([\s\S]*)"$/u, '$1').replace(/\t+/g, ' ').trim();
    if (unquoted !== text) {
      d.guessInfo('stray-chars', cell.where, { what: text.startsWith('"') ? '首尾引号、制表符' : '制表符' });
      text = unquoted;
    }
    const one = joinWrapped(text);
    const recognise = (): void => d.rec('header-field', cell.where, { label, value: one.slice(0, 60) });
    switch (field) {
      case 'projectName':
        if (d.projectName && d.hasSelfEvaluation) {
          // A second header block: a second table on the same page.
          const nd = this.fresh();
          nd.projectName = one;
          nd.level ??= 'project';
          nd.rec('header-field', cell.where, { label, value: one });
          return;
        }
        d.projectName = one;
        d.level ??= 'project';
        recognise();
        return;
      case 'projectCode': {
        let code = one;
        if (cell.numeric !== undefined) {
          code = cell.numeric;
          if (cell.imprecise) d.guess('float-code', cell.where, { value: code });
        }
        d.projectCode = code;
        if (!d.region && /^\d{6}/.test(code)) {
          d.region = code.slice(0, 6);
          d.guessInfo('region-from-code', cell.where, { region: d.region });
        }
        recognise();
        return;
      }
      case 'supervisingDepartment':
        d.supervisingDepartment = one;
        recognise();
        return;
      case 'topUnit':
        d.supervisingDepartment ??= one;
        recognise();
        return;
      case 'implementingUnits':
        for (const u of one.split(/[、，,；;]/u).map((s) => s.trim())) if (u && !d.implementingUnits.includes(u)) d.implementingUnits.push(u);
        recognise();
        return;
      case 'organisation':
        d.organisation = one;
        if (/预算部门|部门名称/.test(matchKey(label))) d.level ??= 'department';
        recognise();
        return;
      case 'periodStart':
        d.periodStart = one;
        recognise();
        return;
      case 'periodEnd':
        d.periodEnd = one;
        recognise();
        return;
      case 'year': {
        const y = /((?:19|20)\d{2})/.exec(one);
        if (y) d.year = { value: Number(y[1]), source: `“${label}”`, where: cell.where };
        recognise();
        return;
      }
      case 'evaluationDate':
        d.evaluationDate = one;
        recognise();
        return;
      case 'totalAmount':
      case 'annualAmount':
        this.declaredAmount(field, label, cell);
        return;
      case 'annualGoal':
        d.goals.push({ expected: text });
        d.rec('goal-row', cell.where);
        return;
      case 'longTermGoal':
      case 'policyBasis':
      case 'calculationBasis':
        d.prose.push({ id: d.uniqueId(`kv-${field}`), heading: label, path: [], level: 1, text });
        recognise();
        return;
      default:
        d.docNotes.push(`${label}：${one}`);
        recognise();
    }
  }

  /** 项目总金额 / 本年度项目金额 of a goal declaration; checks the 万元 label against the figure. */
  private declaredAmount(field: 'totalAmount' | 'annualAmount', label: string, cell: Cell): void {
    const d = this.draft;
    const fig = cell.numeric !== undefined ? { value: cell.numeric } : parseFigure(cell.text);
    if (!fig) {
      d.skip('unused-cell', cell.where, { text: cell.text });
      return;
    }
    let unit: MoneyUnit = unitIn(label) ?? '万元';
    const name = joinWrapped(label).replace(/[(（][^)）]*[)）]/gu, '');
    if (unit === '万元' && fig.value !== '0' && !/^0(\.0+)?$/.test(fig.value)) {
      const reason = this.yuanEvidence(fig.value);
      if (reason) {
        unit = '元';
        d.guess('unit-mismatch', cell.where, { label: name, value: fig.value, reason });
      }
    }
    const id = field === 'annualAmount' ? 'annual-amount' : 'total-amount';
    const table: FundingTable = {
      id,
      title: joinWrapped(label),
      kind: field === 'annualAmount' ? 'project-funding' : 'other',
      unit,
      rows: [{ label: name, role: 'total', amounts: field === 'annualAmount' ? { annualBudget: fig.value } : { budget: fig.value } }],
    };
    d.fundingTables.push(table);
    this.declaredWhere.set(table, cell.where);
    if (field === 'annualAmount') d.fundingUnit = unit;
    d.rec('funding-row', cell.where, { label: name });
  }

  /** Why a figure labelled 万元 is probably in 元: its size, or the same amount written in 万元 elsewhere. */
  private pendingTexts: string[] = [];
  private readonly declaredWhere = new WeakMap<FundingTable, string>();
  private yuanEvidence(value: string): string | undefined {
    const n = Number(value);
    if (!Number.isFinite(n) || n <= 0) return undefined;
    const inWan = n / 10000;
    const wanText = String(Number(inWan.toPrecision(12)));
    const mention = new RegExp(`(?<![\\d.])${wanText.replace('.', '\\.')}\\s*万`, 'u');
    if (this.pendingTexts.some((t) => mention.test(t))) return `与表中其他处写的“${wanText}万元”一致，应为“元”`;
    if (n >= 100000) return `按万元计为 ${wanText} 亿元，明显过大，应为“元”`;
    return undefined;
  }

  // -------------------------------------------------------------------------------------------
  // Indicator grid

  private indicatorHeader(row: Row, rows: Row[], index: number): IndicatorCols | undefined {
    let cells = row.cells;
    // Cells run together: "一级指标二级指标三级指标年度指标值…".
    if (cells.filter((c) => c.text !== '').length === 1) {
      const only = cells.find((c) => c.text !== '')!;
      const words = segmentHeaderWords(only.text);
      if (!words) return undefined;
      cells = words.map((w) => ({ text: w, where: only.where }));
    }
    const roles = new Map<IndicatorRole, number>();
    cells.forEach((c, i) => {
      if (c.text === '' || (c.merged === 'left' && roles.size > 0 && c.text === cells[i - 1]?.text)) return;
      const r = indicatorRole(c.text);
      if (r && !roles.has(r)) roles.set(r, i);
    });
    const has = (r: IndicatorRole): boolean => roles.has(r);
    const levels = has('level1') || has('level2');
    const values = has('target') || has('weight') || has('score') || has('actual');
    const ok = (levels && (has('level3') || values)) || (has('level3') && values);
    if (!ok) return undefined;
    // Following header rows (a merged 年度指标值 over 指标性质 / 指标值 / 度量单位, or 优 良 中 差).
    for (let k = index + 1; k < rows.length && k <= index + 3; k++) {
      const next = rows[k]!;
      // Only cells of its own count: merged copies from the header above say nothing about this row.
      const own = next.cells.filter((c) => c.text !== '' && !c.merged);
      if (own.length === 0) continue;
      const nroles = next.cells.map((c) => (c.text === '' || c.merged ? undefined : indicatorRole(c.text)));
      const known = nroles.filter((r) => r !== undefined).length;
      if (known === 0 || known < own.length || own.some((c) => NUM_CELL.test(c.text))) break;
      next.cells.forEach((c, i) => {
        const r = nroles[i];
        if (!r || c.merged) return;
        const existing = roles.get(r);
        // A sub-header under a merged parent takes the column over (指标值 under 年度指标值).
        if (existing === undefined || existing !== i) {
          for (const [er, ei] of roles) if (ei === i && er !== r) roles.delete(er);
          roles.set(r, i);
        }
      });
      (next as Row & { header?: true }).header = true;
    }
    return { roles, width: cells.length, where: row.where };
  }

  /** Values of a data row by role, aligning a short text row to the right. */
  private rowGetter(row: Row, cols: IndicatorCols): (role: IndicatorRole) => Cell | undefined {
    const offset = alignOffset(row, cols.width, this.ctx.format);
    if (offset < 0) this.draft.guess('column-aligned', row.where, { count: row.cells.length, expected: cols.width });
    return (role) => {
      const i = cols.roles.get(role);
      if (i === undefined) return undefined;
      const c = row.cells[i + offset];
      return c && c.text !== '' ? c : undefined;
    };
  }

  private indicatorRow(row: Row, cols: IndicatorCols): void {
    if ((row as Row & { header?: true }).header) return;
    const d = this.draft;
    const distinct = nonEmptyTexts(row);
    // A sub-header inside the grid ("1、产出指标 | … | 上年完成指标 | 完成指标") re-labels its columns.
    const relabel = row.cells
      .map((c, i) => ({ i, r: c.text === '' || c.merged ? undefined : indicatorRole(c.text) }))
      .filter((x): x is { i: number; r: IndicatorRole } => x.r !== undefined && !x.r.startsWith('band') && x.r !== 'frame');
    if (relabel.length >= 2 && !distinct.some((c) => NUM_CELL.test(c.text))) {
      for (const { i, r } of relabel) {
        for (const [er, ei] of cols.roles) if (ei === i && er !== r) cols.roles.delete(er);
        cols.roles.set(r, i);
      }
      d.rec('table-found', row.where, { what: '指标表分栏表头' });
      const rest = distinct.filter((c) => indicatorRole(c.text) === undefined);
      if (rest.length === 0) return;
    }
    if (distinct.length === 1 && /^(备注|注|说明|填报说明|填表说明|注释)\s*[:：]/u.test(distinct[0]!.text)) {
      d.skip('unused-row', row.where, { text: joinWrapped(distinct[0]!.text).slice(0, 60) });
      this.state = { kind: 'none' };
      return;
    }
    const glued = this.unglue(row, cols);
    const get = this.rowGetter(glued, cols);
    const l1 = get('level1');
    const l2 = get('level2');
    const l3 = get('level3') ?? get('level4');
    const valueRoles: IndicatorRole[] = ['target', 'actual', 'weight', 'score', 'review'];
    const hasValues = valueRoles.some((r) => {
      const c = get(r);
      return c !== undefined && !isBlankValue(c.text) && !isNotApplicableWord(c.text);
    });
    // 一级
    if (l1 && !isNotApplicable(l1.text)) {
      const { name, declaredWeight } = sectionLabel(l1.text);
      const key = matchKey(name);
      if (!this.ind.top || this.ind.top.key !== key) {
        const category = sectionCategory(name, 0);
        const node: IndicatorNode = { id: d.uniqueId(idPart(category, 's')), name, source: l1.where, children: [] };
        if (category) node.category = category;
        if (declaredWeight) node.declaredWeight = declaredWeight;
        d.indicators.push(node);
        this.ind.top = { node, key };
        this.ind.mid = undefined;
        d.rec('indicator-section', l1.where, { name });
      }
    } else if (!l1 && this.ctx.format !== 'xlsx' && this.ind.top && !this.ind.inheritNoted && (l2 || l3)) {
      this.ind.inheritNoted = true;
      d.guessInfo('inherited-cell', row.where, { column: '一级指标', value: this.ind.top.node.name });
    }
    // 二级
    if (l2 && !isNotApplicable(l2.text)) {
      const { name, declaredWeight } = sectionLabel(l2.text);
      const key = matchKey(name);
      const isLeafLevel = !cols.roles.has('level3') && !cols.roles.has('level4');
      if (isLeafLevel) {
        if (hasValues) this.leaf(row, get, name, l2.where);
        return;
      }
      if (!this.ind.mid || this.ind.mid.key !== key) {
        const parent = this.ind.top?.node;
        const category = sectionCategory(name, parent ? 1 : 0, parent?.category);
        const base = parent ? `${parent.id}.${idPart(category, 's')}` : idPart(category, 's');
        const node: IndicatorNode = { id: d.uniqueId(base), name, source: l2.where, children: [] };
        if (category) node.category = category;
        if (declaredWeight) node.declaredWeight = declaredWeight;
        if (parent) parent.children!.push(node);
        else d.indicators.push(node);
        this.ind.mid = { node, key };
        d.rec('indicator-section', l2.where, { name });
      }
    }
    // 三级 (the leaf)
    if (l3 && !isNotApplicable(l3.text)) {
      this.leaf(row, get, joinWrapped(l3.text), l3.where);
      return;
    }
    if (l3 && isNotApplicable(l3.text)) {
      d.skip('not-applicable', l3.where, { name: this.ind.mid?.node.name ?? this.ind.top?.node.name ?? '', text: joinWrapped(l3.text) });
      return;
    }
    if (!l3 && hasValues) {
      const name = this.ind.mid?.node.name ?? this.ind.top?.node.name ?? '';
      d.skipWarn('unplaced-value', row.where, { text: `${name}：只有数值没有三级指标名称` });
    }
  }

  /** Splits a trailing "2020" into 分值 20 and 得分 20 when the two ran together (text rows only). */
  private unglue(row: Row, cols: IndicatorCols): Row {
    if (this.ctx.format !== 'text' || row.cells.length !== cols.width - 1) return row;
    const w = cols.roles.get('weight');
    const sc = cols.roles.get('score');
    const last = row.cells[row.cells.length - 1]!;
    const before = row.cells[row.cells.length - 2]?.text ?? '';
    // When the cell before is a bare number too, 分值 and 得分 are both there and a leading cell is missing.
    if (w === undefined || sc !== w + 1 || sc !== cols.width - 1 || !/^\d{2,6}$/.test(last.text) || /^\d+(\.\d+)?$/.test(before)) return row;
    const split = splitGluedScores(last.text);
    const head = row.cells.slice(0, -1);
    if (!split) {
      this.draft.skipWarn('unplaced-value', last.where, { text: last.text });
      return { cells: [...head, { text: '', where: last.where }, { text: '', where: last.where }], where: row.where };
    }
    this.draft.guess('split-numbers', last.where, { text: last.text, parts: `分值 ${split[0]}、得分 ${split[1]}` });
    return { cells: [...head, { text: split[0], where: last.where }, { text: split[1], where: last.where }], where: row.where };
  }

  private leaf(row: Row, get: (role: IndicatorRole) => Cell | undefined, name: string, where: string): void {
    const d = this.draft;
    const parent = this.ind.mid?.node ?? this.ind.top?.node;
    const base = parent ? `${parent.id}.${(parent.children?.length ?? 0) + 1}` : `i${d.indicators.length + 1}`;
    const node: IndicatorNode = { id: d.uniqueId(base), name, source: where };
    const text = (role: IndicatorRole): string | undefined => {
      const c = get(role);
      if (!c) return undefined;
      if (c.formula) d.rec('formula-cached', c.where);
      const t = cleanText(c.text);
      return t === '' || isBlankValue(t) ? undefined : t;
    };
    const num = (role: IndicatorRole, field: string): string | undefined => {
      const c = get(role);
      if (!c) return undefined;
      if (c.formula) d.rec('formula-cached', c.where);
      if (c.numeric !== undefined) return c.numeric;
      if (isBlankValue(c.text) || isNotApplicableWord(c.text)) return undefined;
      const v = parseScore(c.text);
      if (v === undefined) {
        d.skipWarn('unplaced-value', c.where, { text: `${field}“${c.text}”不是数字` });
        return undefined;
      }
      if (c.numberAsText) d.rec('text-number', c.where);
      return v;
    };
    const weight = num('weight', '分值');
    if (weight !== undefined) node.weight = weight;
    // The target: 年度指标值, possibly split into 指标性质 / 指标值 / 度量单位.
    const value = text('target');
    const nature = text('nature');
    const unit = text('unit');
    if (unit) node.unit = unit;
    if (nature) {
      const nk = matchKey(nature);
      if (/^(≥|≧|>=|>|正向|越大越好|不低于|大于等于)/.test(nk)) node.direction = 'higher-better';
      else if (/^(≤|≦|<=|<|反向|越小越好|不高于|小于等于)/.test(nk)) node.direction = 'lower-better';
      else if (/^(=|等于)/.test(nk)) node.direction = 'exact';
    }
    if (value !== undefined) {
      const sym = nature && /^[≥≤≧≦><=＝]+$/u.test(nature.trim()) ? nature.trim() : '';
      node.target = `${sym}${value}${unit && !value.endsWith(unit) ? unit : ''}`;
    }
    const actual = text('actual');
    if (actual !== undefined) node.actual = actual;
    const last = text('lastYear');
    if (last !== undefined) node.lastYearActual = last;
    const score = num('score', '得分');
    if (score !== undefined) node.printedScore = score;
    const review = num('review', '复核分');
    if (review !== undefined) {
      const reason = text('reviewReason') ?? '复核分（表中未写复核理由）';
      node.review = { score: review, reason };
    }
    const reason = text('reason');
    if (reason !== undefined) node.deviationReason = reason;
    const explanation = text('explanation');
    if (explanation !== undefined) node.explanation = explanation;
    const noteText = text('note');
    if (noteText !== undefined) node.note = noteText;
    const rate = text('completionRate');
    if (rate !== undefined) {
      const p = parsePercent(rate);
      if (p) node.completionRate = p;
      else node.note = node.note ? `${node.note}\n完成率：${rate}` : `完成率：${rate}`;
    }
    const grade = text('grade');
    if (grade !== undefined) {
      const g = gradeOf(grade);
      if (g) node.printedGrade = g;
      else node.note = node.note ? `${node.note}\n${grade}` : grade;
    }
    const bands: NonNullable<IndicatorNode['bands']> = {};
    const b1 = text('band-excellent');
    const b2 = text('band-good');
    const b3 = text('band-fair');
    const b4 = text('band-poor');
    if (b1) bands.excellent = b1;
    if (b2) bands.good = b2;
    if (b3) bands.fair = b3;
    if (b4) bands.poor = b4;
    if (Object.keys(bands).length > 0) node.bands = bands;
    if (parent) parent.children!.push(node);
    else d.indicators.push(node);
    d.rec('indicator-leaf', where, { name });
  }

  // -------------------------------------------------------------------------------------------
  // 年度总体目标

  private goalsHeader(row: Row, cells: Cell[]): boolean {
    const keys = row.cells.map((c) => headerKey(c.text));
    const goalCol = keys.findIndex((k) => /^(年度总体目标|总体目标|年度目标|绩效目标)$/.test(k));
    const expected = keys.findIndex((k) => /^(预期目标|年度预期目标|目标)$/.test(k));
    const actual = keys.findIndex((k) => /^(实际完成情况|目标完成情况|完成情况|实际完成)$/.test(k));
    if (goalCol < 0 && !(expected >= 0 && actual >= 0)) return false;
    if (goalCol >= 0 && headerField(row.cells[goalCol]!.text) === 'annualGoal' && expected < 0) return false;
    const d = this.draft.goals.length > 0 && this.draft.hasSelfEvaluation && this.state.kind === 'indicators' ? this.fresh() : this.draft;
    d.hasSelfEvaluation = true;
    d.hasTable = true;
    if (expected >= 0) {
      this.state = { kind: 'goals', expected, actual, width: row.cells.length };
      return true;
    }
    // "年度总体目标 | the goal text" in one row.
    const texts = cells.filter((c) => headerKey(c.text) !== keys[goalCol]);
    if (texts.length > 0) {
      const goal: { expected: string; actual?: string } = { expected: cleanText(texts[0]!.text) };
      if (texts[1]) goal.actual = cleanText(texts[1].text);
      d.goals.push(goal);
      d.rec('goal-row', row.where);
      this.state = { kind: 'none' };
    } else {
      this.state = { kind: 'goals', expected: goalCol + 1, actual: goalCol + 2, width: row.cells.length };
    }
    return true;
  }

  private goalsRow(row: Row, st: Extract<State, { kind: 'goals' }>): void {
    const d = this.draft;
    const offset = alignOffset(row, st.width, this.ctx.format);
    const exp = row.cells[st.expected + offset];
    const act = st.actual >= 0 ? row.cells[st.actual + offset] : undefined;
    if (!exp || exp.text === '') {
      const texts = nonEmptyTexts(row);
      if (texts.length === 0) return;
      d.skip('unused-row', row.where, { text: texts.map((c) => c.text).join(' | ').slice(0, 80) });
      this.state = { kind: 'none' };
      return;
    }
    const goal: { expected: string; actual?: string } = { expected: cleanText(exp.text) };
    if (act && act.text !== '' && act !== exp && !(act.merged === 'left' && act.text === exp.text)) goal.actual = cleanText(act.text);
    d.goals.push(goal);
    d.rec('goal-row', row.where);
    this.state = { kind: 'none' };
  }

  // -------------------------------------------------------------------------------------------
  // Money tables










  // -------------------------------------------------------------------------------------------
  // 总分

  private totalRow(row: Row, cells: Cell[]): void {
    const d = this.draft;
    const nums = cells.slice(1).filter((c) => c.numeric !== undefined || parseScore(c.text) !== undefined);
    let last = nums[nums.length - 1];
    // Under an indicator grid the total is in the 得分 column (a 复核分 column may follow it).
    if (this.state.kind === 'indicators' && (this.ctx.format !== 'text' || row.cells.length === this.state.cols.width)) {
      const get = this.rowGetter(row, this.state.cols);
      const score = get('score');
      if (score && (score.numeric !== undefined || parseScore(score.text) !== undefined)) last = score;
      const review = get('review');
      const rv = review ? (review.numeric ?? parseScore(review.text)) : undefined;
      if (rv !== undefined) d.docNotes.push(`复核总分：${rv}`);
    }
    if (last) {
      const v = last.numeric ?? parseScore(last.text)!;
      d.printedTotal = v;
      if (last.formula) d.rec('formula-cached', last.where);
      d.rec('total-row', last.where, { value: v });
    }
    for (const c of cells.slice(1)) {
      const g = gradeOf(c.text);
      if (g) {
        d.printedGrade = g;
        d.rec('grade', c.where, { value: g });
      }
    }
    this.state = { kind: 'none' };
  }

  // -------------------------------------------------------------------------------------------
  // 部门整体支出绩效评价基础数据表
}
