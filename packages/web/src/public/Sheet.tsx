/** @module The 自评表 as printed: header, funding block, 年度总体目标, the indicator table with merged cells, total and grade. */
import { useMemo } from 'react';
import { Dec, mainFundingTable } from '@jixiao/core';
import type { EvaluationDocument, ScoreReport } from '@jixiao/core';
import { formatMoney, formatPercent, formatScore } from '../format/numbers.js';
import { sheetRows } from './table.js';

export function Sheet({ doc, score, total, grade }: { doc: EvaluationDocument; score: ScoreReport | undefined; total: string | null; grade: string | null }) {
  const rows = useMemo(() => sheetRows(doc.indicators), [doc.indicators]);
  const items = useMemo(() => new Map((score?.items ?? []).map((i) => [i.path, i])), [score]);
  const funding = mainFundingTable(doc);
  const exec = score?.execution;
  const h = doc.header;

  return (
    <div className="sheet-view">
      <h1>{h.title}</h1>
      <table className="sheet" aria-label="基本信息">
        <tbody>
          <tr>
            <th className="label" scope="row">项目名称</th>
            <td colSpan={3}>{h.projectName ?? (h.level === 'department' ? `${h.organisation}部门整体支出` : '')}</td>
          </tr>
          <tr>
            <th className="label" scope="row">主管部门</th>
            <td>{h.supervisingDepartment ?? ''}</td>
            <th className="label" scope="row">实施单位</th>
            <td>{h.implementingUnits.join('、') || h.organisation}</td>
          </tr>
        </tbody>
      </table>
      {funding && (
        <table className="sheet" aria-label={`项目资金（${funding.unit}）`}>
          <thead>
            <tr>
              <th scope="col">项目资金（{funding.unit}）</th>
              <th scope="col" className="num">年初预算数</th>
              <th scope="col" className="num">全年预算数</th>
              <th scope="col" className="num">全年执行数</th>
              <th scope="col" className="num">分值</th>
              <th scope="col" className="num">执行率</th>
              <th scope="col" className="num">得分</th>
            </tr>
          </thead>
          <tbody>
            {funding.rows.map((r, i) => {
              const isTotal = r.role === 'total';
              return (
                <tr key={i} className={isTotal ? 'total-row' : ''}>
                  <th scope="row" className="label">{r.label}</th>
                  <td className="num">{formatMoney(r.amounts.initialBudget)}</td>
                  <td className="num">{formatMoney(r.amounts.annualBudget)}</td>
                  <td className="num">{formatMoney(r.amounts.executed)}</td>
                  <td className="num">{isTotal ? (exec ? formatScore(exec.weight) : '') : ''}</td>
                  <td className="num">{isTotal && exec?.ratePercent ? formatPercent(exec.ratePercent) : ''}</td>
                  <td className="num">{isTotal && exec ? formatScore(exec.effective) : ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
      {doc.goals.length > 0 && (
        <table className="sheet" aria-label="年度总体目标">
          <thead>
            <tr>
              <th scope="col">年度总体目标 · 预期目标</th>
              <th scope="col">实际完成情况</th>
            </tr>
          </thead>
          <tbody>
            {doc.goals.map((g, i) => (
              <tr key={i}>
                <td style={{ whiteSpace: 'pre-wrap', width: '50%' }}>{g.expected}</td>
                <td style={{ whiteSpace: 'pre-wrap' }}>{g.actual ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <table className="sheet" aria-label="绩效指标">
        <thead>
          <tr>
            <th scope="col">一级指标</th>
            <th scope="col">二级指标</th>
            <th scope="col">三级指标</th>
            <th scope="col">年度指标值</th>
            <th scope="col">实际完成值</th>
            <th scope="col" className="num">分值</th>
            <th scope="col" className="num">得分</th>
            <th scope="col">偏差原因分析及改进措施</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => {
            const item = items.get(r.path);
            return (
              <tr key={r.path}>
                {r.levels.map((c, i) => (c ? <td key={i} rowSpan={c.rowSpan}>{c.text}</td> : null))}
                <td>{r.node.target ?? ''}</td>
                <td>{r.node.actual ?? ''}</td>
                <td className="num">{r.node.weight ?? ''}</td>
                <td className="num">{formatScore(item?.effective ?? (r.node.printedScore ? Dec.parse(r.node.printedScore) : undefined))}</td>
                <td style={{ whiteSpace: 'pre-wrap' }}>{r.node.deviationReason ?? ''}</td>
              </tr>
            );
          })}
          <tr className="total-row">
            <td colSpan={5}>总分</td>
            <td className="num">100</td>
            <td className="num">{total ?? '—'}</td>
            <td>自评等级：{grade ?? '不可评分'}</td>
          </tr>
        </tbody>
      </table>
    </div>
  );
}
