/**
 * @module The evaluation editor: header, funding, goals and the indicator grid, with the score and
 * the audit findings recomputed in the browser on every edit, autosave with a conflict dialog,
 * evidence, comments, re-scores and the workflow buttons. Reviewers see the same page read-only
 * with their tools.
 */
import { memo, useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { Alert, App, Badge, Button, Drawer, Dropdown, Result, Space, Tabs, Tooltip } from 'antd';
import type { MenuProps } from 'antd';
import { CommentOutlined, DeleteOutlined, DownloadOutlined, ExclamationCircleOutlined, HistoryOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { parseDocument } from '@jixiao/core';
import type { EvaluationDocument, Finding, IndicatorNode, ProjectScore, WorkflowAction } from '@jixiao/core';
import { api, request } from '../api/client.js';
import type { ExportFormat } from '../api/client.js';
import { ApiError, messageOf } from '../api/errors.js';
import type { Comment, Evaluation, HistoryItem, Versioned } from '../api/types.js';
import { useUser } from '../auth/session.js';
import { Loading } from '../app/Loading.js';
import { StatusTag } from '../common/tags.js';
import { formatDateTime, formatTime } from '../format/dates.js';
import { formatScore } from '../format/numbers.js';
import { ACTION_LABELS, LEVEL_LABELS } from '../format/labels.js';
import { CommentsDrawer } from '../review/CommentsDrawer.js';
import { WorkflowBar } from '../review/WorkflowBar.js';
import { AutoSaver } from './autosave.js';
import type { SaveStatus } from './autosave.js';
import { ConflictDialog } from './ConflictDialog.js';
import { DepartmentData } from './DepartmentData.js';
import { EvidenceDialog } from './EvidenceDialog.js';
import { FindingsPanel } from './FindingsPanel.js';
import { FundingTable, executionView } from './FundingTable.js';
import { GoalsEditor } from './GoalsEditor.js';
import { HeaderForm } from './HeaderForm.js';
import { IndicatorGrid } from './IndicatorGrid.js';
import type { FocusRequest, IndicatorGridProps, NameSuggestion, SuggestFn } from './IndicatorGrid.js';
import { GOAL_COLUMNS } from './grid-model.js';
import { GoalSummary, StageBanner } from './StageBanner.js';
import { ReportEditor } from './ReportEditor.js';
import { baselineView, takeApprovedTargets } from './baseline.js';
import { fieldDomId, locate } from './paths.js';
import { analyse } from './recompute.js';
import { ScoreDialog } from './ScoreDialog.js';
import { ScoreSummary } from './ScoreSummary.js';
import type { FlatRow } from './tree.js';
import { describeNode, findNode, treeBase, updateNode, updateTree } from './nodes.js';
import { initialUndo, record, redo, reset, undo } from './undo.js';
import type { UndoState } from './undo.js';
import './editor.css';

const AUTOSAVE_MS = 1200;

/** Names from the region's indicator library (指标库) for a name being typed in the grid. */
const suggestNames: SuggestFn = async (q, signal) =>
  (await request<{ items: NameSuggestion[] }>('GET', `/library/indicators?limit=8&q=${encodeURIComponent(q)}`, { signal })).items;

export default function EditorPage() {
  const { id = '' } = useParams();
  const [loaded, setLoaded] = useState<{ v: Versioned<Evaluation>; generation: number } | undefined>();
  const [error, setError] = useState<unknown>();

  useEffect(() => {
    let live = true;
    setLoaded(undefined);
    setError(undefined);
    api
      .getEvaluation(id)
      .then((v) => live && setLoaded({ v, generation: 0 }))
      .catch((err: unknown) => live && setError(err));
    return () => {
      live = false;
    };
  }, [id]);

  const reload = useCallback((v: Versioned<Evaluation>) => setLoaded((l) => ({ v, generation: (l?.generation ?? 0) + 1 })), []);

  if (error) {
    const notFound = error instanceof ApiError && error.status === 404;
    return (
      <Result
        status={notFound ? '404' : 'error'}
        title={notFound ? '未找到该评价文档' : '无法打开评价文档'}
        subTitle={notFound ? '文档不存在、已被删除，或您没有查看权限。' : messageOf(error)}
        extra={
          <Link to="/evaluations">
            <Button type="primary">返回评价文档列表</Button>
          </Link>
        }
      />
    );
  }
  if (!loaded) return <Loading tip="正在打开评价文档…" />;
  return <Editor key={`${id}:${loaded.generation}`} initial={loaded.v} onReload={reload} />;
}

function useNarrow(maxWidth: number): boolean {
  const query = `(max-width: ${maxWidth}px)`;
  const [narrow, setNarrow] = useState(() => window.matchMedia(query).matches);
  useEffect(() => {
    const m = window.matchMedia(query);
    const on = () => setNarrow(m.matches);
    m.addEventListener('change', on);
    return () => m.removeEventListener('change', on);
  }, [query]);
  return narrow;
}

function validateDocument(doc: EvaluationDocument): string | undefined {
  const r = parseDocument(doc);
  if (r.ok) return undefined;
  const first = r.issues[0];
  return first ? `格式有误（${first.path}：${first.message}），暂未保存` : '格式有误，暂未保存';
}

function saveStatusText(s: SaveStatus): { text: string; tone: 'ok' | 'busy' | 'warn' | 'error' } {
  switch (s.kind) {
    case 'saved':
      return { text: s.at ? `已自动保存 ${formatTime(s.at)}` : '已保存', tone: 'ok' };
    case 'pending':
      return { text: '有未保存的修改', tone: 'busy' };
    case 'saving':
      return { text: '正在保存…', tone: 'busy' };
    case 'error':
      return { text: `保存失败：${s.message}`, tone: 'error' };
    case 'invalid':
      return { text: s.message, tone: 'warn' };
    case 'conflict':
      return { text: '保存冲突', tone: 'error' };
  }
}

interface EditorProps {
  initial: Versioned<Evaluation>;
  onReload: (v: Versioned<Evaluation>) => void;
}

function Editor({ initial, onReload }: EditorProps) {
  const { user } = useUser();
  const { message, modal } = App.useApp();
  const navigate = useNavigate();
  const id = initial.data.id;
  const [meta, setMeta] = useState<Evaluation>(initial.data);
  const [undoState, setUndoState] = useState<UndoState<EvaluationDocument>>(() => initialUndo(initial.data.document));
  const doc = undoState.present;
  const [saveStatus, setSaveStatus] = useState<SaveStatus>({ kind: 'saved', at: undefined });
  const [busyAction, setBusyAction] = useState<WorkflowAction | undefined>();
  const [focusRequest, setFocusRequest] = useState<FocusRequest | undefined>();
  const [scoreFor, setScoreFor] = useState<{ id: string; mode: 'override' | 'review' } | undefined>();
  const [scoreBusy, setScoreBusy] = useState(false);
  const [scoreError, setScoreError] = useState<string | undefined>();
  const [evidenceFor, setEvidenceFor] = useState<string | undefined>();
  const [commentsFor, setCommentsFor] = useState<{ indicatorId: string | undefined } | undefined>();
  const [comments, setComments] = useState<Comment[]>([]);
  const [returned, setReturned] = useState<HistoryItem | undefined>();
  const [findingsOpen, setFindingsOpen] = useState(false);
  const [asideTab, setAsideTab] = useState('findings');
  const narrow = useNarrow(1180);
  const baseline = useRef<EvaluationDocument>(initial.data.document);

  const editable = meta.permissions.update && saveStatus.kind !== 'conflict';
  const canRescore = meta.permissions.rescore;

  // ---- analysis: the same engines as the server, on every edit
  const analysis = useMemo(() => analyse(doc), [doc]);
  const isGoals = doc.header.stage === 'goals';
  // The approved goals this document was created from: its targets are theirs (see baseline.ts).
  const baselineId = doc.header.baseline?.id;
  const [baselineDoc, setBaselineDoc] = useState<EvaluationDocument | undefined>(undefined);
  useEffect(() => {
    setBaselineDoc(undefined);
    if (!baselineId) return;
    let live = true;
    api.getEvaluation(baselineId).then(
      (v) => live && setBaselineDoc(v.data.document),
      () => undefined, // without the goals (removed, out of reach) the targets are simply not locked
    );
    return () => {
      live = false;
    };
  }, [baselineId]);
  const approvedGoals = useMemo(() => (baselineDoc ? baselineView(baselineDoc, doc) : undefined), [baselineDoc, doc]);
  const gridColumns = isGoals ? GOAL_COLUMNS : undefined;
  // Goal checks the browser cannot make alone (last year's record, other units' declarations) come from
  // the server, again after each save, beside the ones computed here as the user types.
  const [contextFindings, setContextFindings] = useState<readonly Finding[]>([]);
  useEffect(() => {
    setContextFindings([]);
    if (!isGoals) return;
    let live = true;
    request<{ findings: Finding[] }>('GET', `/goals/${encodeURIComponent(id)}/quality`).then(
      (r) => live && setContextFindings(r.findings.filter((f) => f.family === 'history' || f.code === 'GOAL-COPIED-PEER')),
      () => undefined, // the checks made here still stand
    );
    return () => {
      live = false;
    };
  }, [isGoals, id, meta.version]);
  const findings = useMemo(() => {
    const own = analysis.audit?.findings ?? [];
    if (contextFindings.length === 0) return own;
    const seen = new Set(own.map((f) => `${f.code}|${f.path}`));
    return [...own, ...contextFindings.filter((f) => !seen.has(`${f.code}|${f.path}`))];
  }, [analysis, contextFindings]);

  // ---- autosave
  const saverRef = useRef<AutoSaver<EvaluationDocument> | undefined>(undefined);
  if (!saverRef.current) {
    saverRef.current = new AutoSaver<EvaluationDocument>({
      etag: initial.etag,
      delayMs: AUTOSAVE_MS,
      save: async (d, etag) => {
        const v = await api.saveEvaluation(id, d, etag);
        setMeta(v.data);
        return { etag: v.etag };
      },
      validate: validateDocument,
      onStatus: setSaveStatus,
    });
  }
  const saver = saverRef.current;

  useEffect(() => {
    if (doc === baseline.current) return;
    saver.change(doc);
  }, [doc, saver]);

  useEffect(() => {
    const warn = (e: BeforeUnloadEvent) => {
      if (saver.busy) {
        e.preventDefault();
        e.returnValue = '';
      }
    };
    window.addEventListener('beforeunload', warn);
    return () => {
      window.removeEventListener('beforeunload', warn);
      // Leaving the page: send what is waiting.
      void saver.flush().finally(() => saver.dispose());
    };
  }, [saver]);

  // ---- comments and the return notice
  useEffect(() => {
    let live = true;
    api
      .comments(id)
      .then((c) => live && setComments(c))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [id]);

  useEffect(() => {
    if (meta.status !== 'returned') {
      setReturned(undefined);
      return;
    }
    let live = true;
    api
      .history(id)
      .then((items) => {
        if (!live) return;
        const last = [...items].reverse().find((h) => h.type === 'transition' && h.to === 'returned');
        setReturned(last);
      })
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, [id, meta.status]);

  const commentCounts = useMemo(() => {
    const m = new Map<string, number>();
    for (const c of comments) if (c.indicatorId) m.set(c.indicatorId, (m.get(c.indicatorId) ?? 0) + 1);
    return m;
  }, [comments]);
  const docComments = comments.filter((c) => c.indicatorId === null).length;

  // ---- edits
  const onDoc = useCallback((fn: (d: EvaluationDocument) => EvaluationDocument, key?: string) => {
    setUndoState((s) => record(s, fn(s.present), key));
  }, []);
  const onRoots = useCallback(
    (fn: (roots: IndicatorNode[]) => IndicatorNode[], key?: string) => onDoc((d) => ({ ...d, indicators: fn(d.indicators) }), key),
    [onDoc],
  );
  const onUndo = useCallback(() => setUndoState((s) => undo(s)), []);
  const onRedo = useCallback(() => setUndoState((s) => redo(s)), []);

  /** Replaces the document without an undo step and without saving it again (it came from the server). */
  const adoptServer = useCallback(
    (v: Versioned<Evaluation>, merge?: (mine: EvaluationDocument, theirs: EvaluationDocument) => EvaluationDocument) => {
      setMeta(v.data);
      const pending = saver.busy;
      setUndoState((s) => {
        const next = merge ? merge(s.present, v.data.document) : v.data.document;
        if (!pending) baseline.current = next;
        return merge ? { ...s, present: next } : reset(next);
      });
      saver.adopt(v.etag, { keepPending: pending && merge !== undefined });
    },
    [saver],
  );

  // ---- locating findings; the maps below keep their identity while their content does, so the
  // funding and goals blocks are not drawn again on every keystroke in the grid.
  const flaggedEntries = useMemo(() => {
    const m = new Map<string, string>();
    for (const f of findings) {
      const domId = fieldDomId(locate(f.path));
      if (domId && (m.get(domId) !== 'error' || f.severity === 'error')) m.set(domId, f.severity);
    }
    return [...m.entries()].map(([k, v]) => `${k}=${v}`).join('|');
  }, [findings]);
  const flagged = useMemo(() => new Map(flaggedEntries ? flaggedEntries.split('|').map((e) => e.split('=') as [string, string]) : []), [flaggedEntries]);
  const executionKey = JSON.stringify(executionView(analysis.score) ?? null);
  const execution = useMemo(() => executionView(analysis.score), [executionKey]);

  const focusPath = useCallback(
    (path: string, fallback: string) => {
      const loc = locate(path);
      if (loc.area === 'indicator') {
        setFocusRequest({ idx: loc.idx, column: loc.column, nonce: Date.now(), project: loc.project });
        if (narrow) setFindingsOpen(false);
        return;
      }
      const domId = fieldDomId(loc);
      const el = domId ? document.getElementById(domId) : undefined;
      if (el) {
        if (narrow) setFindingsOpen(false);
        el.scrollIntoView({ block: 'center' });
        el.focus({ preventScroll: true });
        return;
      }
      message.info(`该问题涉及：${fallback || '整份文档'}`);
    },
    [message, narrow],
  );
  const onLocate = useCallback((f: Finding) => focusPath(f.path, f.location), [focusPath]);

  // ---- dialogs
  const scoreTarget = findNode(doc, scoreFor?.id);
  const scoreItem = scoreTarget ? analysis.items.get(scoreTarget.path) : undefined;
  const evidenceTarget = findNode(doc, evidenceFor);
  const commentsTarget = findNode(doc, commentsFor?.indicatorId);

  const onOpenScore = useCallback(
    (row: FlatRow) => {
      if (!row.leaf) return;
      setScoreError(undefined);
      setScoreFor({ id: row.node.id, mode: meta.permissions.update ? 'override' : 'review' });
    },
    [meta.permissions.update],
  );
  const onOpenEvidence = useCallback((row: FlatRow) => row.leaf && setEvidenceFor(row.node.id), []);
  const onOpenComments = useCallback((row: FlatRow) => setCommentsFor({ indicatorId: row.node.id }), []);

  const submitScore = async (score: string, reason: string) => {
    if (!scoreFor || !scoreTarget) return;
    if (scoreFor.mode === 'override') {
      const ref = scoreTarget;
      onDoc((d) => updateNode(d, ref, (n) => ({ ...n, override: { score, reason, by: user.displayName, at: new Date().toISOString() } })), `override:${Date.now()}`);
      setScoreFor(undefined);
      message.success('已调整得分');
      return;
    }
    setScoreBusy(true);
    setScoreError(undefined);
    try {
      const v = await api.rescore(id, scoreFor.id, score, reason, saver.etag);
      adoptServer(v);
      setScoreFor(undefined);
      message.success('已保存复核分');
    } catch (err) {
      setScoreError(messageOf(err));
    } finally {
      setScoreBusy(false);
    }
  };

  const clearOverride = () => {
    if (!scoreTarget) return;
    const ref = scoreTarget;
    onDoc(
      (d) =>
        updateNode(d, ref, (n) => {
          const copy = { ...n };
          delete copy.override;
          return copy;
        }),
      `override:${Date.now()}`,
    );
    setScoreFor(undefined);
  };

  const refreshAfterServerChange = async (indicatorId: string) => {
    const v = await api.getEvaluation(id);
    adoptServer(v, (mine, theirs) => {
      // Take the evidence list of that indicator from the server; keep everything else as on screen.
      const server = findNode(theirs, indicatorId)?.node;
      const ref = findNode(mine, indicatorId);
      if (!ref) return mine;
      return updateNode(mine, ref, (n) => {
        const copy = { ...n };
        if (server?.evidence && server.evidence.length > 0) copy.evidence = server.evidence;
        else delete copy.evidence;
        return copy;
      });
    });
  };

  const uploadEvidence = async (file: File) => {
    if (!evidenceFor) return;
    if (!(await saver.flush())) throw new Error('请先处理未保存的修改，再上传佐证材料');
    await api.uploadEvidence(id, evidenceFor, file, saver.etag);
    await refreshAfterServerChange(evidenceFor);
    message.success(`已上传“${file.name}”`);
  };

  const deleteEvidence = async (evidenceId: string) => {
    if (!evidenceFor) return;
    if (!(await saver.flush())) throw new Error('请先处理未保存的修改');
    await api.deleteEvidence(id, evidenceId, saver.etag);
    await refreshAfterServerChange(evidenceFor);
    message.success('已删除');
  };

  // ---- workflow
  const act = async (action: WorkflowAction, reason?: string): Promise<boolean> => {
    setBusyAction(action);
    try {
      if (meta.permissions.update && !(await saver.flush())) {
        message.error('修改尚未保存成功，请先处理保存问题');
        return false;
      }
      const v = await api.act(id, action, saver.etag, reason);
      setMeta(v.data);
      saver.adopt(v.etag, { keepPending: false });
      baseline.current = doc;
      message.success(`已${ACTION_LABELS[action]}`);
      if (action === 'submit' || action === 'approve' || action === 'recheck' || action === 'return') {
        // The document leaves this user's hands; their list is the natural next place.
        window.setTimeout(() => navigate('/'), 600);
      }
      return true;
    } catch (err) {
      message.error(messageOf(err));
      return false;
    } finally {
      setBusyAction(undefined);
    }
  };

  /** Downloads are plain links; when edits are still waiting, they are saved first so the file has them. */
  const downloadLink = (format: ExportFormat, label: string) => (
    <a
      className="download-link"
      href={api.exportUrl(id, format)}
      download
      onClick={(e) => {
        if (!saver.busy) return;
        e.preventDefault();
        const href = e.currentTarget.href;
        void saver.flush().then(() => {
          const a = document.createElement('a');
          a.href = href;
          a.download = '';
          document.body.appendChild(a);
          a.click();
          a.remove();
        });
      }}
    >
      {label}
    </a>
  );

  const downloadMenu = useMemo<MenuProps>(
    () => ({
      // A goal declaration has its 申报表 and no report yet.
      items: isGoals
        ? [
            { key: 'xlsx', label: downloadLink('xlsx', '绩效目标申报表（Excel）') },
            { key: 'json', label: downloadLink('json', '交换格式（JSON）') },
          ]
        : [
            { key: 'xlsx', label: downloadLink('xlsx', '自评表（Excel）') },
            { key: 'docx', label: downloadLink('docx', '自评报告（Word）') },
            { key: 'pdf', label: downloadLink('pdf', '自评报告（PDF）') },
            { key: 'json', label: downloadLink('json', '交换格式（JSON）') },
          ],
    }),
    // The links depend on the document's id, its stage and the saver only.
    [id, saver, isGoals],
  );
  const remove = async () => {
    try {
      saver.dispose();
      await api.deleteEvaluation(id, saver.etag);
      message.success('已删除草稿');
      navigate('/evaluations', { replace: true });
    } catch (err) {
      message.error(messageOf(err));
    }
  };
  const removeRef = useRef(remove);
  removeRef.current = remove;
  const onDelete = useCallback(
    () =>
      modal.confirm({
        title: '删除这份草稿？',
        content: '删除后不能在系统中继续编辑（操作记入审计日志）。',
        okText: '删除',
        okButtonProps: { danger: true },
        cancelText: '取消',
        onOk: () => removeRef.current(),
      }),
    [modal],
  );
  const actRef = useRef(act);
  actRef.current = act;
  const onAct = useCallback((action: WorkflowAction, reason?: string) => actRef.current(action, reason), []);
  const openFindings = useCallback(() => setFindingsOpen(true), []);
  const openDocComments = useCallback(() => setCommentsFor({ indicatorId: undefined }), []);

  const status = saveStatusText(saveStatus);
  const errorCount = findings.filter((f) => f.severity === 'error').length;

  const aside = (
    <Tabs
      activeKey={asideTab}
      onChange={setAsideTab}
      size="small"
      items={[
        {
          key: 'findings',
          label: (
            <span>
              审核发现 <Badge count={findings.length} size="small" color={errorCount > 0 ? 'red' : 'orange'} showZero={false} />
            </span>
          ),
          children: <FindingsPanel findings={findings} onLocate={onLocate} ruleSet={analysis.audit?.ruleSet} ms={analysis.ms} />,
        },
        {
          key: 'comments',
          label: (
            <span>
              批注 <Badge count={comments.length} size="small" color="blue" showZero={false} />
            </span>
          ),
          children: (
            <CommentsOverview
              comments={comments}
              doc={doc}
              onOpen={(indicatorId) => {
                const ref = findNode(doc, indicatorId ?? undefined);
                if (ref) setFocusRequest({ idx: ref.idx, column: 'name', nonce: Date.now(), project: ref.project });
                setCommentsFor({ indicatorId: indicatorId ?? undefined });
              }}
            />
          ),
        },
      ]}
    />
  );

  // What the main grid and every embedded project's grid share.
  const gridShared = {
    columns: gridColumns,
    suggest: editable ? suggestNames : undefined,
    analysis,
    editable,
    canRescore,
    commentCounts,
    onUndo,
    onRedo,
    canUndo: undoState.past.length > 0,
    canRedo: undoState.future.length > 0,
    onOpenScore,
    onOpenEvidence,
    onOpenComments,
    focusRequest,
  } satisfies Partial<IndicatorGridProps>;

  return (
    <div className="editor">
      <div className="editor-top">
        <div className="editor-title">
          <h1 title={doc.header.title}>{doc.header.title || '（无标题）'}</h1>
          <div className="editor-meta">
            <StatusTag status={meta.status} label={meta.statusLabel} />
            <span>{meta.orgName}</span>
            <span>{doc.header.year}年</span>
            <span>{LEVEL_LABELS[doc.header.level]}</span>
            {meta.permissions.update && (
              <span className={`save-status save-${status.tone}`} role="status" aria-live="polite" data-testid="save-status">
                {status.text}
                {saveStatus.kind === 'error' && (
                  <Button type="link" size="small" onClick={() => void saver.flush()}>
                    重试
                  </Button>
                )}
              </span>
            )}
            {!meta.permissions.update && <span className="muted">只读（{meta.statusLabel}）</span>}
          </div>
        </div>
        <EditorActions
          id={id}
          narrow={narrow}
          errorCount={errorCount}
          findingsCount={findings.length}
          docComments={docComments}
          actions={meta.actions}
          busyAction={busyAction}
          downloadMenu={downloadMenu}
          onAct={onAct}
          onFindings={openFindings}
          onDocComments={openDocComments}
          onDelete={meta.permissions.delete ? onDelete : undefined}
        />
      </div>

      {returned && (
        <Alert
          className="return-notice"
          type="error"
          showIcon
          title={`已被 ${returned.actor.name} 退回（${formatDateTime(returned.at)}）`}
          description={
            <>
              <div className="return-reason">{returned.reason || '（未填写退回原因）'}</div>
              {comments.length > 0 && <div className="muted">审核人留有 {comments.length} 条批注，带有批注的指标在表格右侧以蓝色标记，点击即可查看。</div>}
            </>
          }
        />
      )}
      {meta.status === 'submitted' && meta.permissions.update === false && user.role !== 'reviewer' && (
        <Alert className="return-notice" type="info" showIcon title="已提交，等待主管部门审核。审核期间不能修改。" />
      )}

      <StageBanner
        id={id}
        doc={doc}
        status={meta.status}
        stale={editable ? (approvedGoals?.stale.length ?? 0) : 0}
        onTakeApproved={() => approvedGoals && onDoc((d) => takeApprovedTargets(d, approvedGoals.approved), `approvedGoals:${Date.now()}`)}
      />
      <div className={`editor-body ${narrow ? 'narrow' : ''}`}>
        <div className="editor-main">
          <section className="editor-section" aria-labelledby="sec-header">
            <h2 id="sec-header">基本信息</h2>
            <HeaderForm header={doc.header} ruleSet={doc.ruleSet} editable={editable} onDoc={onDoc} />
          </section>
          <section className="editor-section" aria-labelledby="sec-funding">
            <h2 id="sec-funding">{isGoals ? '资金申请' : '项目资金'}</h2>
            <FundingTable funding={doc.funding} execution={execution} editable={editable} flagged={flagged} onDoc={onDoc} />
          </section>
          {doc.department && (doc.department.staffing || (doc.department.expenseControl?.rows.length ?? 0) > 0) && (
            <section className="editor-section" aria-labelledby="sec-department">
              <h2 id="sec-department">基础数据表</h2>
              <DepartmentData data={doc.department} />
            </section>
          )}
          <section className="editor-section" aria-labelledby="sec-goals">
            <h2 id="sec-goals">年度总体目标</h2>
            <GoalsEditor goals={doc.goals} editable={editable} flagged={flagged} onDoc={onDoc} declaration={isGoals} />
          </section>
          <section className="editor-section" aria-labelledby="sec-indicators">
            <h2 id="sec-indicators">{isGoals ? '绩效指标（申报）' : '绩效指标'}</h2>
            <IndicatorGrid
              {...gridShared}
              locks={approvedGoals?.locks}
              targetNotes={approvedGoals?.notes}
              roots={doc.indicators}
              onRoots={onRoots}
            />
          </section>
          {doc.projects.map((p, pi) => (
            <ProjectSection
              key={`${p.id}:${pi}`}
              index={pi}
              name={p.name}
              roots={p.indicators}
              total={analysis.score?.projects.find((x) => x.id === p.id)}
              {...gridShared}
              onDoc={onDoc}
            />
          ))}
          {!isGoals && (
            <section className="editor-section" aria-labelledby="sec-report">
              <h2 id="sec-report">自评报告</h2>
              <ReportEditor doc={doc} editable={editable} flagged={flagged} onDoc={onDoc} />
            </section>
          )}
        </div>
        {!narrow && (
          <aside className="editor-aside" aria-label="得分与审核">
            {isGoals ? <GoalSummary doc={doc} findings={findings} /> : <ScoreSummary score={analysis.score} failure={analysis.failure} indicators={doc.indicators} />}
            {aside}
          </aside>
        )}
      </div>
      {narrow && (
        <div className="editor-score-bar">
          {isGoals ? <GoalSummary doc={doc} findings={findings} /> : <ScoreSummary score={analysis.score} failure={analysis.failure} indicators={doc.indicators} />}
        </div>
      )}
      {narrow && (
        <Drawer open={findingsOpen} onClose={() => setFindingsOpen(false)} title="审核与批注" size={380}>
          {aside}
        </Drawer>
      )}

      <ScoreDialog
        open={scoreFor !== undefined}
        mode={scoreFor?.mode ?? 'override'}
        node={scoreTarget?.node}
        item={scoreItem}
        busy={scoreBusy}
        error={scoreError}
        onCancel={() => setScoreFor(undefined)}
        onSubmit={(s, r) => void submitScore(s, r)}
        onClear={clearOverride}
      />
      <EvidenceDialog
        open={evidenceFor !== undefined}
        node={evidenceTarget?.node}
        editable={meta.permissions.uploadEvidence && saveStatus.kind !== 'conflict'}
        onClose={() => setEvidenceFor(undefined)}
        onUpload={uploadEvidence}
        onDelete={deleteEvidence}
      />
      <CommentsDrawer
        open={commentsFor !== undefined}
        evaluationId={id}
        indicator={
          commentsFor?.indicatorId
            ? { id: commentsFor.indicatorId, name: commentsTarget?.node.name ?? '', location: commentsTarget ? describeNode(doc, commentsTarget) : '' }
            : undefined
        }
        comments={comments}
        canComment={meta.permissions.comment}
        onClose={() => setCommentsFor(undefined)}
        onAdded={(c) => setComments((cs) => [...cs, c])}
      />
      {saveStatus.kind === 'conflict' && (
        <ConflictDialog
          open
          evaluationId={id}
          details={saveStatus.details}
          mine={doc}
          onTakeTheirs={(latest) => {
            saver.dispose();
            onReload(latest);
            message.info('已载入最新版本');
          }}
          onKeepMine={(latest) => {
            setMeta(latest.data);
            saver.adopt(latest.etag, { keepPending: true });
            void saver.flush().then((ok) => ok && message.success('已用您的修改覆盖'));
          }}
        />
      )}
    </div>
  );
}

interface ProjectSectionProps extends Omit<IndicatorGridProps, 'onRoots' | 'basePath' | 'project' | 'label'> {
  index: number;
  name: string;
  total: ProjectScore | undefined;
  onDoc: (fn: (d: EvaluationDocument) => EvaluationDocument, key?: string) => void;
}

/** An embedded project's report (a department document of several special funds, seed 001): its own indicator grid. */
function ProjectSection({ index, name, total, onDoc, ...grid }: ProjectSectionProps) {
  const onRoots = useCallback(
    (fn: (roots: IndicatorNode[]) => IndicatorNode[], key?: string) => onDoc((d) => updateTree(d, index, fn), key),
    [onDoc, index],
  );
  return (
    <section className="editor-section" aria-labelledby={`sec-project-${index}`}>
      <h2 id={`sec-project-${index}`}>
        项目：{name || `第 ${index + 1} 个项目`}
        {total?.total && (
          <span className="section-score">
            得分 {formatScore(total.total)} {total.grade ?? ''}
          </span>
        )}
      </h2>
      <IndicatorGrid {...grid} onRoots={onRoots} basePath={treeBase(index)} project={index} label={`绩效指标表：${name}`} />
    </section>
  );
}

interface EditorActionsProps {
  id: string;
  narrow: boolean;
  errorCount: number;
  findingsCount: number;
  docComments: number;
  actions: readonly WorkflowAction[];
  busyAction: WorkflowAction | undefined;
  downloadMenu: MenuProps;
  onAct: (action: WorkflowAction, reason?: string) => Promise<boolean>;
  onFindings: () => void;
  onDocComments: () => void;
  /** Present when the user may delete this draft. */
  onDelete: (() => void) | undefined;
}

/** The buttons of the top bar; a memo, so that typing (and the save status it changes) does not redraw them. */
const EditorActions = memo(function EditorActions({ id, narrow, errorCount, findingsCount, docComments, actions, busyAction, downloadMenu, onAct, onFindings, onDocComments, onDelete }: EditorActionsProps) {
  return (
    <div className="editor-actions">
      <Space wrap>
        {narrow && (
          <Button icon={<ExclamationCircleOutlined />} onClick={onFindings} danger={errorCount > 0}>
            审核发现 {findingsCount}
          </Button>
        )}
        <Tooltip title="对整份文档的批注">
          <Button icon={<CommentOutlined />} onClick={onDocComments}>
            文档批注{docComments > 0 ? ` ${docComments}` : ''}
          </Button>
        </Tooltip>
        <Dropdown menu={downloadMenu} trigger={['click']}>
          <Button icon={<DownloadOutlined />}>下载</Button>
        </Dropdown>
        <Link to={`/evaluations/${id}/history`}>
          <Button icon={<HistoryOutlined />}>历史</Button>
        </Link>
        {onDelete && (
          <Button danger icon={<DeleteOutlined />} onClick={onDelete}>
            删除草稿
          </Button>
        )}
        <WorkflowBar actions={actions} busy={busyAction} onAct={onAct} errors={errorCount} />
      </Space>
    </div>
  );
});

function CommentsOverview({ comments, doc, onOpen }: { comments: readonly Comment[]; doc: EvaluationDocument; onOpen: (indicatorId: string | null) => void }) {
  if (comments.length === 0) return <div className="muted comments-empty">暂无批注</div>;
  return (
    <ol className="comment-overview" aria-label="全部批注">
      {comments.map((c) => {
        const ref = findNode(doc, c.indicatorId ?? undefined);
        const where = c.indicatorId ? (ref ? describeNode(doc, ref) : '（指标已删除）') : '整份文档';
        return (
          <li key={c.id}>
            <button type="button" className="comment-link" onClick={() => onOpen(c.indicatorId)}>
              <div className="comment-where">{where}</div>
              <div className="comment-body">{c.body}</div>
              <div className="muted">
                {c.author.name} · {formatDateTime(c.createdAt)}
              </div>
            </button>
          </li>
        );
      })}
    </ol>
  );
}
