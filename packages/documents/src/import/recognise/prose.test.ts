import { describe, expect, it } from 'vitest';
import { splitGluedScores } from './cells.js';
import { splitItems, splitTarget } from './prose-indicators.js';
import { headingOf } from './prose.js';

describe('headingOf', () => {
  it('numbered headings at four levels, split from the text on the same line', () => {
    expect(headingOf('一、项目概况')).toEqual({ level: 1, heading: '一、项目概况', body: '' });
    expect(headingOf('（一）核实数据。对2020年度账务系统进行核实。')).toEqual({ level: 2, heading: '（一）核实数据。', body: '对2020年度账务系统进行核实。' });
    expect(headingOf('1.特设安全务实创新。一是提请市政府出台了规定。')).toMatchObject({ level: 3, heading: '1.特设安全务实创新。' });
    expect(headingOf('（1）以制度建设为基础，保障资金合规使用。')).toMatchObject({ level: 4, body: '' });
    expect(headingOf('1.内设机构（43个，均为正科级）：办公室、综合规划科。')).toMatchObject({ level: 3, heading: '1.内设机构（43个，均为正科级）：' });
  });

  it('numbered narrative paragraphs and enumerations are not headings', () => {
    expect(headingOf('2.2023年基本支出7166.52万元，其中工资福利支出5067.71万元、一般商品和服务支出1247.99万元。')).toBeUndefined();
    expect(headingOf('（一）负责市场综合监管管理。（二）负责市场主体统一登记注册。（三）负责组织执法。')).toBeUndefined();
    expect(headingOf('2021年收入实际完成1981.54万元')).toBeUndefined();
  });
});

describe('targets written in prose', () => {
  it('splits a statement into name and target', () => {
    expect(splitTarget('2021年度食品安全监督抽检1040批次')).toEqual({ name: '2021年度食品安全监督抽检', target: '1040批次' });
    expect(splitTarget('食品经营户培训家≥2500家')).toEqual({ name: '食品经营户培训家', target: '≥2500家' });
    expect(splitTarget('项目实施期2021年1-12月')).toEqual({ name: '项目实施期', target: '2021年1-12月' });
    expect(splitTarget('市场监管执法效率逐步提高')).toEqual({ name: '市场监管执法效率', target: '逐步提高' });
    expect(splitTarget('促进社会稳定')).toEqual({ name: '促进社会稳定', target: '促进社会稳定' });
  });

  it('splits items at ，and ；but keeps purpose clauses and a trailing 指标值 with their statement', () => {
    expect(splitItems('重大宣传活动次数2次，知识产权的开发和保护发明专利52个；企业信用监管及“双随机、一公开”监管5批次。').map((i) => i.target)).toEqual(['2次', '52个', '5批次']);
    expect(splitItems('建立食品安全监管长期机制，为创建食品安全示范县打下坚实基础。')).toHaveLength(1);
    expect(splitItems('通过监督抽检，降低风险，指标值逐步提升。')).toEqual([{ name: '通过监督抽检，降低风险', target: '逐步提升' }]);
  });

  it('long statements are not searched for a target (bounded cost)', () => {
    const long = `${'很长的说明'.repeat(2000)}100%`;
    const t0 = performance.now();
    expect(splitTarget(long).target).toBe(long);
    expect(performance.now() - t0).toBeLessThan(50);
  });

  it('glued 分值 and 得分 split only when exactly one reading fits', () => {
    expect(splitGluedScores('2020')).toEqual(['20', '20']);
    expect(splitGluedScores('1514.5')).toBeUndefined();
    expect(splitGluedScores('54.9')).toBeUndefined();
    expect(splitGluedScores('1010')).toEqual(['10', '10']);
    expect(splitGluedScores('1234')).toBeUndefined();
  });
});
