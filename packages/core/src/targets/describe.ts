/**
 * @module Short Chinese readings of parsed targets, for the web editor's inline preview and for
 * evaluation explanations: `不少于600批次（含）`, `80%（含）至90%（不含）之间`, `年底前（12月31日前）`.
 */
import type { Dec } from '../decimal/decimal.js';
import type { Approx, DateDue, Due, ParsedActual, ParsedTarget, ThresholdOp } from './types.js';
import { unitCategory } from './units.js';

/** `644批次`, `95.03%`, `600余份`, `近10万元`, `约3天`. */
export function formatQuantity(value: Dec, unit: string | undefined, percent: boolean, approx?: Approx): string {
  const v = value.toString();
  const u = percent ? '%' : (unit ?? '');
  switch (approx) {
    case 'more-than':
      // 12.8万余元 keeps 余 inside the money unit; 600余份 puts it before the unit.
      return /^[万亿千]元/.test(u) ? `${v}${u.charAt(0)}余${u.slice(1)}` : `${v}余${u}`;
    case 'nearly':
      return `近${v}${u}`;
    case 'about':
      return `约${v}${u}`;
    default:
      return `${v}${u}`;
  }
}

function rateLike(unit: string | undefined, percent: boolean): boolean {
  if (percent) return true;
  const c = unitCategory(unit);
  return c === 'percent-point' || c === 'score' || c === 'rate' || c === 'cost' || c === 'multiple';
}

/** The comparison word for an operator: 不少于 for counts, 不低于 for rates, 不超过 for upper bounds … */
export function opWord(op: ThresholdOp | 'eq', unit: string | undefined, percent: boolean): string {
  const rate = rateLike(unit, percent);
  switch (op) {
    case 'gte':
      return rate ? '不低于' : '不少于';
    case 'gt':
      return rate ? '高于' : '超过';
    case 'lte':
      return '不超过';
    case 'lt':
      return rate ? '低于' : '少于';
    case 'eq':
      return '等于';
  }
}

function inclusiveMark(op: ThresholdOp): string {
  return op === 'gte' || op === 'lte' ? '含' : '不含';
}

/** `12月31日`, `2021年9月30日`, `9月` … the last day a date deadline allows, as words. */
function lastDayText(d: DateDue): string {
  const y = d.year === undefined ? '' : `${d.year}年`;
  if (d.period === 'day') return `${y}${d.month}月${d.day ?? ''}日`;
  return `${y}${d.month}月${lastDayOfMonth(d.month)}日`;
}

function lastDayOfMonth(month: number): number {
  return month === 2 ? 28 : month === 4 || month === 6 || month === 9 || month === 11 ? 30 : 31;
}

/** How a date was written, in words: 年底, 2021年内, 上半年, 第三季度末, 9月底, 12月31日. */
export function dateText(d: DateDue): string {
  const y = d.year === undefined ? '' : `${d.year}年`;
  switch (d.period) {
    case 'year':
      return d.year === undefined ? '年内' : `${d.year}年内`;
    case 'year-end':
      return `${y}年底`;
    case 'half-year':
      return `${y}${d.month <= 6 ? '上半年' : '下半年'}`;
    case 'quarter':
      return `${y}第${'一二三四'.charAt(Math.max(0, Math.min(3, Math.floor(d.month / 3) - 1)))}季度末`;
    case 'month':
      return `${y}${d.month}月底`;
    case 'day':
      return `${y}${d.month}月${d.day ?? ''}日`;
  }
}

/** When something happened, in words: 2021年, 年底, 9月, 9月20日, 第三季度. */
export function whenText(d: DateDue): string {
  const y = d.year === undefined ? '' : `${d.year}年`;
  switch (d.period) {
    case 'year':
      return d.year === undefined ? '本年' : `${d.year}年`;
    case 'year-end':
      return `${y}年底`;
    case 'half-year':
      return `${y}${d.month <= 6 ? '上半年' : '下半年'}`;
    case 'quarter':
      return `${y}第${'一二三四'.charAt(Math.max(0, Math.min(3, Math.floor(d.month / 3) - 1)))}季度`;
    case 'month':
      return `${y}${d.month}月`;
    case 'day':
      return `${y}${d.month}月${d.day ?? ''}日`;
  }
}

/** `2个工作日`, `年底`, `9月20日` — a due point or duration, in words. */
export function dueText(due: Due): string {
  return due.form === 'duration' ? `${due.value.toString()}${due.unit}` : dateText(due);
}

/**
 * A short Chinese reading of a parsed target. Examples:
 * `不少于600批次（含）`, `不低于93%（含；未写比较符）`, `不超过700元/批次（含）`, `M不低于90%（含）`,
 * `80%（含）至90%（不含）之间，为良`, `等于1次`, `不超过2个工作日（含）`,
 * `由7个工作日压缩到不超过1.5个工作日（含）`, `年底前（12月31日前）`, `定性目标：逐步提高`.
 */
export function describeTarget(parsed: ParsedTarget): string {
  switch (parsed.kind) {
    case 'threshold': {
      const q = formatQuantity(parsed.value, parsed.unit, parsed.percent, parsed.approx);
      const word = opWord(parsed.op, parsed.unit, parsed.percent);
      const who = `${parsed.subject ?? ''}${parsed.variable ?? ''}`;
      let mark = inclusiveMark(parsed.op);
      if (parsed.implied) mark += parsed.op === 'lte' ? '；未写比较符，按越低越好理解' : '；未写比较符';
      const note = parsed.note ?? '';
      const band = parsed.band === undefined ? '' : `，为${parsed.band}`;
      return `${who}${word}${q}${note}（${mark}）${band}`;
    }
    case 'range': {
      const low = formatQuantity(parsed.low, parsed.unit, parsed.percent);
      const high = formatQuantity(parsed.high, parsed.unit, parsed.percent);
      const who = `${parsed.subject ?? ''}${parsed.variable ?? ''}`;
      const band = parsed.band === undefined ? '' : `，为${parsed.band}`;
      return `${who}${who.length > 0 ? '在' : ''}${low}（${parsed.lowInclusive ? '含' : '不含'}）至${high}（${parsed.highInclusive ? '含' : '不含'}）之间${band}`;
    }
    case 'exact': {
      const q = formatQuantity(parsed.value, parsed.unit, parsed.percent, parsed.approx);
      return `${parsed.subject ?? ''}等于${q}${parsed.implied ? '（未写比较符，按恰好等于理解）' : ''}`;
    }
    case 'deadline': {
      const who = parsed.subject ?? '';
      if (parsed.due.form === 'duration') {
        const due = dueText(parsed.due);
        if (parsed.baseline !== undefined) return `${who}由${dueText(parsed.baseline)}压缩到不超过${due}（含）`;
        return `${who}不超过${due}（含）`;
      }
      const words = dateText(parsed.due);
      const last = lastDayText(parsed.due);
      if (parsed.from !== undefined) return `${who}${whenText(parsed.from)}至${whenText(parsed.due)}（${last}前完成，含当日）`;
      if (parsed.due.period === 'day') return `${who}${words}前（含当日）`;
      const within = words.endsWith('内') ? words : parsed.due.period === 'half-year' ? `${words}内` : `${words}前`;
      return `${who}${within}（${last}前，含当日）`;
    }
    case 'qualitative':
      return parsed.family === 'grade' ? `等级目标：${parsed.level}` : `定性目标：${parsed.level}`;
    case 'unparsed':
      return `无法识别：${parsed.reason}`;
  }
}

/** A short Chinese reading of a parsed actual, for explanations: `644批次`, `定性表述「逐步提高」`. */
export function describeActual(actual: ParsedActual): string {
  switch (actual.kind) {
    case 'measure':
      return formatQuantity(actual.value, actual.unit, actual.percent, actual.approx);
    case 'qualitative':
      return `「${actual.level}」`;
    case 'deadline': {
      if (actual.due.form === 'duration') return `${dueText(actual.due)}${actual.op === 'lte' ? '内' : ''}`;
      const from = actual.from === undefined ? '' : `${whenText(actual.from)}至`;
      if (actual.op === 'lte') return `${from}${dateText(actual.due)}${actual.due.period === 'year' ? '' : '前'}`;
      return `${from}${whenText(actual.due)}`;
    }
    case 'expression':
      return `「${actual.text.trim()}」`;
    case 'unparsed':
      return `「${actual.text.trim()}」`;
  }
}
