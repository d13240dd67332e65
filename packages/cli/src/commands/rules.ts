/** @module `jixiao rules list` and `jixiao rules show ID`: the shipped rule sets. */
import type { Command } from 'commander';
import { getRuleSet, listRuleSets, ruleSetRef } from '@jixiao/core';
import { CliError, EXIT } from '../io/exit.js';
import { renderTable } from '../io/table.js';

export function registerRules(program: Command): void {
  const rules = program.command('rules').description('规则集（rule sets）');
  rules
    .command('list')
    .description('列出可用规则集')
    .option('--json', '输出 JSON')
    .action((opts: { json?: boolean }) => {
      const all = listRuleSets();
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(all.map((r) => ({ id: r.id, version: r.version, ref: ruleSetRef(r), name: r.name, level: r.level })), null, 2)}\n`);
        return;
      }
      const rows = [['规则集', '名称', '层级']].concat(all.map((r) => [ruleSetRef(r), r.name, LEVEL_ZH[r.level]]));
      process.stdout.write(`${renderTable(rows)}\n`);
    });
  rules
    .command('show')
    .description('显示规则集的权重、公式与选择')
    .argument('<id>', '规则集 id 或 id@version')
    .option('--json', '输出规则集数据（JSON）')
    .action((id: string, opts: { json?: boolean }) => {
      const rs = getRuleSet(id);
      if (!rs) throw new CliError(`未知规则集：${id}`, EXIT.inputHasErrors);
      if (opts.json) {
        process.stdout.write(`${JSON.stringify(rs, null, 2)}\n`);
        return;
      }
      const lines = [
        `${rs.name}（${ruleSetRef(rs)}）`,
        rs.description,
        `依据：${rs.sources.join('；')}`,
        `总分：${rs.totalWeight}；预算执行率：${rs.execution ? `${rs.execution.weight}分，分值 × min(执行数 ÷ 预算数, 1)` : '不单列'}`,
        '',
        renderTable(
          [['一级指标', '权重', '必备二级指标', '叶子公式']].concat(
            rs.sections.map((s) => [s.name, s.weight ?? '由单位分配', s.requiredCategories.map((g) => g.join('或')).join('、') || '—', s.leafFormula ?? '按指标值'])),
        ),
        '',
        `等级：${rs.grades.map((g) => `${g.grade} ≥ ${g.min}`).join('，')}`,
        `定性分档：达成 ${rs.qualitative.achieved.join('–')}，部分达成 ${rs.qualitative.partly.join('–')}，未达成 ${rs.qualitative.notAchieved.join('–')}（分值的比例）`,
        `取整：${rs.rounding.mode}，得分 ${rs.rounding.scorePlaces} 位小数，比率 ${rs.rounding.ratePlaces} 位；容差：所印末位半个单位，至多 ${rs.tolerance.max}`,
        '',
        '规则选择：',
        ...rs.choices.map((c) => `  - [${c.key}] ${c.text}`),
      ];
      process.stdout.write(`${lines.join('\n')}\n`);
    });
}

const LEVEL_ZH = { project: '项目', department: '部门整体', any: '通用' } as const;
