/**
 * @module The indicator tree as a spreadsheet-like grid: arrows, Tab, Enter, F2, Escape, Delete,
 * typing to replace (IME too), paste of a block copied from Excel, copy of a cell, undo / redo, and
 * row operations (add, add child, indent, outdent, move, remove) from the toolbar or the keyboard.
 *
 * Shift+arrows or Shift+click select a rectangle of cells: Ctrl+C copies it as Excel reads it, Delete
 * clears its typed cells (one undo step). While an indicator's name is typed, the region's indicator
 * library (指标库) suggests names below the cell (↑/↓ to choose, Enter to take, Esc to close).
 *
 * The active typed cell holds a real <input> whose text is selected while the cell is only
 * selected ("ready"): typing or an IME composition replaces it, as in Excel. Every keystroke goes
 * into the document, so the score and the findings follow as the user types.
 */
import { memo, useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import type { ClipboardEvent as ReactClipboardEvent, KeyboardEvent as ReactKeyboardEvent, MouseEvent as ReactMouseEvent } from 'react';
import { App, Button, Space, Tooltip } from 'antd';
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  MenuFoldOutlined,
  MenuUnfoldOutlined,
  MessageOutlined,
  PaperClipOutlined,
  PlusOutlined,
  RedoOutlined,
  SubnodeOutlined,
  UndoOutlined,
} from '@ant-design/icons';
import { CATEGORY_ZH } from '@jixiao/core';
import type { IndicatorNode } from '@jixiao/core';
import type { Analysis } from './recompute.js';
import { parseTsv, toTsv } from './clipboard.js';
import { GRID_COLUMNS, cellText, columnIndex, copyBlock, pasteBlock, setCell } from './grid-model.js';
import type { CellLock, GridColumn } from './grid-model.js';
import type { GridColumnKey } from './paths.js';
import { rowView, severityIn, targetPreview } from './row-view.js';
import type { RowView } from './row-view.js';
import { appendChild, flatten, idsOf, indent, insertAfter, move, newIndicatorId, outdent, removeAt, updateAt } from './tree.js';
import type { FlatRow } from './tree.js';

export interface FocusRequest {
  idx: readonly number[];
  column: GridColumnKey;
  nonce: number;
  /** Index of the embedded project whose grid is meant; undefined for the main tree. */
  project?: number | undefined;
}

export interface IndicatorGridProps {
  roots: IndicatorNode[];
  analysis: Analysis;
  editable: boolean;
  canRescore: boolean;
  commentCounts: ReadonlyMap<string, number>;
  /** Applies a change to the indicator tree; changes with the same key form one undo step. */
  onRoots: (fn: (roots: IndicatorNode[]) => IndicatorNode[], key?: string) => void;
  onUndo: () => void;
  onRedo: () => void;
  canUndo: boolean;
  canRedo: boolean;
  onOpenScore: (row: FlatRow) => void;
  onOpenEvidence: (row: FlatRow) => void;
  onOpenComments: (row: FlatRow) => void;
  focusRequest: FocusRequest | undefined;
  /** JSON path of the tree: `$.indicators` (default) or `$.projects[i].indicators`. */
  basePath?: string | undefined;
  /** The embedded project this grid shows, for focus requests. */
  project?: number | undefined;
  /** Accessible name of the grid. */
  label?: string | undefined;
  /** The columns shown (default all; a goal declaration shows `GOAL_COLUMNS`). */
  columns?: readonly GridColumn[] | undefined;
  /** Library suggestions for a name being typed; absent: no suggestions. */
  suggest?: SuggestFn | undefined;
  /** Cells that may not be typed into, and why (targets carried over from approved goals). */
  locks?: CellLock | undefined;
  /** A note under a target, by indicator id (the approved goal's value, an adjustment). */
  targetNotes?: ReadonlyMap<string, TargetNote> | undefined;
}

export interface TargetNote {
  text: string;
  /** A departure the reviewer should see (the target differs from the approved one). */
  warn?: boolean | undefined;
}

/** One suggestion of the indicator library for a name being typed. */
export interface NameSuggestion {
  name: string;
  unit?: string | undefined;
  category?: string | undefined;
  uses: number;
  organisations: number;
  recommended?: boolean | undefined;
}

export type SuggestFn = (q: string, signal: AbortSignal) => Promise<readonly NameSuggestion[]>;

interface SuggestState {
  row: number;
  items: readonly NameSuggestion[];
  /** Highlighted option, -1 for none. */
  at: number;
}

type Mode = 'ready' | 'edit';

interface Active {
  row: number;
  col: number;
}

/** The selected rectangle, when more than the active cell is selected. */
function rangeOf(a: Active, b: Active | undefined) {
  return b && (b.row !== a.row || b.col !== a.col)
    ? { rowFrom: Math.min(a.row, b.row), rowTo: Math.max(a.row, b.row), colFrom: Math.min(a.col, b.col), colTo: Math.max(a.col, b.col) }
    : undefined;
}

const LEVEL_NAMES = ['一级指标', '二级指标', '三级指标', '四级指标', '五级指标'];

/** Row numbers as people count them: 1, 1.1, 1.1.2. */
const rowNumber = (row: FlatRow) => row.idx.map((i) => i + 1).join('.');

interface RowHandlers {
  onCellMouseDown: (e: ReactMouseEvent, row: number, col: number) => void;
  onCellDoubleClick: (row: number, col: number) => void;
  onInputChange: (row: number, col: number, text: string) => void;
  onInputKeyDown: (e: ReactKeyboardEvent<HTMLInputElement>, row: number, col: number) => void;
  onInputBlur: () => void;
  onCompositionStart: () => void;
  onComments: (row: number) => void;
  onEvidence: (row: number) => void;
  onScore: (row: number) => void;
  onPickSuggestion: (row: number, option: number) => void;
}

interface RowProps {
  row: FlatRow;
  index: number;
  /** The active column when this row holds the active cell, else -1. */
  activeCol: number;
  mode: Mode;
  draft: string | undefined;
  error: string | undefined;
  view: RowView;
  comments: number;
  editable: boolean;
  canRescore: boolean;
  handlers: RowHandlers;
  columns: readonly GridColumn[];
  colIdx: Partial<Record<GridColumnKey, number>>;
  /** The selected columns of this row ("from-to"), when a rectangle covers it. */
  range: string | undefined;
  /** The library's suggestions, on the row whose name is being typed. */
  suggestions: SuggestState | undefined;
  targetNote: TargetNote | undefined;
  /** The target may not be typed into here. */
  targetLocked: boolean;
}

const GridRow = memo(function GridRow({ row, index, activeCol, mode, draft, error, view, comments, editable, canRescore, handlers, columns, colIdx, range, suggestions, targetNote, targetLocked }: RowProps) {
  const n = row.node;
  const preview = useMemo(() => (row.leaf ? targetPreview(n.target) : undefined), [row.leaf, n.target]);
  const name = n.name || '（未命名指标）';
  const level = LEVEL_NAMES[row.depth] ?? `${row.depth + 1}级指标`;

  const cell = (key: GridColumnKey, content: React.ReactNode, extraClass = '') => {
    const col = colIdx[key];
    if (col === undefined) return null;
    const column = columns[col]!;
    const active = activeCol === col;
    const [rangeFrom, rangeTo] = range ? range.split('-').map(Number) : [-1, -1];
    const selected = col >= rangeFrom! && col <= rangeTo!;
    const listing = active && key === 'name' && suggestions !== undefined && suggestions.items.length > 0;
    const severity = severityIn(view.findings, key);
    const typedInput = active && editable && column.typed && !(key === 'target' && targetLocked);
    const cls = [
      'g-cell',
      `g-${key}`,
      active ? 'g-active' : '',
      active && mode === 'edit' ? 'g-editing' : '',
      severity ? `g-sev-${severity}` : '',
      selected ? 'g-in-range' : '',
      extraClass,
    ]
      .filter(Boolean)
      .join(' ');
    return (
      <td
        key={key}
        role="gridcell"
        aria-colindex={col + 2}
        aria-selected={active || selected}
        className={cls}
        data-r={index}
        data-c={col}
        data-active-cell={active && !typedInput ? 'true' : undefined}
        tabIndex={active && !typedInput ? 0 : -1}
        aria-label={typedInput ? undefined : `${column.title}：${cellText(row, key, view.score) || '空'}`}
        onMouseDown={(e) => handlers.onCellMouseDown(e, index, col)}
        onDoubleClick={() => handlers.onCellDoubleClick(index, col)}
      >
        {typedInput ? (
          <input
            className={`cell-input ${mode === 'ready' ? 'ready' : ''} ${error ? 'invalid' : ''}`}
            data-active-cell="true"
            aria-label={`${column.title}（${name}）`}
            aria-invalid={error ? true : undefined}
            value={draft ?? cellText(row, key)}
            onChange={(e) => handlers.onInputChange(index, col, e.target.value)}
            onKeyDown={(e) => handlers.onInputKeyDown(e, index, col)}
            onBlur={handlers.onInputBlur}
            onCompositionStart={handlers.onCompositionStart}
            spellCheck={false}
            autoComplete="off"
            {...(key === 'name'
              ? {
                  role: 'combobox',
                  'aria-autocomplete': 'list' as const,
                  'aria-expanded': listing,
                  'aria-controls': listing ? `suggest-${row.node.id}` : undefined,
                  'aria-activedescendant': listing && suggestions.at >= 0 ? `suggest-${row.node.id}-${suggestions.at}` : undefined,
                }
              : {})}
          />
        ) : (
          content
        )}
        {active && error && (
          <div className="cell-error" role="alert">
            {error}
          </div>
        )}
        {listing && (
          <ul className="name-suggest" role="listbox" id={`suggest-${row.node.id}`} aria-label="指标库建议">
            {suggestions.items.map((h, i) => (
              <li
                key={`${h.name}|${h.unit ?? ''}`}
                id={`suggest-${row.node.id}-${i}`}
                role="option"
                aria-selected={i === suggestions.at}
                className={i === suggestions.at ? 'active' : ''}
                onMouseDown={(e) => {
                  // Before the input's blur commits the typed text.
                  e.preventDefault();
                  e.stopPropagation();
                  handlers.onPickSuggestion(index, i);
                }}
              >
                <span className="suggest-name">{h.name}</span>
                <span className="suggest-meta">
                  {h.recommended ? '推荐 · ' : ''}
                  {h.unit ? `单位：${h.unit} · ` : ''}
                  {h.category ? `${CATEGORY_ZH[h.category] ?? h.category} · ` : ''}
                  {h.organisations} 个单位用过 {h.uses} 次
                </span>
              </li>
            ))}
          </ul>
        )}
      </td>
    );
  };

  return (
    <tr className={`g-row g-depth-${Math.min(row.depth, 4)} ${row.leaf ? 'g-leaf' : 'g-section'}`} aria-rowindex={index + 2} data-node-path={row.path}>
      <th scope="row" className="g-num" title={level}>
        <span className="g-num-text">{rowNumber(row)}</span>
      </th>
      {cell(
        'name',
        <div className="g-name-inner" style={{ paddingLeft: row.depth * 14 }}>
          <span className="cell-text">{n.name || <span className="placeholder">（未命名指标）</span>}</span>
          {!row.leaf && <span className="g-level">{level}</span>}
        </div>,
      )}
      {cell(
        'target',
        <>
          <div className="cell-text">{n.target ?? ''}</div>
          {preview && (
            <div className={`cell-hint ${preview.unparsed ? 'hint-warn' : ''}`} title={preview.text}>
              {preview.unparsed ? '⚠ ' : '理解为：'}
              {preview.text}
            </div>
          )}
          {targetNote && (
            <div className={`cell-hint hint-baseline ${targetNote.warn ? 'hint-warn' : ''}`} data-testid="target-note">
              {targetNote.warn ? '⚠ ' : ''}
              {targetNote.text}
            </div>
          )}
        </>,
      )}
      {cell(
        'actual',
        <>
          <div className="cell-text">{n.actual ?? ''}</div>
          {view.statusLabel && <div className={`cell-hint status-${view.statusKind}`}>{view.statusLabel}</div>}
        </>,
      )}
      {cell('weight', <div className="cell-text num">{cellText(row, 'weight')}</div>)}
      {cell(
        'score',
        <div className="g-score-inner" title={view.scoreTitle}>
          <span className="num score-value">{view.score}</span>
          {view.overridden && <span className="mini-tag tag-override">已调整</span>}
          {view.review && <span className="mini-tag tag-review">复核 {view.review}</span>}
          {row.leaf && (editable || canRescore) && (
            <button type="button" className="link-button" tabIndex={-1} onClick={() => handlers.onScore(index)} aria-label={`${editable ? '调整得分' : '复核'}：${name}`}>
              {editable ? '调整' : '复核'}
            </button>
          )}
        </div>,
      )}
      {cell('reason', <div className="cell-text clamp">{n.deviationReason ?? ''}</div>)}
      {cell(
        'evidence',
        row.leaf ? (
          <button type="button" className={`link-button ${(n.evidence?.length ?? 0) === 0 ? 'evidence-empty' : ''}`} tabIndex={-1} onClick={() => handlers.onEvidence(index)} aria-label={`佐证材料（${n.evidence?.length ?? 0}个）：${name}`}>
            <PaperClipOutlined /> {n.evidence?.length ?? 0}
          </button>
        ) : null,
      )}
      <td className="g-actions">
        <button
          type="button"
          className={`comment-button ${comments > 0 ? 'has-comments' : ''}`}
          onClick={() => handlers.onComments(index)}
          aria-label={`批注（${comments}条）：${name}`}
          title="批注"
        >
          <MessageOutlined />
          {comments > 0 && <span className="comment-count">{comments}</span>}
        </button>
      </td>
    </tr>
  );
});

type RowOp = 'sibling' | 'child' | 'indent' | 'outdent' | 'up' | 'down' | 'remove';

interface ToolbarProps {
  editable: boolean;
  canUndo: boolean;
  canRedo: boolean;
  hasActive: boolean;
  canOutdent: boolean;
  canIndent: boolean;
  hint: string;
  onOp: (op: RowOp) => void;
  onUndo: () => void;
  onRedo: () => void;
}

/** The row operations above the grid; a separate memo so typing in a cell does not redraw it. */
const GridToolbar = memo(function GridToolbar({ editable, canUndo, canRedo, hasActive, canOutdent, canIndent, hint, onOp, onUndo, onRedo }: ToolbarProps) {
  return (
    <div className="grid-toolbar" role="toolbar" aria-label="指标操作">
      <Space wrap size={4}>
        {editable && (
          <>
            <Tooltip title="在当前行之后添加同级指标（Ctrl+Enter）">
              <Button size="small" icon={<PlusOutlined />} onClick={() => onOp('sibling')}>
                添加指标
              </Button>
            </Tooltip>
            <Tooltip title="在当前行之下添加下级指标（Ctrl+Shift+Enter）">
              <Button size="small" icon={<SubnodeOutlined />} onClick={() => onOp('child')}>
                添加下级
              </Button>
            </Tooltip>
            <Tooltip title="升级（Alt+Shift+←）">
              <Button size="small" icon={<MenuFoldOutlined />} onClick={() => onOp('outdent')} aria-label="升级" disabled={!canOutdent} />
            </Tooltip>
            <Tooltip title="降级（Alt+Shift+→）">
              <Button size="small" icon={<MenuUnfoldOutlined />} onClick={() => onOp('indent')} aria-label="降级" disabled={!canIndent} />
            </Tooltip>
            <Tooltip title="上移（Alt+Shift+↑）">
              <Button size="small" icon={<ArrowUpOutlined />} onClick={() => onOp('up')} aria-label="上移" />
            </Tooltip>
            <Tooltip title="下移（Alt+Shift+↓）">
              <Button size="small" icon={<ArrowDownOutlined />} onClick={() => onOp('down')} aria-label="下移" />
            </Tooltip>
            <Tooltip title="删除当前指标（Ctrl+Delete）">
              <Button size="small" danger icon={<DeleteOutlined />} onClick={() => onOp('remove')} aria-label="删除指标" disabled={!hasActive} />
            </Tooltip>
            <span className="toolbar-sep" />
            <Tooltip title="撤销（Ctrl+Z）">
              <Button size="small" icon={<UndoOutlined />} onClick={onUndo} disabled={!canUndo} aria-label="撤销" />
            </Tooltip>
            <Tooltip title="重做（Ctrl+Y）">
              <Button size="small" icon={<RedoOutlined />} onClick={onRedo} disabled={!canRedo} aria-label="重做" />
            </Tooltip>
          </>
        )}
      </Space>
      <span className="grid-hint" aria-live="polite">
        {hint}
        {editable ? ' · 方向键移动，Enter 编辑，Esc 取消，可直接粘贴 Excel 中复制的多行多列' : ' · 方向键移动'}
      </span>
    </div>
  );
});

export function IndicatorGrid(props: IndicatorGridProps) {
  const { roots, analysis, editable, canRescore, commentCounts, onRoots, focusRequest } = props;
  const { message, modal } = App.useApp();
  const previousRows = useRef<FlatRow[] | undefined>(undefined);
  const basePath = props.basePath ?? '$.indicators';
  const rows = useMemo(() => (previousRows.current = flatten(roots, basePath, previousRows.current)), [roots, basePath]);
  const [active, setActive] = useState<Active>({ row: 0, col: 0 });
  const [mode, setMode] = useState<Mode>('ready');
  const [draft, setDraft] = useState<string | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const editStart = useRef<{ text: string; roots: IndicatorNode[] } | undefined>(undefined);
  const session = useRef(0);
  const tableRef = useRef<HTMLTableElement>(null);
  const wantFocus = useRef(false);
  const focusTick = useRef(0);
  const [focusNonce, setFocusNonce] = useState(0);
  const caretToEnd = useRef(false);
  const pendingTarget = useRef<{ key: string; col: number } | undefined>(undefined);

  // Latest values for the stable handlers below.
  const cols = props.columns ?? GRID_COLUMNS;
  const colIdx = useMemo(() => columnIndex(cols), [cols]);
  // The other corner of a selected rectangle (the active cell is one corner); undefined: one cell.
  const [anchor, setAnchor] = useState<Active | undefined>(undefined);
  const [suggestions, setSuggestions] = useState<SuggestState | undefined>(undefined);
  const suggestTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const suggestAbort = useRef<AbortController | undefined>(undefined);
  const views = useMemo(
    () => rows.map((r) => rowView(analysis.items.get(r.path), analysis.findingsByNode.get(r.path), r.node, r.leaf)),
    [rows, analysis],
  );

  const live = useRef({ rows, active, mode, draft, props, cols, colIdx, anchor, suggestions, views });
  live.current = { rows, active, mode, draft, props, cols, colIdx, anchor, suggestions, views };

  const clampActive = useCallback((a: Active): Active => {
    const max = live.current.rows.length - 1;
    return { row: Math.max(0, Math.min(max, a.row)), col: Math.max(0, Math.min(live.current.cols.length - 1, a.col)) };
  }, []);

  const closeSuggestions = useCallback(() => {
    clearTimeout(suggestTimer.current);
    suggestAbort.current?.abort();
    setSuggestions(undefined);
  }, []);

  const activate = useCallback(
    (a: Active, focus = true, extend = false) => {
      wantFocus.current = focus;
      const here = live.current.active;
      setAnchor(extend ? (live.current.anchor ?? here) : undefined);
      closeSuggestions();
      setActive(clampActive(a));
      setMode('ready');
      setDraft(undefined);
      setError(undefined);
      editStart.current = undefined;
      focusTick.current++;
      setFocusNonce(focusTick.current);
    },
    [clampActive, closeSuggestions],
  );

  // Keep the active cell inside the grid when rows go away.
  useEffect(() => {
    if (active.row > rows.length - 1 && rows.length > 0) setActive((a) => ({ ...a, row: rows.length - 1 }));
  }, [rows.length, active.row]);

  // A finding asked for a cell.
  useEffect(() => {
    if (!focusRequest || focusRequest.project !== props.project) return;
    const key = focusRequest.idx.join('.');
    const at = live.current.rows.findIndex((r) => r.key === key);
    if (at >= 0) activate({ row: at, col: live.current.colIdx[focusRequest.column] ?? 0 });
  }, [focusRequest, activate, props.project]);

  useLayoutEffect(() => {
    if (!wantFocus.current) return;
    const el = tableRef.current?.querySelector<HTMLElement>('[data-active-cell="true"]');
    if (!el) return;
    if (document.activeElement !== el) el.focus({ preventScroll: true });
    const box = tableRef.current?.parentElement;
    const wrap = box?.parentElement;
    if (box && wrap) {
      const r = box.getBoundingClientRect();
      if (r.top < 60 || r.top > window.innerHeight - 120) wrap.scrollIntoView({ block: 'start' });
    }
    el.scrollIntoView({ block: 'nearest', inline: 'nearest' });
    if (el instanceof HTMLInputElement && mode === 'ready') el.select();
    if (el instanceof HTMLInputElement && mode === 'edit' && caretToEnd.current) {
      caretToEnd.current = false;
      el.setSelectionRange(el.value.length, el.value.length);
    }
  }, [active, mode, focusNonce]);

  const writeCell = useCallback(
    (rowIndex: number, col: number, text: string, key: string): string | undefined => {
      const row = live.current.rows[rowIndex];
      const column = live.current.cols[col];
      if (!row || !column) return undefined;
      const refusal = live.current.props.locks?.(row.node, column.key);
      if (refusal !== undefined) return refusal;
      const result = setCell(row.node, row.leaf, column.key, text);
      if (!result.ok) return result.message;
      onRoots((current) => updateAt(current, row.idx, () => result.node), key);
      return undefined;
    },
    [onRoots],
  );

  const commit = useCallback(() => {
    const { mode: m, draft: d, active: a } = live.current;
    if (live.current.suggestions) closeSuggestions();
    if (m !== 'edit') return true;
    const column = live.current.cols[a.col];
    if (column?.numeric && d !== undefined) {
      const problem = writeCell(a.row, a.col, d, `cell:${session.current}`);
      if (problem) {
        // Keep the last valid value; say why the typed one was refused.
        message.warning(problem);
      }
    }
    setMode('ready');
    setDraft(undefined);
    setError(undefined);
    editStart.current = undefined;
    return true;
  }, [writeCell, message, closeSuggestions]);

  const startEdit = useCallback((initial?: string) => {
    const { rows: rs, active: a, props: p } = live.current;
    const row = rs[a.row];
    const column = live.current.cols[a.col];
    if (!row || !column || !p.editable || !column.typed) return;
    const refusal = p.locks?.(row.node, column.key);
    if (refusal !== undefined) {
      message.info(refusal);
      return;
    }
    session.current++;
    const text = cellText(row, column.key);
    editStart.current = { text, roots: p.roots };
    setDraft(initial ?? text);
    setMode('edit');
    wantFocus.current = true;
    caretToEnd.current = true;
    if (initial !== undefined) {
      writeCell(a.row, a.col, initial, `cell:${session.current}`);
    }
  }, [writeCell, message]);

  const cancelEdit = useCallback(() => {
    closeSuggestions();
    const start = editStart.current;
    if (start) {
      const snapshot = start.roots;
      onRoots(() => snapshot, `cell:${session.current}`);
    }
    setMode('ready');
    setDraft(undefined);
    setError(undefined);
    editStart.current = undefined;
  }, [onRoots, closeSuggestions]);

  // ---- row operations on the active row
  const rowOp = useCallback(
    (op: RowOp) => {
      const { rows: rs, active: a, props: p } = live.current;
      if (!p.editable) return;
      commit();
      const row = rs[a.row];
      if (!row && op !== 'sibling' && op !== 'child') return;
      let target: number[] | undefined;
      const apply = (fn: (r: IndicatorNode[]) => { roots: IndicatorNode[]; idx: number[] } | undefined) => {
        const out = fn(p.roots);
        if (!out) return false;
        target = out.idx;
        p.onRoots(() => out.roots, `op:${op}:${Date.now()}`);
        return true;
      };
      const fresh = (): IndicatorNode => ({ id: newIndicatorId(idsOf(p.roots)), name: '' });
      switch (op) {
        case 'sibling':
          apply((r) => (row ? insertAfter(r, row.idx, fresh()) : appendChild(r, [], fresh())));
          break;
        case 'child':
          apply((r) => (row ? appendChild(r, row.idx, fresh()) : appendChild(r, [], fresh())));
          break;
        case 'indent':
          if (!apply((r) => indent(r, row!.idx))) message.info('第一行或没有上一同级指标，无法降级');
          break;
        case 'outdent':
          if (!apply((r) => outdent(r, row!.idx))) message.info('已是一级指标，无法升级');
          break;
        case 'up':
          apply((r) => move(r, row!.idx, -1));
          break;
        case 'down':
          apply((r) => move(r, row!.idx, 1));
          break;
        case 'remove': {
          const doRemove = () => {
            p.onRoots((r) => removeAt(r, row!.idx), `op:remove:${Date.now()}`);
            wantFocus.current = true;
            setFocusNonce(++focusTick.current);
          };
          const kids = row!.node.children?.length ?? 0;
          if (kids > 0) {
            void modal.confirm({
              title: '删除指标',
              content: `“${row!.node.name || '未命名指标'}”下还有 ${kids} 个下级指标，将一并删除。可用“撤销”恢复。`,
              okText: '删除',
              okButtonProps: { danger: true },
              cancelText: '取消',
              onOk: doRemove,
            });
          } else doRemove();
          return;
        }
      }
      if (target) {
        const key = target.join('.');
        // The new tree is flattened on the next render; find the row then.
        pendingTarget.current = { key, col: op === 'sibling' || op === 'child' ? 0 : live.current.active.col };
      }
    },
    [commit, message, modal],
  );

  useEffect(() => {
    const t = pendingTarget.current;
    if (!t) return;
    const at = rows.findIndex((r) => r.key === t.key);
    if (at >= 0) {
      pendingTarget.current = undefined;
      activate({ row: at, col: t.col });
    }
  }, [rows, activate]);

  // Delete on a rectangle: every typed cell in it emptied, as one undo step.
  const clearRange = useCallback(() => {
    const { rows: rs, active: a, anchor: b, cols: cs, props: p } = live.current;
    const range = rangeOf(a, b);
    if (!range) return;
    session.current++;
    const key = `clear:${session.current}`;
    let cleared = 0;
    for (let r = range.rowFrom; r <= range.rowTo; r++) {
      const row = rs[r];
      if (!row) continue;
      let node = row.node;
      for (let c = range.colFrom; c <= range.colTo; c++) {
        const column = cs[c]!;
        // A section's name stays: an unnamed heading would orphan its children in the printed table.
        if (!column.typed || (column.key === 'name' && !row.leaf) || p.locks?.(node, column.key) !== undefined) continue;
        const out = setCell(node, row.leaf, column.key, '');
        if (out.ok && out.node !== node) {
          node = out.node;
          cleared++;
        }
      }
      if (node !== row.node) {
        const done = node;
        p.onRoots((current) => updateAt(current, row.idx, () => done), key);
      }
    }
    if (cleared > 0) message.info(`已清除 ${cleared} 个单元格，可用“撤销”恢复`);
  }, [message]);

  // ---- keyboard
  const onGridKeyDown = useCallback(
    (e: ReactKeyboardEvent) => {
      const { active: a, mode: m, props: p, rows: rs } = live.current;
      if (m === 'edit') return;
      const ctrl = e.ctrlKey || e.metaKey;
      const column = live.current.cols[a.col]!;
      const row = rs[a.row];
      const go = (r: number, c: number) => {
        e.preventDefault();
        activate({ row: r, col: c }, true, e.shiftKey && e.key.startsWith('Arrow'));
      };
      if (e.altKey && e.shiftKey) {
        const map: Record<string, Parameters<typeof rowOp>[0]> = { ArrowRight: 'indent', ArrowLeft: 'outdent', ArrowUp: 'up', ArrowDown: 'down' };
        const op = map[e.key];
        if (op) {
          e.preventDefault();
          rowOp(op);
          return;
        }
      }
      switch (e.key) {
        case 'ArrowUp':
          return go(ctrl ? 0 : a.row - 1, a.col);
        case 'ArrowDown':
          return go(ctrl ? rs.length - 1 : a.row + 1, a.col);
        case 'ArrowLeft':
          return go(a.row, ctrl ? 0 : a.col - 1);
        case 'ArrowRight':
          return go(a.row, ctrl ? live.current.cols.length - 1 : a.col + 1);
        case 'Home':
          return go(ctrl ? 0 : a.row, 0);
        case 'End':
          return go(ctrl ? rs.length - 1 : a.row, live.current.cols.length - 1);
        case 'PageDown':
          return go(a.row + 15, a.col);
        case 'PageUp':
          return go(a.row - 15, a.col);
        case 'Tab':
          // Tab moves along the row, as in Excel; past either end of a row it leaves the grid, so
          // keyboard users are never trapped in a long table.
          if ((e.shiftKey && a.col === 0) || (!e.shiftKey && a.col === live.current.cols.length - 1)) return;
          return go(a.row, a.col + (e.shiftKey ? -1 : 1));
        case 'Enter':
          e.preventDefault();
          if (ctrl && e.shiftKey) return rowOp('child');
          if (ctrl) return rowOp('sibling');
          if (e.shiftKey) return go(a.row - 1, a.col);
          if (!row) return;
          if (column.key === 'score' && row.leaf && (p.editable || p.canRescore)) return p.onOpenScore(row);
          if (column.key === 'evidence' && row.leaf) return p.onOpenEvidence(row);
          if (p.editable && column.typed) return startEdit();
          return go(a.row + 1, a.col);
        case 'F2':
          e.preventDefault();
          return startEdit();
        case 'Delete':
        case 'Backspace':
          if (ctrl && e.key === 'Delete') {
            e.preventDefault();
            return rowOp('remove');
          }
          if (p.editable && live.current.anchor) {
            e.preventDefault();
            clearRange();
            return;
          }
          if (p.editable && column.typed && row) {
            e.preventDefault();
            session.current++;
            const problem = writeCell(a.row, a.col, '', `clear:${session.current}`);
            if (problem) message.warning(problem);
            if (e.key === 'Backspace') startEdit('');
          }
          return;
        case 'Escape':
          if (live.current.anchor) setAnchor(undefined);
          return;
        default:
          break;
      }
      if (ctrl && (e.key === 'z' || e.key === 'Z')) {
        e.preventDefault();
        if (e.shiftKey) p.onRedo();
        else p.onUndo();
        return;
      }
      if (ctrl && (e.key === 'y' || e.key === 'Y')) {
        e.preventDefault();
        p.onRedo();
      }
    },
    [activate, rowOp, startEdit, writeCell, message, clearRange],
  );

  const pickSuggestion = useCallback(
    (rowIndex: number, option: number) => {
      const list = live.current.suggestions;
      const pick = list?.items[option];
      const col = live.current.colIdx.name;
      if (!pick || col === undefined) return;
      const problem = writeCell(rowIndex, col, pick.name, `cell:${session.current}`);
      if (problem) message.warning(problem);
      closeSuggestions();
      setMode('ready');
      setDraft(undefined);
      setError(undefined);
      editStart.current = undefined;
      // On to the target, the next thing to type for a chosen indicator.
      const next = live.current.colIdx.target ?? col;
      activate({ row: rowIndex, col: next });
    },
    [writeCell, closeSuggestions, activate, message],
  );

  const requestSuggestions = useCallback(
    (rowIndex: number, text: string) => {
      clearTimeout(suggestTimer.current);
      suggestAbort.current?.abort();
      const suggest = live.current.props.suggest;
      const q = text.trim();
      if (!suggest || [...q].length < 2) {
        setSuggestions(undefined);
        return;
      }
      suggestTimer.current = setTimeout(() => {
        const ctrl = new AbortController();
        suggestAbort.current = ctrl;
        suggest(q, ctrl.signal).then(
          (items) => {
            if (ctrl.signal.aborted) return;
            const { mode: m, active: a } = live.current;
            if (m !== 'edit' || a.row !== rowIndex) return;
            // The name as typed is already what the only suggestion says: nothing to offer.
            const useful = items.filter((h) => h.name !== q).slice(0, 8);
            setSuggestions(useful.length > 0 ? { row: rowIndex, items: useful, at: -1 } : undefined);
          },
          () => undefined, // suggestions are a help: a failed search leaves the cell as typed
        );
      }, 180);
    },
    [],
  );

  const onInputKeyDown = useCallback(
    (e: ReactKeyboardEvent<HTMLInputElement>, rowIndex: number, col: number) => {
      if (live.current.mode !== 'edit') return; // the grid handles ready-mode keys
      if (e.nativeEvent.isComposing) return;
      const list = live.current.suggestions;
      if (list && list.row === rowIndex && list.items.length > 0) {
        const n = list.items.length;
        if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
          e.preventDefault();
          e.stopPropagation();
          const at = e.key === 'ArrowDown' ? (list.at + 1) % n : list.at <= 0 ? n - 1 : list.at - 1;
          setSuggestions({ ...list, at });
          return;
        }
        if (e.key === 'Enter' && list.at >= 0) {
          e.preventDefault();
          e.stopPropagation();
          pickSuggestion(rowIndex, list.at);
          return;
        }
        if (e.key === 'Escape') {
          e.preventDefault();
          e.stopPropagation();
          closeSuggestions();
          return;
        }
      }
      const move = (dr: number, dc: number) => {
        e.preventDefault();
        e.stopPropagation();
        commit();
        let r = rowIndex + dr;
        let c = col + dc;
        if (c >= live.current.cols.length) {
          c = 0;
          r++;
        }
        if (c < 0) {
          c = live.current.cols.length - 1;
          r--;
        }
        activate({ row: r, col: c });
      };
      switch (e.key) {
        case 'Enter':
          return move(e.shiftKey ? -1 : 1, 0);
        case 'Tab':
          if ((e.shiftKey && col === 0) || (!e.shiftKey && col === live.current.cols.length - 1)) {
            commit();
            return;
          }
          return move(0, e.shiftKey ? -1 : 1);
        case 'ArrowUp':
          return move(-1, 0);
        case 'ArrowDown':
          return move(1, 0);
        case 'Escape':
          e.preventDefault();
          e.stopPropagation();
          cancelEdit();
          return;
        default:
          e.stopPropagation();
      }
    },
    [activate, cancelEdit, commit, closeSuggestions, pickSuggestion],
  );

  const onInputChange = useCallback(
    (rowIndex: number, col: number, text: string) => {
      if (live.current.mode === 'ready') {
        session.current++;
        const row = live.current.rows[rowIndex];
        const column = live.current.cols[col];
        if (row && column) editStart.current = { text: cellText(row, column.key), roots: live.current.props.roots };
        setMode('edit');
      }
      setDraft(text);
      const problem = writeCell(rowIndex, col, text, `cell:${session.current}`);
      setError(problem);
      if (live.current.cols[col]?.key === 'name' && live.current.rows[rowIndex]?.leaf) requestSuggestions(rowIndex, text);
    },
    [writeCell, requestSuggestions],
  );

  const onInputBlur = useCallback(() => {
    // Focus moved elsewhere (a click outside the grid): keep what was typed.
    commit();
  }, [commit]);

  const onCompositionStart = useCallback(() => {
    if (live.current.mode === 'ready') {
      session.current++;
      const { rows: rs, active: a, props: p } = live.current;
      const row = rs[a.row];
      const column = live.current.cols[a.col];
      if (row && column) editStart.current = { text: cellText(row, column.key), roots: p.roots };
      setMode('edit');
    }
  }, []);

  const onCellMouseDown = useCallback(
    (e: ReactMouseEvent, rowIndex: number, col: number) => {
      const { active: a, mode: m } = live.current;
      if (a.row === rowIndex && a.col === col) return;
      if ((e.target as HTMLElement).closest('button')) {
        commit();
        setActive({ row: rowIndex, col });
        return;
      }
      if (m === 'edit') commit();
      e.preventDefault();
      if (e.shiftKey) {
        // Shift+click: the rectangle from the active cell to here; the active cell stays where it was.
        setAnchor({ row: rowIndex, col });
        return;
      }
      activate({ row: rowIndex, col });
    },
    [activate, commit],
  );

  const onCellDoubleClick = useCallback(
    (rowIndex: number, col: number) => {
      const { rows: rs, props: p } = live.current;
      const row = rs[rowIndex];
      const column = live.current.cols[col]!;
      if (!row) return;
      if (column.key === 'score' && row.leaf && (p.editable || p.canRescore)) p.onOpenScore(row);
      else if (column.key === 'evidence' && row.leaf) p.onOpenEvidence(row);
      else startEdit();
    },
    [startEdit],
  );

  const onPaste = useCallback(
    (e: ReactClipboardEvent) => {
      const { rows: rs, active: a, props: p, mode: m } = live.current;
      if (!p.editable) return;
      const text = e.clipboardData.getData('text/plain');
      if (!text) return;
      const block = parseTsv(text);
      const multi = block.length > 1 || (block[0]?.length ?? 0) > 1;
      if (!multi && m === 'edit') return; // ordinary paste inside the cell
      e.preventDefault();
      const column = live.current.cols[a.col];
      if (!column?.typed && !multi) return;
      commit();
      const base = p.basePath ?? '$.indicators';
      const range = rangeOf(a, live.current.anchor);
      const out = pasteBlock(p.roots, rs, range?.rowFrom ?? a.row, range?.colFrom ?? a.col, block, (r) => flatten(r, base), live.current.cols, p.locks);
      p.onRoots(() => out.roots, `paste:${Date.now()}`);
      const cells = block.reduce((s, r) => s + r.length, 0);
      if (out.errors.length > 0) {
        message.warning(`已粘贴 ${cells - out.errors.length} 个单元格；${out.errors.length} 个未粘贴：${out.errors[0]!.message}`);
      } else {
        message.success(`已粘贴 ${block.length} 行 ${cells} 个单元格${out.added > 0 ? `，新增 ${out.added} 行` : ''}`);
      }
      wantFocus.current = true;
      setFocusNonce(++focusTick.current);
    },
    [commit, message],
  );

  const onCopy = useCallback((e: ReactClipboardEvent) => {
    const { rows: rs, active: a, mode: m } = live.current;
    if (m === 'edit') return;
    const target = e.target as HTMLElement;
    if (target instanceof HTMLInputElement && target.selectionStart !== target.selectionEnd && target.selectionEnd !== target.value.length) return;
    const range = rangeOf(a, live.current.anchor) ?? { rowFrom: a.row, rowTo: a.row, colFrom: a.col, colTo: a.col };
    if (!rs[range.rowFrom]) return;
    e.preventDefault();
    const views = live.current.views;
    e.clipboardData.setData('text/plain', toTsv(copyBlock(rs, live.current.cols, range, (r) => views[r]?.score)));
  }, []);

  const handlers = useMemo<RowHandlers>(
    () => ({
      onCellMouseDown,
      onCellDoubleClick,
      onInputChange,
      onInputKeyDown,
      onInputBlur,
      onCompositionStart,
      onComments: (i) => {
        const row = live.current.rows[i];
        if (row) live.current.props.onOpenComments(row);
      },
      onEvidence: (i) => {
        const row = live.current.rows[i];
        if (row) live.current.props.onOpenEvidence(row);
      },
      onScore: (i) => {
        const row = live.current.rows[i];
        if (row) live.current.props.onOpenScore(row);
      },
      onPickSuggestion: pickSuggestion,
    }),
    [onCellMouseDown, onCellDoubleClick, onInputChange, onInputKeyDown, onInputBlur, onCompositionStart, pickSuggestion],
  );

  // Keep each row's view object identical while its content is, so memo() skips the row.
  const previousViews = useRef(new Map<string, RowView>());
  const stableViews = useMemo(() => {
    const prev = previousViews.current;
    const next = new Map<string, RowView>();
    const out = views.map((v, i) => {
      const key = rows[i]!.node.id;
      const old = prev.get(key);
      const same =
        old &&
        old.score === v.score &&
        old.scoreTitle === v.scoreTitle &&
        old.statusLabel === v.statusLabel &&
        old.statusKind === v.statusKind &&
        old.overridden === v.overridden &&
        old.review === v.review &&
        old.findings === v.findings &&
        old.findingCount === v.findingCount;
      const chosen = same ? old : v;
      next.set(key, chosen);
      return chosen;
    });
    previousViews.current = next;
    return out;
  }, [views, rows]);

  const activeRow = rows[active.row];
  const selection = rangeOf(active, anchor);
  // React keys: node ids, made unique should a document repeat one.
  const rowKeys = useMemo(() => {
    const seen = new Set<string>();
    return rows.map((r) => {
      const k = seen.has(r.node.id) ? `${r.node.id}#${r.key}` : r.node.id;
      seen.add(r.node.id);
      return k;
    });
  }, [rows]);

  return (
    <div className="grid-wrap">
      <GridToolbar
        editable={editable}
        canUndo={props.canUndo}
        canRedo={props.canRedo}
        hasActive={activeRow !== undefined}
        canOutdent={activeRow !== undefined && activeRow.depth > 0}
        canIndent={activeRow !== undefined && activeRow.idx[activeRow.idx.length - 1] !== 0}
        hint={
          selection
            ? `已选 ${selection.rowTo - selection.rowFrom + 1} 行 × ${selection.colTo - selection.colFrom + 1} 列（Ctrl+C 复制，Delete 清除）`
            : activeRow
              ? `当前：第 ${rowNumber(activeRow)} 行 · ${cols[active.col]?.title ?? ''}`
              : ''
        }
        onOp={rowOp}
        onUndo={props.onUndo}
        onRedo={props.onRedo}
      />
      <div className="grid-scroll">
        <table
          ref={tableRef}
          className={`indicator-grid ${editable ? 'editable' : 'readonly'}`}
          role="grid"
          aria-label={props.label ?? '绩效指标表'}
          aria-rowcount={rows.length + 1}
          aria-colcount={cols.length + 2}
          onKeyDown={onGridKeyDown}
          onPaste={onPaste}
          onCopy={onCopy}
          onFocus={() => {
            wantFocus.current = true;
          }}
          onBlur={(e) => {
            if (!e.currentTarget.contains(e.relatedTarget as Node | null)) wantFocus.current = false;
          }}
        >
          <colgroup>
            <col style={{ width: 42 }} />
            {cols.map((c) => (
              <col key={c.key} style={{ width: c.width }} />
            ))}
            <col style={{ width: 36 }} />
          </colgroup>
          <thead>
            <tr aria-rowindex={1}>
              <th scope="col" className="g-num">
                序号
              </th>
              {cols.map((c) => (
                <th key={c.key} scope="col" className={`g-head g-${c.key}`}>
                  {c.title}
                </th>
              ))}
              <th scope="col" className="g-actions">
                <span className="visually-hidden">批注</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r, i) => (
              <GridRow
                key={rowKeys[i]}
                row={r}
                index={i}
                activeCol={i === active.row ? active.col : -1}
                mode={i === active.row ? mode : 'ready'}
                draft={i === active.row ? draft : undefined}
                error={i === active.row ? error : undefined}
                view={stableViews[i]!}
                comments={commentCounts.get(r.node.id) ?? 0}
                editable={editable}
                canRescore={canRescore}
                handlers={handlers}
                columns={cols}
                colIdx={colIdx}
                range={selection && i >= selection.rowFrom && i <= selection.rowTo ? `${selection.colFrom}-${selection.colTo}` : undefined}
                suggestions={suggestions && suggestions.row === i && i === active.row ? suggestions : undefined}
                targetNote={props.targetNotes?.get(r.node.id)}
                targetLocked={props.locks?.(r.node, 'target') !== undefined}
              />
            ))}
            {rows.length === 0 && (
              <tr>
                <td colSpan={cols.length + 2} className="g-empty">
                  还没有指标。{editable ? '点击“添加指标”开始填写，或从 Excel 复制后粘贴。' : ''}
                </td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}
