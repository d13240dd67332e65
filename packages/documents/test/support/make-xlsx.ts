/**
 * @module Test workbooks built with ExcelJS: the 项目支出 / 部门整体支出 自评表 in their common layouts and
 * variants (title rows, merges across rows and columns, reordered and split columns, 权重, 复核分,
 * numbers stored as text, 元, formulas with cached values, several tables per sheet, one per sheet).
 */
import ExcelJS from 'exceljs';

export type CellInput = string | number | null | { formula: string; result: number | string } | { text: string };

/** A block of rows written from (row, col); `merges` are ranges relative to the block ("A1:B1"). */
export interface Block {
  at: [row: number, col: number];
  rows: CellInput[][];
  merges?: string[];
}

function colLetter(n: number): string {
  let s = '';
  for (let x = n; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
  return s;
}

function shift(range: string, dr: number, dc: number): string {
  return range
    .split(':')
    .map((ref) => {
      const m = /^([A-Z]+)(\d+)$/.exec(ref)!;
      let col = 0;
      for (const ch of m[1]!) col = col * 26 + (ch.charCodeAt(0) - 64);
      return `${colLetter(col + dc)}${Number(m[2]) + dr}`;
    })
    .join(':');
}

export function writeBlock(ws: ExcelJS.Worksheet, block: Block): void {
  const [r0, c0] = block.at;
  block.rows.forEach((cells, r) => {
    cells.forEach((v, c) => {
      if (v === null) return;
      const cell = ws.getCell(r0 + r, c0 + c);
      if (typeof v === 'object' && 'formula' in v) cell.value = { formula: v.formula, result: v.result } as ExcelJS.CellFormulaValue;
      else if (typeof v === 'object') cell.value = v.text;
      else cell.value = v;
    });
  });
  for (const m of block.merges ?? []) ws.mergeCells(shift(m, r0 - 1, c0 - 1));
}

export async function workbook(sheets: Array<{ name: string; blocks: Block[]; state?: 'hidden' }>): Promise<Uint8Array> {
  const wb = new ExcelJS.Workbook();
  for (const s of sheets) {
    const ws = wb.addWorksheet(s.name);
    if (s.state) ws.state = s.state;
    for (const b of s.blocks) writeBlock(ws, b);
  }
  return new Uint8Array((await wb.xlsx.writeBuffer()) as ArrayBuffer);
}

/** The classic 项目支出绩效自评表 (seed 000's layout), 9 columns A–I. */
export function projectTable(opts: { title?: string; name?: string; unit?: '万元' | '元'; textNumbers?: boolean; formulas?: boolean } = {}): Block {
  const n = (v: number): CellInput => (opts.textNumbers ? v.toFixed(2) : v);
  const unit = opts.unit ?? '万元';
  const rows: CellInput[][] = [
    [opts.title ?? '2020年度项目支出绩效自评表', null, null, null, null, null, null, null, null],
    ['项目名称', opts.name ?? '质量监督专项', null, null, null, null, null, null, null],
    ['主管部门', '益阳市人民政府', null, null, '实施单位', '益阳市市场监督管理局', null, null, null],
    [`项目资金\n（${unit}）`, null, null, '年初\n预算数', '全年\n预算数', '全年\n执行数', '分值', '执行率', '得分'],
    [null, '年度资金总额', null, n(155), n(155), n(243.03), 10, opts.formulas ? { formula: 'F5/E5', result: 1.5679 } : '100%', 10],
    [null, '其中：同级财政拨款', null, n(155), n(155), n(155), null, null, null],
    [null, '省级财政拨款', null, null, null, n(54.52), null, null, null],
    [null, '上年结转资金', null, null, null, n(33.51), null, null, null],
    [null, '其他资金', null, null, null, null, null, null, null],
    ['年度总体目标', '预期目标', null, null, null, '实际完成情况', null, null, null],
    [null, '开展产品质量安全风险监控和监督抽查工作。', null, null, null, '完成省抽644批次。', null, null, null],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '年度\n指标值', '实际\n完成值', '分值', '得分', '偏差原因分析及改进措施'],
    [null, '产出指标\n(50分)', '数量指标', '生产及流通领域产品质量监督抽查量', '600批次以上', '644批次', 20, 20, null],
    [null, null, '质量指标', '生产及流通领域产品质量监督抽查合格率', '93%以上', '95.03%', 15, 15, null],
    [null, null, null, '重点工业产品监测率', '20%以上', '20%', 15, 15, null],
    [null, null, '时效指标', null, null, null, null, null, null],
    [null, '效益指标（30分）', '社会效益指标', '维护市场经济秩序、保障人民群众消费安全', '逐步提高', '逐步提高', 15, 14.5, '宣传覆盖不足'],
    [null, null, '可持续影响指标', '特种设备安全状况', '持续向好', '持续向好', 5, 5, null],
    [null, '满意度指标（10分）', '服务对象满意度指标', '公众对产品质量安全满意度', '≧70%', '≧70%', 5, 4.9, null],
    ['总分', null, null, null, null, null, 100, opts.formulas ? { formula: 'SUM(H13:H19)+I5', result: 98.4 } : 98.4, null],
  ];
  return {
    at: [1, 1],
    rows,
    merges: ['A1:I1', 'B2:I2', 'B3:D3', 'F3:I3', 'A4:A9', 'B4:C4', 'B5:C5', 'B6:C6', 'B7:C7', 'B8:C8', 'B9:C9', 'A10:A11', 'B10:E10', 'F10:I10', 'B11:E11', 'F11:I11', 'A12:A19', 'B13:B16', 'C14:C15', 'B17:B18', 'A20:F20'],
  };
}

/** A 部门整体支出绩效自评表 (seed 004's layout, shortened). */
export function departmentTable(): Block {
  const rows: CellInput[][] = [
    ['2023年度部门整体支出绩效自评表', null, null, null, null, null, null, null, null],
    ['预算部门', '益阳市市场监督管理局（汇总）', null, null, null, null, null, null, null],
    ['年度预算申请（万元）', null, null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    [null, '年度资金总额', null, 7255.33, 10221.25, 10221.25, '10分', '100%', '10分'],
    [null, '按收入性质分：', null, null, null, '按支出性质分：', null, null, null],
    [null, '其中：一般公共预算：9846.08', null, null, null, '其中：基本支出：7520.29', null, null, null],
    [null, '政府性基金拨款：15', null, null, null, '项目支出：2700.96', null, null, null],
    [null, '其他资金：360.17', null, null, null, null, null, null, null],
    ['年度总体目标', '预期目标', null, null, null, '实际完成情况', null, null, null],
    [null, '扶持市场主体发展。', null, null, null, '企业开办时间压缩至2个工作日以内。', null, null, null],
    [null, '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
    [null, '产出指标（50分）', '数量指标', '市本级食品抽检批次', '≧3800批次', '3800批次', 50, 50, null],
    [null, '效益指标（30分）', '可持续影响指标', '营造公平的市场竞争秩序', '长期', '长期', 30, 28.5, null],
    [null, '成本指标', '经济成本指标', '食品抽检成本', '≤700元/批次', '700元/批次', 10, 10, null],
    ['总分', null, null, null, null, null, '100分', '98.5分', null],
  ];
  return {
    at: [1, 1],
    rows,
    merges: ['A1:I1', 'B2:I2', 'A3:A8', 'B3:C3', 'B4:C4', 'B5:E5', 'F5:I5', 'B6:E6', 'F6:I6', 'B7:E7', 'F7:I7', 'B8:E8', 'A9:A10', 'B9:E9', 'F9:I9', 'B10:E10', 'F10:I10', 'A11:A14', 'A15:F15'],
  };
}

/** The 部门整体支出绩效评价基础数据表 on its own sheet. */
export function basicDataTable(): Block {
  return {
    at: [1, 1],
    rows: [
      ['2023年度部门整体支出绩效评价基础数据表', null, null, null],
      ['财政供养人员情况（人）', '编制数', '2022年实际在职人数', '控制率'],
      [null, 339, 314, '92.63%'],
      ['经费控制情况（万元）', '2022年决算数', '2023年预算数', '2023年决算数'],
      ['三公经费', 127.69, 180.01, 86.25],
      ['1、公务用车购置和维护经费', 111.36, 133, 67.44],
      ['其中：公车购置', 67.95, 18, 17.14],
      ['公车运行维护', 43.41, 115, 50.3],
      ['2、出国经费', '/', '/', '/'],
      ['3、公务接待', 16.33, 47.01, 18.81],
      ['公用经费:', 1286.52, 1185.51, 1247.98],
      ['其中:办公经费', 580.77, 454.17, 703.24],
      ['政府采购金额', 456.72, 450, 458.84],
      ['楼堂馆所控制情况（2023年完工项目）', '批复规模（㎡）', '实际规模（㎡）', '规模控制率'],
      ['厉行节约保障措施', '严控支出标准，压减三公经费。', null, null],
    ],
    merges: ['A1:D1', 'A2:A3', 'B15:D15'],
  };
}
