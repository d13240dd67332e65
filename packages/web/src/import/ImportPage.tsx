/**
 * @module 导入向导: upload an xlsx, docx, txt (or interchange JSON) file; read the import report —
 * what was recognised, guessed and skipped, with where; correct the header, money and indicators in
 * the same grid as the editor while the score and the audit follow; then save as drafts.
 */
import { useCallback, useMemo, useState } from 'react';
import { Alert, Button, Card, Checkbox, Input, Result, Select, Space, Steps, Tabs, Tag, Upload } from 'antd';
import { InboxOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import type { EvaluationDocument, IndicatorNode } from '@jixiao/core';
import { api } from '../api/client.js';
import { messageOf } from '../api/errors.js';
import type { ImportNote, ImportReport } from '../api/types.js';
import { PageHeader } from '../common/PageHeader.js';
import { GradeTag } from '../common/tags.js';
import { recentYears } from '../format/labels.js';
import { formatScore } from '../format/numbers.js';
import { FindingsPanel } from '../editor/FindingsPanel.js';
import { FundingTable, executionView } from '../editor/FundingTable.js';
import { IndicatorGrid } from '../editor/IndicatorGrid.js';
import type { FocusRequest } from '../editor/IndicatorGrid.js';
import { locate } from '../editor/paths.js';
import { analyse } from '../editor/recompute.js';
import { initialUndo, record, redo, undo } from '../editor/undo.js';
import type { UndoState } from '../editor/undo.js';
import '../editor/editor.css';

interface Draft {
  state: UndoState<EvaluationDocument>;
  report: ImportReport;
  include: boolean;
}

const NOTE_COLORS: Record<ImportNote['level'], string> = { info: 'blue', warning: 'orange', error: 'red' };
const NOTE_LEVELS: Record<ImportNote['level'], string> = { info: '提示', warning: '注意', error: '错误' };

function NoteList({ notes, empty }: { notes: readonly ImportNote[]; empty: string }) {
  if (notes.length === 0) return <div className="muted">{empty}</div>;
  return (
    <ul className="note-list">
      {notes.map((n, i) => (
        <li key={`${n.code}:${i}`}>
          <Tag color={NOTE_COLORS[n.level]}>{NOTE_LEVELS[n.level]}</Tag>
          <span>{n.message}</span>
          {n.where && <span className="muted note-where">（{n.where}）</span>}
        </li>
      ))}
    </ul>
  );
}

const noop = () => undefined;
const NO_FLAGS: ReadonlyMap<string, string> = new Map();
const NO_COMMENTS: ReadonlyMap<string, number> = new Map();

function ReviewDocument({ draft, onChange }: { draft: Draft; onChange: (fn: (s: UndoState<EvaluationDocument>) => UndoState<EvaluationDocument>) => void }) {
  const doc = draft.state.present;
  const analysis = useMemo(() => analyse(doc), [doc]);
  const [focus, setFocus] = useState<FocusRequest | undefined>();
  const onDoc = useCallback((fn: (d: EvaluationDocument) => EvaluationDocument, key?: string) => onChange((s) => record(s, fn(s.present), key)), [onChange]);
  const onRoots = useCallback((fn: (r: IndicatorNode[]) => IndicatorNode[], key?: string) => onDoc((d) => ({ ...d, indicators: fn(d.indicators) }), key), [onDoc]);
  const h = doc.header;
  const years = recentYears(new Date(), 15);
  if (!years.includes(h.year)) years.push(h.year);
  const report = draft.report;

  return (
    <div className="import-review">
      <div className="import-columns">
        <div className="import-main">
          <Card size="small" title="导入报告">
            <Tabs
              size="small"
              defaultActiveKey={report.guessed.length > 0 ? 'guessed' : report.skipped.length > 0 ? 'skipped' : 'recognised'}
              items={[
                { key: 'guessed', label: `推测的内容 ${report.guessed.length}`, children: <NoteList notes={report.guessed} empty="没有需要核对的推测" /> },
                { key: 'skipped', label: `未导入 ${report.skipped.length}`, children: <NoteList notes={report.skipped} empty="没有跳过的内容" /> },
                { key: 'recognised', label: `已识别 ${report.recognised.length}`, children: <NoteList notes={report.recognised} empty="—" /> },
              ]}
            />
          </Card>
          <Card size="small" title="基本信息（请核对）">
            <div className="header-form">
              <div className="field field-wide">
                <label htmlFor="import-title">标题</label>
                <Input id="import-title" value={h.title} onChange={(e) => onDoc((d) => ({ ...d, header: { ...d.header, title: e.target.value } }), 'h:title')} />
              </div>
              <div className="field">
                <label htmlFor="import-year">评价年度</label>
                <Select
                  id="import-year"
                  value={h.year}
                  options={years.sort((a, b) => b - a).map((y) => ({ value: y, label: `${y}年` }))}
                  onChange={(y: number) => onDoc((d) => ({ ...d, header: { ...d.header, year: y } }), 'h:year')}
                />
              </div>
              <div className="field">
                <label htmlFor="import-level">评价类型</label>
                <Select
                  id="import-level"
                  value={h.level}
                  options={[
                    { value: 'project', label: '项目支出' },
                    { value: 'department', label: '部门整体支出' },
                  ]}
                  onChange={(level: 'project' | 'department') => onDoc((d) => ({ ...d, header: { ...d.header, level } }), 'h:level')}
                />
              </div>
              <div className="field">
                <label htmlFor="import-org">预算单位</label>
                <Input id="import-org" value={h.organisation} onChange={(e) => onDoc((d) => ({ ...d, header: { ...d.header, organisation: e.target.value } }), 'h:org')} />
              </div>
              <div className="field">
                <label htmlFor="import-project">项目名称</label>
                <Input id="import-project" value={h.projectName ?? ''} onChange={(e) => onDoc((d) => ({ ...d, header: { ...d.header, projectName: e.target.value } }), 'h:project')} />
              </div>
            </div>
          </Card>
          <Card size="small" title="项目资金">
            <FundingTable funding={doc.funding} execution={executionView(analysis.score)} editable flagged={NO_FLAGS} onDoc={onDoc} />
          </Card>
          <Card size="small" title={`绩效指标（${analysis.score?.items.filter((i) => i.leaf).length ?? 0} 项）`}>
            <IndicatorGrid
              roots={doc.indicators}
              analysis={analysis}
              editable
              canRescore={false}
              commentCounts={NO_COMMENTS}
              onRoots={onRoots}
              onUndo={() => onChange(undo)}
              onRedo={() => onChange(redo)}
              canUndo={draft.state.past.length > 0}
              canRedo={draft.state.future.length > 0}
              onOpenScore={noop}
              onOpenEvidence={noop}
              onOpenComments={noop}
              focusRequest={focus}
            />
          </Card>
        </div>
        <aside className="import-aside">
          <div className="score-total">
            <span className="score-label">总分</span>
            <span className="score-big">{formatScore(analysis.score?.total)}</span>
            <GradeTag grade={analysis.score?.grade} />
          </div>
          <FindingsPanel
            findings={analysis.audit?.findings ?? []}
            ruleSet={analysis.audit?.ruleSet}
            ms={analysis.ms}
            onLocate={(f) => {
              const loc = locate(f.path);
              if (loc.area === 'indicator') setFocus({ idx: loc.idx, column: loc.column, nonce: Date.now() });
            }}
          />
        </aside>
      </div>
    </div>
  );
}

export default function ImportPage() {
  const navigate = useNavigate();
  const [step, setStep] = useState(0);
  const [fileName, setFileName] = useState<string | undefined>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | undefined>();
  const [drafts, setDrafts] = useState<Draft[]>([]);
  const [active, setActive] = useState('0');
  const [saved, setSaved] = useState<Array<{ id: string; title: string; total: string | null; grade: string | null }>>([]);

  const read = async (file: File) => {
    setBusy(true);
    setError(undefined);
    setFileName(file.name);
    try {
      const r = await api.importPreview(file);
      setDrafts(r.documents.map((d) => ({ state: initialUndo(d.document), report: d.report, include: true })));
      setActive('0');
      setStep(1);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  };

  const save = async () => {
    setBusy(true);
    setError(undefined);
    const out: typeof saved = [];
    try {
      for (const d of drafts) {
        if (!d.include) continue;
        const v = await api.createEvaluation(d.state.present);
        out.push({ id: v.data.id, title: v.data.title, total: v.data.total, grade: v.data.grade });
      }
      setSaved(out);
      setStep(2);
    } catch (err) {
      setSaved(out);
      setError(`${messageOf(err)}${out.length > 0 ? `（已保存 ${out.length} 份）` : ''}`);
    } finally {
      setBusy(false);
    }
  };

  const updateDraft = (i: number) => (fn: (s: UndoState<EvaluationDocument>) => UndoState<EvaluationDocument>) =>
    setDrafts((ds) => ds.map((d, j) => (j === i ? { ...d, state: fn(d.state) } : d)));

  return (
    <div className="page import-page">
      <PageHeader title="导入自评表" sub="支持 Excel（.xlsx）、Word（.docx）、文本（.txt）和交换格式（.json）" />
      <Steps
        current={step}
        style={{ marginBottom: 16 }}
        items={[{ title: '选择文件' }, { title: '核对与修正' }, { title: '完成' }]}
      />
      {error && <Alert type="error" showIcon title={error} style={{ marginBottom: 12 }} />}
      {step === 0 && (
        <Card>
          <Upload.Dragger
            accept=".xlsx,.docx,.txt,.json"
            multiple={false}
            showUploadList={false}
            disabled={busy}
            beforeUpload={(file) => {
              void read(file);
              return false;
            }}
          >
            <p className="ant-upload-drag-icon">
              <InboxOutlined />
            </p>
            <p className="ant-upload-text">{busy ? `正在读取“${fileName}”…` : '点击选择文件，或把文件拖到这里'}</p>
            <p className="ant-upload-hint">读取后不会立即保存：先核对系统识别和推测的内容，修正后再保存为草稿。</p>
          </Upload.Dragger>
        </Card>
      )}
      {step === 1 && (
        <>
          <Card size="small" style={{ marginBottom: 12 }}>
            <Space wrap style={{ justifyContent: 'space-between', width: '100%' }}>
              <span>
                从“{fileName}”读取到 <strong>{drafts.length}</strong> 份评价表。
                {drafts.length > 1 && '取消勾选的不会保存。'}
              </span>
              <Space>
                <Button
                  onClick={() => {
                    setDrafts([]);
                    setStep(0);
                  }}
                >
                  重新选择文件
                </Button>
                <Button type="primary" loading={busy} disabled={!drafts.some((d) => d.include)} onClick={save}>
                  保存为草稿
                </Button>
              </Space>
            </Space>
          </Card>
          <Tabs
            activeKey={active}
            onChange={setActive}
            items={drafts.map((d, i) => ({
              key: String(i),
              label: (
                <Space size={4}>
                  <Checkbox
                    checked={d.include}
                    aria-label={`保存第 ${i + 1} 份`}
                    onClick={(e) => e.stopPropagation()}
                    onChange={(e) => setDrafts((ds) => ds.map((x, j) => (j === i ? { ...x, include: e.target.checked } : x)))}
                  />
                  <span>{d.state.present.header.title || `第 ${i + 1} 份`}</span>
                </Space>
              ),
              children: <ReviewDocument draft={d} onChange={updateDraft(i)} />,
            }))}
          />
        </>
      )}
      {step === 2 && (
        <Result
          status="success"
          title={`已保存 ${saved.length} 份草稿`}
          subTitle="可以继续在编辑器中完善，确认无误后提交审核。"
          extra={[
            <Button key="again" onClick={() => { setDrafts([]); setSaved([]); setStep(0); }}>
              继续导入
            </Button>,
            saved[0] ? (
              <Button key="open" type="primary" onClick={() => navigate(`/evaluations/${saved[0]!.id}`)}>
                打开“{saved[0].title}”
              </Button>
            ) : null,
          ]}
        >
          <ul className="saved-list">
            {saved.map((s) => (
              <li key={s.id}>
                <Link to={`/evaluations/${s.id}`}>{s.title}</Link> <span className="muted">总分 {s.total ?? '不可评分'}</span> <GradeTag grade={s.grade} />
              </li>
            ))}
          </ul>
        </Result>
      )}
    </div>
  );
}
