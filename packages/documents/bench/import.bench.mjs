/**
 * @module Importer throughput: a one-project 项目支出绩效自评表 built in memory with ExcelJS, imported with
 * `importXlsx`, against a bare ExcelJS `workbook.xlsx.load` of the same bytes, in the same run. The two
 * are measured in alternating rounds so that drift of the machine affects both alike. One core, one
 * file at a time. One JSON line per measure on stdout, progress on stderr.
 *
 *     npx tsc -b packages/documents && node packages/documents/bench/import.bench.mjs [seconds]
 *
 * Goals: ≥ 50 imports/s, and an import no slower than 1.5 × the bare ExcelJS read.
 */
import ExcelJS from 'exceljs';
import { importXlsx } from '../dist/index.js';

const seconds = Number(process.argv[2] ?? 4);

async function buildWorkbook() {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('项目支出绩效自评表');
  const rows = [
    ['2023年度项目支出绩效自评表'],
    ['项目名称', '质量监督专项'],
    ['主管部门', '益阳市人民政府', null, null, '实施单位', '益阳市市场监督管理局'],
    ['项目资金（万元）', null, null, '年初预算数', '全年预算数', '全年执行数', '分值', '执行率', '得分'],
    [null, '年度资金总额', null, 155, 155, 243.03, 10, '100%', 10],
    [null, '其中：同级财政拨款', null, 155, 155, 155],
    [null, '省级财政拨款', null, null, null, 54.52],
    [null, '上年结转资金', null, null, null, 33.51],
    [null, '其他资金'],
    ['年度总体目标', '预期目标', null, null, null, '实际完成情况'],
    [null, '开展产品质量安全风险监控和监督抽查工作，提高产品质量安全风险隐患排查和处置能力。', null, null, null, '完成省抽644批次，开展专项整治17项。'],
    ['绩效指标', '一级指标', '二级指标', '三级指标', '年度指标值', '实际完成值', '分值', '得分', '偏差原因分析及改进措施'],
    [null, '产出指标（50分）', '数量指标', '生产及流通领域产品质量监督抽查量', '600批次以上', '644批次', 20, 20],
    [null, null, '质量指标', '生产及流通领域产品质量监督抽查合格率', '93%以上', '95.03%', 15, 15],
    [null, null, null, '重点工业产品监测率', '20%以上', '20%', 15, 15],
    [null, null, '时效指标', '抽检结果公布及时率', '100%', '100%', 0, 0],
    [null, '效益指标（30分）', '社会效益指标', '维护市场经济秩序、保障人民群众消费安全', '逐步提高', '逐步提高', 15, 14.5, '宣传覆盖面不足'],
    [null, null, '生态效益指标', '节约能源，维护生态环境安全', '逐步改善', '逐步改善', 10, 10],
    [null, null, '可持续影响指标', '特种设备安全状况', '持续向好', '持续向好', 5, 5],
    [null, '满意度指标（10分）', '服务对象满意度指标', '公众对产品质量安全满意度', '≥70%', '86%', 10, 9.9],
    ['总分', null, null, null, null, null, 100, 98.4],
  ];
  for (const r of rows) ws.addRow(r);
  for (const m of ['A1:I1', 'B2:I2', 'B3:D3', 'F3:I3', 'A4:A9', 'B4:C4', 'B5:C5', 'B6:C6', 'B7:C7', 'B8:C8', 'B9:C9', 'A10:A11', 'B10:E10', 'F10:I10', 'B11:E11', 'F11:I11', 'A12:A20', 'B13:B16', 'C14:C15', 'B17:B19', 'A21:F21']) ws.mergeCells(m);
  ws.columns = [8, 14, 14, 30, 14, 14, 8, 8, 20].map((width) => ({ width }));
  return new Uint8Array(await wb.xlsx.writeBuffer());
}

const bytes = await buildWorkbook();
const buffer = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);

const runImport = async () => {
  const r = await importXlsx(bytes, { fileName: 'bench.xlsx' });
  if (!r.ok || r.documents.length !== 1) throw new Error(`import failed: ${JSON.stringify(r.ok ? r.documents.length : r.error)}`);
};
const runExcel = async () => {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(buffer);
  if (wb.worksheets.length !== 1) throw new Error('ExcelJS read failed');
};

for (let i = 0; i < 20; i++) {
  await runImport();
  await runExcel();
}
globalThis.gc?.();

let importMs = 0;
let excelMs = 0;
let imports = 0;
let reads = 0;
const end = performance.now() + seconds * 1000;
while (performance.now() < end) {
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    await runImport();
    importMs += performance.now() - t0;
    imports++;
  }
  for (let k = 0; k < 5; k++) {
    const t0 = performance.now();
    await runExcel();
    excelMs += performance.now() - t0;
    reads++;
  }
}

const importRate = imports / (importMs / 1000);
const excelRate = reads / (excelMs / 1000);
const ratio = importMs / imports / (excelMs / reads);
process.stderr.write(
  `import-xlsx: ${imports} files, ${(importMs / imports).toFixed(2)} ms each; exceljs-read: ${reads} files, ${(excelMs / reads).toFixed(2)} ms each; ` +
    `${Math.round(bytes.byteLength / 1024)} KiB file\n`,
);
const round = (x, d) => Math.round(x * 10 ** d) / 10 ** d;
process.stdout.write(`${JSON.stringify({ bench: 'import-xlsx', unit: 'files/s', value: round(importRate, 1) })}\n`);
process.stdout.write(`${JSON.stringify({ bench: 'exceljs-read', unit: 'files/s', value: round(excelRate, 1) })}\n`);
process.stdout.write(`${JSON.stringify({ bench: 'import-xlsx-vs-exceljs', unit: 'ratio', value: round(ratio, 3) })}\n`);
