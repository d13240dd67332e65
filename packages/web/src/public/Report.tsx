/**
 * @module The 自评报告 as a reader sees it: the report's own prose when it has one, else a report
 * written from the tables (概况, 资金, 目标, 指标, 结论, 问题与措施).
 */
import type { EvaluationDocument, ScoreReport } from '@jixiao/core';
import { mainFundingTable } from '@jixiao/core';
import { formatMoney, formatPercent, formatScore } from '../format/numbers.js';
import { LEVEL_LABELS } from '../format/labels.js';

const NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];

export function Report({ doc, score, total, grade, orgName }: { doc: EvaluationDocument; score: ScoreReport | undefined; total: string | null; grade: string | null; orgName: string }) {
  const h = doc.header;
  if (doc.prose.length > 0) {
    return (
      <article className="report">
        <h1>{h.title}</h1>
        <div className="doc-meta">
          {orgName} · {h.year}年度 · {total === null ? '不可评分' : `自评得分 ${total} 分（${grade ?? ''}）`}
        </div>
        {doc.prose.map((s) => {
          const Heading = s.level <= 1 ? 'h2' : 'h3';
          return (
            <section key={s.id}>
              <Heading>{s.heading}</Heading>
              {s.text.split('\n').filter(Boolean).map((p, i) => (
                <p key={i}>{p}</p>
              ))}
            </section>
          );
        })}
      </article>
    );
  }
  const funding = mainFundingTable(doc);
  const totalRow = funding?.rows.find((r) => r.role === 'total');
  const exec = score?.execution;
  const leaves = (score?.items ?? []).filter((i) => i.leaf && i.project === undefined);
  const missed = leaves.filter((i) => i.status === 'not-met' || i.status === 'partly-met');
  const sections: Array<{ title: string; body: React.ReactNode }> = [
    {
      title: '基本情况',
      body: (
        <p>
          {h.organisation}{h.projectName ? `“${h.projectName}”` : ''}属{LEVEL_LABELS[h.level]}，评价年度为{h.year}年
          {h.supervisingDepartment ? `，主管部门为${h.supervisingDepartment}` : ''}。
        </p>
      ),
    },
    {
      title: '资金使用情况',
      body: totalRow ? (
        <p>
          年度资金总额全年预算数 {formatMoney(totalRow.amounts.annualBudget) || '—'} {funding?.unit}，全年执行数 {formatMoney(totalRow.amounts.executed) || '—'} {funding?.unit}
          {exec?.ratePercent ? `，预算执行率 ${formatPercent(exec.ratePercent)}，得分 ${formatScore(exec.effective)} 分（分值 ${formatScore(exec.weight)} 分）` : ''}。
        </p>
      ) : (
        <p>未填写资金情况。</p>
      ),
    },
    {
      title: '年度总体目标完成情况',
      body:
        doc.goals.length === 0 ? (
          <p>未填写。</p>
        ) : (
          doc.goals.map((g, i) => (
            <div key={i}>
              <p>预期目标：{g.expected}</p>
              <p>实际完成：{g.actual ?? '未填写'}</p>
            </div>
          ))
        ),
    },
    {
      title: '绩效指标完成情况',
      body: (
        <>
          <p>
            共设置绩效指标 {leaves.length} 项，{missed.length === 0 ? '均已完成年度指标值。' : `其中 ${missed.length} 项未完全达到年度指标值：`}
          </p>
          {missed.length > 0 && (
            <ul>
              {missed.map((i) => (
                <li key={i.path}>
                  {i.name}：{i.explanation.text}
                </li>
              ))}
            </ul>
          )}
        </>
      ),
    },
    {
      title: '自评结论',
      body: (
        <p>
          经自评，{h.title.replace(/自评表$/, '')}综合得分 {total} 分，等级为“{grade}”。
        </p>
      ),
    },
  ];
  if (doc.meta.problems.length > 0 || doc.meta.measures.length > 0) {
    sections.push({
      title: '存在的问题及改进措施',
      body: (
        <>
          {doc.meta.problems.map((p, i) => (
            <p key={`p${i}`}>{p}</p>
          ))}
          {doc.meta.measures.map((m, i) => (
            <p key={`m${i}`}>{m}</p>
          ))}
        </>
      ),
    });
  }
  return (
    <article className="report">
      <h1>{h.title.replace(/自评表$/, '自评报告')}</h1>
      <div className="doc-meta">
        {orgName} · {h.year}年度
      </div>
      {sections.map((s, i) => (
        <section key={s.title}>
          <h2>
            {NUMERALS[i]}、{s.title}
          </h2>
          {s.body}
        </section>
      ))}
    </article>
  );
}
