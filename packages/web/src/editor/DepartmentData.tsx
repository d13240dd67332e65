/**
 * @module 基础数据表 of a department evaluation (部门整体支出): staffing and the expense-control table
 * (三公经费, 公用经费 … by year and stage), shown as imported. Read-only in the editor for now.
 */
import { memo } from 'react';
import type { DepartmentData as Data } from '@jixiao/core';
import { formatMoney } from '../format/numbers.js';

export const DepartmentData = memo(function DepartmentData({ data }: { data: Data }) {
  const s = data.staffing;
  const e = data.expenseControl;
  const depth = (id: string | undefined): number => {
    let d = 0;
    let cur = e?.rows.find((r) => r.id === id);
    while (cur?.parent && d < 6) {
      d++;
      const parent: string = cur.parent;
      cur = e?.rows.find((r) => r.id === parent);
    }
    return d;
  };
  return (
    <div className="department-data">
      {s && (
        <table className="funding-table" aria-label="人员情况">
          <tbody>
            <tr>
              <th scope="row">编制数</th>
              <td className="num">{s.authorized ?? ''}</td>
              <th scope="row">{s.actualLabel ?? '实际在职人数'}</th>
              <td className="num">{s.actual ?? ''}</td>
              <th scope="row">控制率</th>
              <td className="num">{s.printedControlRate ?? ''}</td>
            </tr>
          </tbody>
        </table>
      )}
      {e && e.rows.length > 0 && (
        <div className="funding-wrap">
          <table className="funding-table" aria-label={`经费控制情况（${e.unit}）`}>
            <thead>
              <tr>
                <th scope="col">经费控制情况（{e.unit}）</th>
                {e.columns.map((c) => (
                  <th scope="col" key={c.key} className="num">
                    {c.label}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {e.rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row" style={{ paddingLeft: 6 + depth(r.id) * 14 }}>
                    {r.label}
                  </th>
                  {e.columns.map((c) => (
                    <td key={c.key} className="num">
                      {formatMoney(r.values[c.key])}
                    </td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <div className="funding-note muted">基础数据表按导入的内容显示，暂不能在此修改；审核检查其中的恒等式（如三公经费合计、控制率）。</div>
    </div>
  );
});
