import { describe, expect, it } from 'vitest';
import type { Block, Table } from '../model.js';
import { resolveLimits } from '../types.js';
import { htmlToText } from './html.js';
import { readText } from './read-text.js';

const limits = resolveLimits();

function tables(text: string): string[][][] {
  const r = readText(text, limits);
  if (!r.ok) throw new Error(r.error.message);
  return r.page.blocks.filter((b): b is Extract<Block, { kind: 'table' }> => b.kind === 'table').map((b: { table: Table }) => b.table.rows.map((row) => row.cells.map((c) => c.text)));
}

describe('readText', () => {
  it('one cell per line: continuation lines, row breaks, an empty paragraph inside a cell', () => {
    const text = ['标题', '\t项目名称', '\t质量监督专项', '', '\t年度', '指标值', '\t产出指标', '', '(50分)', '\t20', '', '正文继续'].join('\n');
    expect(tables(text)).toEqual([[['项目名称', '质量监督专项'], ['年度\n指标值', '产出指标\n\n(50分)', '20']]]);
  });

  it('a table ends at two empty lines or at a heading; prose around it stays prose', () => {
    const text = ['\t甲', '\t乙', '', '', '二、下一节', '\t丙', '', '三、第三节'].join('\n');
    const r = readText(text, limits);
    if (!r.ok) throw new Error(r.error.message);
    expect(r.page.blocks.map((b) => (b.kind === 'table' ? `T${b.table.rows.length}` : b.text))).toEqual(['T1', '二、下一节', 'T1', '三、第三节']);
  });

  it('tab rows keep empty cells; Excel quotes a cell with a line break', () => {
    expect(tables('一级指标\t二级指标\t"年度\n指标值"\t\n产出指标\t\t600批次\t')).toEqual([[['一级指标', '二级指标', '年度\n指标值', ''], ['产出指标', '', '600批次', '']]]);
  });

  it('pipe rows, separator lines skipped', () => {
    expect(tables('| a | b |\n|---|---|\n| 1 |  |')).toEqual([[['a', 'b'], ['1', '']]]);
  });

  it('space-separated rows start at a line of header words', () => {
    expect(tables('说明文字\n一级指标  二级指标  三级指标  分值  得分\n产出指标  数量指标  户数  10  10\n\n后记')).toEqual([
      [
        ['一级指标', '二级指标', '三级指标', '分值', '得分'],
        ['产出指标', '数量指标', '户数', '10', '10'],
      ],
    ]);
  });

  it('HTML: colspan and rowspan keep columns aligned; scripts, comments and tags go', () => {
    const html = '<table><tr><td rowspan="2">A</td><td colspan="2">B</td></tr><tr><td>c</td><td>d</td></tr></table><script>x<y</script><!-- n --><p>尾&amp;注</p>';
    expect(htmlToText(html).split('\n')).toEqual(['A\tB\t', '\tc\td', '', '尾&注']);
  });

  it('HTML flattening is linear even for hostile markup', () => {
    const t0 = performance.now();
    htmlToText(`<table>${'<td'.repeat(200_000)}`);
    htmlToText('<!--'.repeat(200_000));
    htmlToText(`<script>${'<script>'.repeat(100_000)}`);
    expect(performance.now() - t0).toBeLessThan(1000);
  });

  it('refuses text with more cells than the limit, without a partial result', () => {
    const r = readText('\ta\n\tb\n\tc\n\td', resolveLimits({ maxCells: 3 }));
    expect(r).toMatchObject({ ok: false, error: { code: 'too-many-cells' } });
  });
});
