/**
 * @module 自评报告 prose: the report's sections (heading and text) and its two lists that reviewers read
 * first, 存在的问题 and 改进措施. The exported 自评报告 (docx, PDF) is written from these; the audit reads
 * the figures in the text (a percentage the tables do not support is a finding that focuses its section).
 */
import { memo } from 'react';
import { Button, Input, Select, Space } from 'antd';
import { ArrowDownOutlined, ArrowUpOutlined, DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import type { EvaluationDocument } from '@jixiao/core';

type ProseSection = EvaluationDocument['prose'][number];

export interface ReportEditorProps {
  doc: EvaluationDocument;
  editable: boolean;
  /** DOM ids of fields with findings, by severity. */
  flagged: ReadonlyMap<string, string>;
  onDoc: (fn: (doc: EvaluationDocument) => EvaluationDocument, key: string) => void;
}

/**
 * The outline of the 项目支出绩效自评报告 most provinces follow (财预〔2020〕10号's report template), offered
 * to a report that has no sections yet.
 */
export const REPORT_OUTLINE: ReadonlyArray<{ heading: string; level: number }> = [
  { heading: '一、基本情况', level: 1 },
  { heading: '（一）项目概况', level: 2 },
  { heading: '（二）项目绩效目标', level: 2 },
  { heading: '二、绩效评价工作开展情况', level: 1 },
  { heading: '三、综合评价情况及评价结论', level: 1 },
  { heading: '四、绩效目标实现情况分析', level: 1 },
  { heading: '（一）项目资金情况分析', level: 2 },
  { heading: '（二）项目绩效指标完成情况分析', level: 2 },
  { heading: '五、偏离绩效目标的原因和下一步改进措施', level: 1 },
  { heading: '六、绩效自评结果拟应用和公开情况', level: 1 },
  { heading: '七、其他需要说明的问题', level: 1 },
];

/** A section id not yet in the document. */
export function newSectionId(prose: readonly ProseSection[]): string {
  const used = new Set(prose.map((p) => p.id));
  let n = prose.length + 1;
  while (used.has(`s${n}`)) n++;
  return `s${n}`;
}

/** The outline's sections, numbered after what the document has. */
export function outlineSections(prose: readonly ProseSection[]): ProseSection[] {
  const out: ProseSection[] = [];
  let parent = '';
  for (const o of REPORT_OUTLINE) {
    const id = newSectionId([...prose, ...out]);
    if (o.level === 1) parent = o.heading;
    out.push({ id, heading: o.heading, level: o.level, path: o.level > 1 ? [parent] : [], text: '' });
  }
  return out;
}

const LEVELS = [
  { value: 1, label: '一级标题' },
  { value: 2, label: '二级标题' },
  { value: 3, label: '三级标题' },
];

function move<T>(list: readonly T[], i: number, by: number): T[] {
  const j = i + by;
  if (j < 0 || j >= list.length) return [...list];
  const out = [...list];
  [out[i], out[j]] = [out[j]!, out[i]!];
  return out;
}

export const ReportEditor = memo(function ReportEditor({ doc, editable, flagged, onDoc }: ReportEditorProps) {
  const { prose } = doc;
  const { problems, measures } = doc.meta;
  const setSection = (i: number, patch: Partial<ProseSection>, key: string) =>
    onDoc((d) => ({ ...d, prose: d.prose.map((p, pi) => (pi === i ? { ...p, ...patch } : p)) }), `prose:${i}:${key}`);
  const setList = (list: 'problems' | 'measures', next: (items: string[]) => string[], key: string) =>
    onDoc((d) => ({ ...d, meta: { ...d.meta, [list]: next([...d.meta[list]]) } }), `meta:${list}:${key}`);

  // Sections of embedded projects (a department report of several funds) stay with their project.
  const own = prose.map((p, i) => ({ p, i })).filter(({ p }) => p.project === undefined);

  return (
    <div className="report-editor">
      <div className="report-block">
        <h3 id="report-sections">报告正文</h3>
        {own.length === 0 && <div className="muted">{editable ? '还没有正文。可按自评报告模板添加章节，或逐节添加。' : '未填写报告正文。'}</div>}
        {own.map(({ p, i }, k) => (
          <div className={`prose-section prose-level-${Math.min(p.level, 3)}`} key={p.id}>
            <div className="prose-head">
              <Input
                id={`prose-${i}-heading`}
                aria-label={`第 ${k + 1} 节标题`}
                value={p.heading}
                readOnly={!editable}
                variant={editable ? 'outlined' : 'borderless'}
                className="prose-heading"
                placeholder={editable ? '如：一、基本情况' : undefined}
                status={flagged.has(`prose-${i}-heading`) ? 'warning' : undefined}
                onChange={(e) => setSection(i, { heading: e.target.value }, 'heading')}
              />
              {editable && (
                <Space size={2}>
                  <Select
                    size="small"
                    aria-label={`第 ${k + 1} 节标题级别`}
                    value={Math.min(Math.max(p.level, 1), 3)}
                    options={LEVELS}
                    onChange={(level: number) => setSection(i, { level }, 'level')}
                    style={{ width: 96 }}
                  />
                  <Button size="small" type="text" icon={<ArrowUpOutlined />} aria-label={`上移第 ${k + 1} 节`} disabled={k === 0} onClick={() => onDoc((d) => ({ ...d, prose: move(d.prose, i, own[k - 1]!.i - i) }), `prose:move:${Date.now()}`)} />
                  <Button
                    size="small"
                    type="text"
                    icon={<ArrowDownOutlined />}
                    aria-label={`下移第 ${k + 1} 节`}
                    disabled={k === own.length - 1}
                    onClick={() => onDoc((d) => ({ ...d, prose: move(d.prose, i, own[k + 1]!.i - i) }), `prose:move:${Date.now()}`)}
                  />
                  <Button size="small" type="text" danger icon={<DeleteOutlined />} aria-label={`删除第 ${k + 1} 节`} onClick={() => onDoc((d) => ({ ...d, prose: d.prose.filter((_, pi) => pi !== i) }), `prose:remove:${Date.now()}`)} />
                </Space>
              )}
            </div>
            <Input.TextArea
              id={`prose-${i}-text`}
              aria-label={`${p.heading || `第 ${k + 1} 节`} 正文`}
              value={p.text}
              readOnly={!editable}
              variant={editable ? 'outlined' : 'filled'}
              autoSize={{ minRows: 3, maxRows: 24 }}
              status={flagged.get(`prose-${i}-text`) === 'error' ? 'error' : flagged.has(`prose-${i}-text`) ? 'warning' : undefined}
              placeholder={editable ? '每段一行。文中的金额、比例会与表格核对。' : undefined}
              onChange={(e) => setSection(i, { text: e.target.value }, 'text')}
            />
          </div>
        ))}
        {editable && (
          <Space wrap>
            <Button size="small" icon={<PlusOutlined />} onClick={() => onDoc((d) => ({ ...d, prose: [...d.prose, { id: newSectionId(d.prose), heading: '', level: 1, path: [], text: '' }] }), `prose:add:${Date.now()}`)}>
              添加章节
            </Button>
            {own.length === 0 && (
              <Button size="small" onClick={() => onDoc((d) => ({ ...d, prose: [...d.prose, ...outlineSections(d.prose)] }), 'prose:outline')}>
                按自评报告模板添加章节
              </Button>
            )}
          </Space>
        )}
      </div>
      <ListEditor title="存在的问题" list="problems" items={problems} editable={editable} flagged={flagged} setList={setList} placeholder="如：部分绩效指标设置不够细化、量化，难以衡量。" />
      <ListEditor title="改进措施" list="measures" items={measures} editable={editable} flagged={flagged} setList={setList} placeholder="如：下一年度细化量化绩效指标，按季度开展绩效运行监控。" />
    </div>
  );
});

interface ListEditorProps {
  title: string;
  list: 'problems' | 'measures';
  items: readonly string[];
  editable: boolean;
  flagged: ReadonlyMap<string, string>;
  placeholder: string;
  setList: (list: 'problems' | 'measures', next: (items: string[]) => string[], key: string) => void;
}

function ListEditor({ title, list, items, editable, flagged, placeholder, setList }: ListEditorProps) {
  return (
    <div className="report-block">
      <h3 id={`report-${list}`}>{title}</h3>
      {items.length === 0 && !editable && <div className="muted">未填写。</div>}
      <ol className="report-list" aria-labelledby={`report-${list}`}>
        {items.map((text, i) => (
          <li key={i}>
            <div className="report-item">
            <Input.TextArea
              id={`meta-${list}-${i}`}
              aria-label={`${title} 第 ${i + 1} 条`}
              value={text}
              readOnly={!editable}
              variant={editable ? 'outlined' : 'filled'}
              autoSize={{ minRows: 1, maxRows: 8 }}
              placeholder={editable ? placeholder : undefined}
              status={flagged.has(`meta-${list}-${i}`) ? 'warning' : undefined}
              onChange={(e) => setList(list, (xs) => xs.map((x, xi) => (xi === i ? e.target.value : x)), String(i))}
            />
            {editable && <Button type="text" danger icon={<DeleteOutlined />} aria-label={`删除${title}第 ${i + 1} 条`} onClick={() => setList(list, (xs) => xs.filter((_, xi) => xi !== i), `remove:${Date.now()}`)} />}
            </div>
          </li>
        ))}
      </ol>
      {editable && (
        <Button size="small" icon={<PlusOutlined />} onClick={() => setList(list, (xs) => [...xs, ''], `add:${Date.now()}`)}>
          添加一条{title}
        </Button>
      )}
    </div>
  );
}
