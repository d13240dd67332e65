import { describe, expect, it } from 'vitest';
import type { EvaluationDocumentInput } from '../../model/index.js';
import { cleanInput, codes, parse, variant, withCode } from '../testing.test.js';

function withProse(text: string, change?: (d: EvaluationDocumentInput) => void) {
  return variant((d) => {
    d.prose = [{ id: 's1', heading: '（一）绩效指标完成情况', path: ['四、绩效目标实现情况'], level: 2, text }];
    change?.(d);
  });
}

describe('PROSE-FIGURE-MISMATCH and PROSE-FIGURE-CONFIRMED', () => {
  it('a prose figure that disagrees with the table (seed 004: 86.87% vs 86.97)', () => {
    const doc = withProse('全年完成监督抽查批次650批次，超额完成任务。');
    const [f] = withCode(doc, 'PROSE-FIGURE-MISMATCH');
    expect(f).toMatchObject({ severity: 'warning', path: '$.indicators[0].children[0].children[0].actual', figures: { table: '620', prose: '650' } });
    expect(f!.message).toContain('全年完成监督抽查批次650批次');
  });

  it('a survey score in 分 against a satisfaction rate in %', () => {
    const doc = withProse('2023年，我市在服务对象满意度调查中得分93分。');
    expect(withCode(doc, 'PROSE-FIGURE-MISMATCH')[0]).toMatchObject({ figures: { table: '92', prose: '93' } });
  });

  it('a figure that agrees is confirmed (info), never reported as a disagreement', () => {
    const doc = withProse('全年完成监督抽查批次620批次。');
    expect(codes(doc)).toContain('PROSE-FIGURE-CONFIRMED');
    expect(codes(doc)).not.toContain('PROSE-FIGURE-MISMATCH');
  });

  it('ignores targets in prose (≥, 以上, 指标：), approximate figures, other units and unrelated subjects', () => {
    for (const text of ['监督抽查批次≥600批次。', '数量指标：监督抽查批次600批次。', '监督抽查批次600余批次。', '监督抽查批次650家。', '全年培训企业650批次。']) {
      expect(codes(withProse(text))).not.toContain('PROSE-FIGURE-MISMATCH');
    }
  });
});

describe('PROSE-YOY', () => {
  it('a change and a percentage that disagree', () => {
    const doc = withProse('2021年收入实际完成1981.54万元，比上年增加194.09万元，增长12.86%。');
    const [f] = withCode(doc, 'PROSE-YOY');
    expect(f).toMatchObject({ severity: 'warning', path: '$.prose[0].text', figures: { percent: '12.86', expected: '10.86' } });
  });

  it('accepts seed 001’s statements, allowing for the rounding of every printed figure', () => {
    const texts = [
      '2021年收入实际完成1981.54万元，比上年增加194.09万元，增长10.86%。',
      '公务用车运行经费支出决算为21.38万元，比上年减少0.04万元，下降0.19%，原因是节减开支。',
      '公务接待费支出决算为17.14万元（公务接待31批，共计148人）,与上年相比减少0.08万元，降低了0.46%。',
      '1、收入预算，2021年年初预算数1816.4万元，其中，一般公共预算拨款1784.4万元。收入较去年增加218.1万元，增长13.65%。',
    ];
    for (const text of texts) expect(codes(withProse(text))).not.toContain('PROSE-YOY');
  });

  it('checks against a stated base', () => {
    expect(codes(withProse('上年为100万元，本年比上年增加10万元，增长20%。'))).toContain('PROSE-YOY');
    expect(codes(withProse('上年为100万元，本年比上年增加10万元，增长10%。'))).not.toContain('PROSE-YOY');
  });

  it('reads 万户 as ten thousands (seed 004: 41.7万户, 净增2.67万户, 同比增长7.37%)', () => {
    const doc = withProse('全市经营主体数量稳中有升，已达41.7万户，净增经营主体2.67万户，同比增长7.37%。');
    expect(withCode(doc, 'PROSE-YOY')[0]).toMatchObject({ figures: { expected: '6.84' } });
    expect(codes(withProse('全市经营主体已达41.7万户，净增经营主体2.67万户，同比增长6.84%。'))).not.toContain('PROSE-YOY');
  });

  it('checks the notes of money rows against the row’s own amount', () => {
    const doc = variant((d) => (d.funding!.tables![0]!.rows[0]!.note = '比上年增加10万元，增长20%'));
    expect(withCode(doc, 'PROSE-YOY')[0]!.path).toBe('$.funding.tables[0].rows[0].note');
  });
});

describe('PROSE-SELF-SCORE-NO-TABLE', () => {
  it('a self-score stated with no scored indicators (seed 001: 95)', () => {
    const doc = variant((d) => {
      d.indicators = [];
      delete d.meta!.printedTotal;
      d.meta!.statedSelfScore = '95';
    });
    expect(withCode(doc, 'PROSE-SELF-SCORE-NO-TABLE')[0]).toMatchObject({ path: '$.meta.statedSelfScore', figures: { stated: '95' } });
    expect(codes(parse(cleanInput()))).not.toContain('PROSE-SELF-SCORE-NO-TABLE');
  });

  it('an embedded project’s score with no table behind it', () => {
    const doc = variant((d) => (d.projects = [{ id: 'p', name: '质监专项', printedTotal: '95', indicators: [{ id: 'x', name: '产出指标', children: [{ id: 'y', name: '产商品质量抽检', target: '50家以上' }] }] }]));
    expect(withCode(doc, 'PROSE-SELF-SCORE-NO-TABLE')[0]!.path).toBe('$.projects[0].printedTotal');
  });
});

describe('PROSE-TOTAL-MISMATCH', () => {
  it('a total stated in the prose that differs from the printed one', () => {
    expect(withCode(withProse('质量项目资金自评得分为95分，综合评价为优秀。'), 'PROSE-TOTAL-MISMATCH')[0]).toMatchObject({ figures: { prose: '95', printed: '99' } });
    expect(codes(withProse('质量项目资金自评得分为99分，综合评价为优秀。'))).not.toContain('PROSE-TOTAL-MISMATCH');
  });

  it('does not read an item score or a survey score as the total', () => {
    expect(codes(withProse('该指标自评得分8.7分。我市在满意度调查中得分86.97分。'))).not.toContain('PROSE-TOTAL-MISMATCH');
  });
});

describe('PROSE-AMOUNT-CONFLICT', () => {
  it('a sub-project with different amounts in the header, the money table and its goal (seed 002)', () => {
    const doc = variant((d) => {
      d.header.subProjects = [{ id: 'sp', name: '特设安全监管项目', unit: '特设处', budget: '102' }];
      d.funding!.tables!.push({ id: 'sp', kind: 'sub-projects', unit: '元', rows: [{ label: '特设安全监管项目', role: 'item', subProject: 'sp', amounts: { budget: '200000.00' } }] });
      d.goals = [{ subject: 'sp', expected: '绩效目标一：特种设备安全监管专项经费项目，安排省级资金50万元，主要用于检查。' }];
    });
    const [f] = withCode(doc, 'PROSE-AMOUNT-CONFLICT');
    expect(f).toMatchObject({ path: '$.header.subProjects[0]', figures: { unit: '万元', '$.header.subProjects[0].budget': '102', '$.funding.tables[1].rows[0].amounts.budget': '20', '$.goals[0].expected': '50' } });
    expect(f!.message).toContain('102（表头二级项目）');
  });

  it('an embedded project whose report states a different total (seed 001: 45 vs 55.5)', () => {
    const doc = variant((d) => {
      d.projects = [{ id: 'm', name: '工商系统行政管理专项', funding: '45', indicators: [] }];
      d.prose = [{ id: 'r', heading: '一、绩效目标分解下达情况', path: [], level: 1, project: 'm', text: '2021年工商系统行政管理专项方面的资金共计55.5万元，包括消费者保护经费15万元。' }];
    });
    expect(codes(doc)).toContain('PROSE-AMOUNT-CONFLICT');
  });

  it('is silent when every place agrees, and ignores amounts that are parts or receipts', () => {
    const doc = variant((d) => {
      d.projects = [{ id: 'm', name: '食品药品安全监管专项', funding: '100', indicators: [] }];
      d.prose = [{ id: 'r', heading: '一', path: [], level: 1, project: 'm', text: '县级配套资金共计100万元，包括抽检专项资金40万元。收到县财政预算安排的食品药品安全监管资金62万元。' }];
    });
    expect(codes(doc)).not.toContain('PROSE-AMOUNT-CONFLICT');
  });
});

describe('PROSE-SURVEY-SAMPLE', () => {
  it('the survey sample stated differently (seed 002: 100 vs 50)', () => {
    const doc = withProse('项目共发放及回收有效问卷50份，问卷调查综合得分92.97分。', (d) => (d.meta!.survey = { sampleSize: '100' }));
    expect(withCode(doc, 'PROSE-SURVEY-SAMPLE')[0]).toMatchObject({ figures: { table: '100', prose: '50' } });
    const ok = withProse('项目共发放及回收有效问卷100份。', (d) => (d.meta!.survey = { sampleSize: '100' }));
    expect(codes(ok)).not.toContain('PROSE-SURVEY-SAMPLE');
  });
});

describe('PROSE-RATE-MISMATCH', () => {
  it('an execution rate stated in the prose that the money table does not give', () => {
    expect(withCode(withProse('全年预算执行率为95%。'), 'PROSE-RATE-MISMATCH')[0]).toMatchObject({ figures: { prose: '95', computed: '90' } });
    expect(codes(withProse('全年预算执行率为90%。'))).not.toContain('PROSE-RATE-MISMATCH');
  });

  it('an arrival rate against 实际到位 ÷ 预算安排 (seed 002: 94.52%)', () => {
    const table = (d: EvaluationDocumentInput) =>
      d.funding!.tables!.push({ id: 'arr', kind: 'funds-arrival', unit: '万元', rows: [{ label: '预算安排资金', role: 'total', amounts: { arranged: '1457.50', arrived: '1377.67' } }] });
    expect(codes(withProse('项目预算资金到位率94.52%，未达100%。', table))).not.toContain('PROSE-RATE-MISMATCH');
    expect(codes(withProse('项目预算资金到位率96.52%。', table))).toContain('PROSE-RATE-MISMATCH');
  });
});
