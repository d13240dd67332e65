/**
 * @module 项目资金: the funding block of the 自评表 — budget at the start of the year, for the whole
 * year, executed — with the execution rate of each row and the score of the total computed live.
 */
import { memo } from 'react';
import { Button, Tag, Tooltip } from 'antd';
import { Dec } from '@jixiao/core';
import type { AmountColumn, EvaluationDocument, Funding, FundingRow, FundingTable as Table, ScoreReport } from '@jixiao/core';
import { DecimalInput } from '../common/DecimalInput.js';
import { formatMoney, formatPercent, formatScore, sumDecimals } from '../format/numbers.js';
import { fundingRows } from '../evaluations/new/template.js';

const COLUMNS: ReadonlyArray<{ key: AmountColumn; title: string }> = [
  { key: 'initialBudget', title: '年初预算数' },
  { key: 'annualBudget', title: '全年预算数' },
  { key: 'executed', title: '全年执行数' },
];

/** Executed ÷ annual budget as a percentage with two places, exactly; undefined without a budget. */
export function rowRate(row: FundingRow): Dec | undefined {
  const budget = row.amounts.annualBudget ? Dec.parse(row.amounts.annualBudget) : undefined;
  const executed = row.amounts.executed ? Dec.parse(row.amounts.executed) : undefined;
  if (!budget || !executed || budget.isZero()) return undefined;
  return executed.times(Dec.HUNDRED).div(budget, 2);
}

/** What the funding block shows of the execution score, as plain values (so it redraws only when they change). */
export interface ExecutionView {
  rate: string | undefined;
  score: string | undefined;
  capped: boolean;
  explanation: string;
}

export function executionView(score: ScoreReport | undefined): ExecutionView | undefined {
  const e = score?.execution;
  if (!e) return undefined;
  return { rate: e.ratePercent ? formatPercent(e.ratePercent) : undefined, score: e.effective ? formatScore(e.effective) : undefined, capped: e.capped, explanation: e.explanation.text };
}

export interface FundingTableProps {
  funding: Funding | undefined;
  execution: ExecutionView | undefined;
  editable: boolean;
  /** Severity of findings per DOM id (`funding-0-1-executed`). */
  flagged: ReadonlyMap<string, string>;
  onDoc: (fn: (doc: EvaluationDocument) => EvaluationDocument, key: string) => void;
}

export const FundingTable = memo(function FundingTable({ funding, execution: exec, editable, flagged, onDoc }: FundingTableProps) {
  // The main table, as the core's mainFundingTable finds it.
  const table = funding?.tables.find((t) => t.kind === 'project-funding');
  const tableIndex = table ? (funding?.tables.indexOf(table) ?? -1) : -1;

  if (!table || tableIndex < 0) {
    return (
      <div className="funding-empty">
        <span className="muted">本文档没有项目资金表。</span>
        {editable && (
          <Button
            size="small"
            onClick={() =>
              onDoc(
                (d) => ({
                  ...d,
                  funding: {
                    unit: d.funding?.unit ?? '万元',
                    tables: [...(d.funding?.tables ?? []), { id: 'project-funding', title: '项目资金（万元）', kind: 'project-funding', unit: '万元', rows: fundingRows() }],
                    execution: d.funding?.execution ?? { weight: '10' },
                  },
                }),
                'funding:add',
              )
            }
          >
            添加资金表
          </Button>
        )}
      </div>
    );
  }

  const unit = table.unit;
  const setAmount = (r: number, col: AmountColumn, value: string | undefined) =>
    onDoc((d) => {
      const funding = d.funding!;
      const tables = funding.tables.map((t, ti): Table => {
        if (ti !== tableIndex) return t;
        return {
          ...t,
          rows: t.rows.map((row, ri) => {
            if (ri !== r) return row;
            const amounts = { ...row.amounts };
            if (value === undefined) delete amounts[col];
            else amounts[col] = value;
            return { ...row, amounts };
          }),
        };
      });
      return { ...d, funding: { ...funding, tables } };
    }, `funding:${r}:${col}`);

  const setWeight = (value: string | undefined) =>
    onDoc((d) => {
      const funding = d.funding!;
      const execution = { ...(funding.execution ?? {}) };
      if (value === undefined) delete execution.weight;
      else execution.weight = value;
      return { ...d, funding: { ...funding, execution } };
    }, 'funding:weight');

  const totalIndex = table.rows.findIndex((r) => r.role === 'total');
  const items = table.rows.filter((r) => r.role === 'item');
  const sums = new Map(COLUMNS.map((c) => [c.key, sumDecimals(items.map((r) => r.amounts[c.key]))]));

  return (
    <div className="funding-wrap">
      <table className="funding-table" id="funding-table" aria-label={`项目资金（${unit}）`}>
        <thead>
          <tr>
            <th scope="col">资金来源</th>
            {COLUMNS.map((c) => (
              <th scope="col" key={c.key} className="num">
                {c.title}
              </th>
            ))}
            <th scope="col" className="num">
              执行率
            </th>
            <th scope="col" className="num">
              分值
            </th>
            <th scope="col" className="num">
              得分
            </th>
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => {
            const own = rowRate(row);
            const rate = r === totalIndex && exec?.rate ? exec.rate : own ? formatPercent(own) : undefined;
            const isTotal = row.role === 'total';
            return (
              <tr key={r} className={isTotal ? 'funding-total' : ''}>
                <th scope="row">{row.label}</th>
                {COLUMNS.map((c) => {
                  const domId = `funding-${tableIndex}-${r}-${c.key}`;
                  const sev = flagged.get(domId);
                  const mismatch = isTotal && items.length > 0 && row.amounts[c.key] !== undefined && !sums.get(c.key)!.eq(Dec.parse(row.amounts[c.key]!) ?? Dec.ZERO);
                  return (
                    <td key={c.key} className={`num ${sev ? `sev-${sev}` : ''}`}>
                      {editable ? (
                        <DecimalInput
                          id={domId}
                          aria-label={`${row.label} ${c.title}（${unit}）`}
                          value={row.amounts[c.key]}
                          onChange={(v) => setAmount(r, c.key, v)}
                          status={sev === 'error' ? 'error' : sev === 'warning' ? 'warning' : undefined}
                        />
                      ) : (
                        <span id={domId} tabIndex={-1} className="money">
                          {formatMoney(row.amounts[c.key])}
                        </span>
                      )}
                      {mismatch && (
                        <Tooltip title={`各来源合计 ${formatMoney(sums.get(c.key))}，与总额不符`}>
                          <div className="cell-hint hint-warn">合计 {formatMoney(sums.get(c.key))}</div>
                        </Tooltip>
                      )}
                    </td>
                  );
                })}
                <td className="num">{rate ?? <span className="muted">—</span>}</td>
                <td className="num">
                  {isTotal ? (
                    editable ? (
                      <DecimalInput id="funding-execution-weight" aria-label="预算执行率分值" money={false} value={funding?.execution?.weight} onChange={setWeight} className="weight-input" />
                    ) : (
                      <span id="funding-execution-weight">{funding?.execution?.weight ?? ''}</span>
                    )
                  ) : null}
                </td>
                <td className="num">
                  {isTotal && exec ? (
                    <Tooltip title={exec.explanation}>
                      <strong className="score-value">{exec.score ?? ''}</strong>
                      {exec.capped && (
                        <Tag className="inline-tag" color="orange">
                          超100%按100%计
                        </Tag>
                      )}
                    </Tooltip>
                  ) : null}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      <div className="funding-note muted">单位：{unit}。执行率 = 全年执行数 ÷ 全年预算数；得分 = 分值 × 执行率（超过100%按100%计）。</div>
    </div>
  );
});
