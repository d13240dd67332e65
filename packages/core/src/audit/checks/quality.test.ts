import { describe, expect, it } from 'vitest';
import type { EvaluationDocumentInput } from '../../model/index.js';
import { cleanInput, codes, leaf, node, parse, section, variant, withCode } from '../testing.test.js';
import { isGoalSentence } from './quality.js';

describe('SMART-VAGUE-TARGET', () => {
  it.each(['逐步提高', '持续向好', '长期', '不断提升', '能圆满完成'])('a qualitative target “%s”', (target) => {
    const doc = variant((d) => {
      node(d, 'b1').target = target;
      node(d, 'b1').actual = target;
    });
    expect(withCode(doc, 'SMART-VAGUE-TARGET')[0]).toMatchObject({ severity: 'warning', path: '$.indicators[1].children[0].children[0].target' });
  });

  it('a target that cannot be read at all', () => {
    const doc = variant((d) => (node(d, 'b1').target = '做好相关工作'));
    expect(withCode(doc, 'SMART-VAGUE-TARGET')[0]!.message).toContain('无法解析');
  });

  it('is silent on measurable targets', () => {
    expect(codes(parse(cleanInput()))).not.toContain('SMART-VAGUE-TARGET');
  });
});

describe('SMART-NO-UNIT', () => {
  it('a number with no unit', () => {
    const doc = variant((d) => {
      node(d, 'q1').target = '600';
      node(d, 'q1').actual = '620';
    });
    expect(withCode(doc, 'SMART-NO-UNIT')[0]).toMatchObject({ path: '$.indicators[0].children[0].children[0].target' });
  });

  it('accepts a unit printed in its own column, and percentages', () => {
    const doc = variant((d) => {
      node(d, 'q1').target = '600';
      node(d, 'q1').actual = '620';
      node(d, 'q1').unit = '批次';
    });
    expect(codes(doc)).not.toContain('SMART-NO-UNIT');
    expect(codes(parse(cleanInput()))).not.toContain('SMART-NO-UNIT');
  });
});

describe('SMART-ACTUAL-EXPRESSION', () => {
  it('an actual written as an expression (seed 000: ≧70%)', () => {
    const doc = variant((d) => (node(d, 's1').actual = '≧90%'));
    expect(withCode(doc, 'SMART-ACTUAL-EXPRESSION')[0]).toMatchObject({ path: '$.indicators[2].children[0].children[0].actual' });
    expect(codes(parse(cleanInput()))).not.toContain('SMART-ACTUAL-EXPRESSION');
  });
});

describe('SMART-MISSING-ACTUAL and SMART-MISSING-TARGET', () => {
  it('a target without an actual in a self-evaluation', () => {
    const doc = variant((d) => delete node(d, 'q1').actual);
    expect(withCode(doc, 'SMART-MISSING-ACTUAL')[0]).toMatchObject({ path: '$.indicators[0].children[0].children[0].actual' });
  });

  it('no actual is expected when goals are declared', () => {
    const doc = variant((d) => {
      d.header.stage = 'goals';
      delete node(d, 'q1').actual;
    });
    expect(codes(doc)).not.toContain('SMART-MISSING-ACTUAL');
  });

  it('a weighted indicator with no target', () => {
    const doc = variant((d) => delete node(d, 'q1').target);
    expect(withCode(doc, 'SMART-MISSING-TARGET')[0]).toMatchObject({ path: '$.indicators[0].children[0].children[0].target' });
  });

  it('投入 / 过程 evaluation criteria have no targets by nature', () => {
    const doc = variant((d) => {
      d.ruleSet = 'yunnan-2017';
      d.indicators!.unshift(section('in', '项目投入', [leaf('in1', '项目立项', { weight: '9', printedScore: '9' })], { category: 'input' }));
    });
    expect(codes(doc)).not.toContain('SMART-MISSING-TARGET');
  });
});

describe('SMART-GOAL-AS-NAME', () => {
  it.each([
    ['维护市场经济秩序、保障人民群众消费安全', true],
    ['节约能源，维护生态环境安全', true],
    ['加强特种设备安全监管水平和应急救援能力建设', true],
    ['生产及流通领域产品质量监督抽查合格率', false],
    ['聘请律师、法律顾问人数', false],
    ['监督抽查批次', false],
    ['提升检验检测能力完成率', false],
  ])('“%s” → %s', (name, expected) => {
    expect(isGoalSentence(name)).toBe(expected);
  });

  it('reports the name', () => {
    const doc = variant((d) => (node(d, 'b1').name = '加强食品安全监管，提升群众满意程度'));
    expect(withCode(doc, 'SMART-GOAL-AS-NAME')[0]).toMatchObject({ path: '$.indicators[1].children[0].children[0].name' });
    expect(codes(parse(cleanInput()))).not.toContain('SMART-GOAL-AS-NAME');
  });
});

describe('SMART-REQUIRED-CATEGORY and SMART-MISSING-SECTION', () => {
  it('产出 needs 数量 and 质量 (national rule set)', () => {
    const doc = variant((d) => {
      const out = node(d, 'out');
      out.children = [section('out.qty', '数量指标', [
        leaf('q1', '监督抽查批次', { weight: '30', target: '≥600批次', actual: '620批次', printedScore: '30' }),
        leaf('q2', '抽检合格率', { weight: '20', target: '≥95%', actual: '96%', printedScore: '20' }),
      ])];
    });
    expect(withCode(doc, 'SMART-REQUIRED-CATEGORY')[0]).toMatchObject({ path: '$.indicators[0]', location: '产出指标' });
    expect(withCode(doc, 'SMART-REQUIRED-CATEGORY')[0]!.message).toContain('质量指标');
  });

  it('an empty placeholder counts as missing', () => {
    const doc = variant((d) => {
      const out = node(d, 'out');
      out.children = [
        section('out.qty', '数量指标', [
          leaf('q1', '监督抽查批次', { weight: '30', target: '≥600批次', actual: '620批次', printedScore: '30' }),
          leaf('q2', '抽检合格率', { weight: '20', target: '≥95%', actual: '96%', printedScore: '20' }),
        ]),
        section('out.qual', '质量指标', []),
      ];
    });
    expect(codes(doc)).toContain('SMART-REQUIRED-CATEGORY');
    expect(codes(parse(cleanInput()))).not.toContain('SMART-REQUIRED-CATEGORY');
  });

  it('a section the scheme weights is absent', () => {
    const doc = variant((d) => {
      d.indicators = d.indicators!.slice(0, 2);
      node(d, 'ben').declaredWeight = '40';
      node(d, 'b1').weight = '40';
      node(d, 'b1').printedScore = '40';
    });
    expect(withCode(doc, 'SMART-MISSING-SECTION')[0]).toMatchObject({ path: '$.indicators', figures: { weight: '10' } });
    expect(codes(parse(cleanInput()))).not.toContain('SMART-MISSING-SECTION');
  });
});

describe('SMART-DUPLICATE', () => {
  it('two indicators with the same normalised name in one tree', () => {
    const doc = variant((d) => node(d, 'out.qual').children!.push(leaf('q3', '监督抽查 批次（5分）', { target: '≥1批次', actual: '1批次' })));
    expect(withCode(doc, 'SMART-DUPLICATE')[0]).toMatchObject({ path: '$.indicators[0].children[1].children[1].name' });
    expect(withCode(doc, 'SMART-DUPLICATE')[0]!.message).toContain('产出指标 › 数量指标 › 监督抽查批次');
  });

  it('the same name for two different sub-projects is not a duplicate', () => {
    const doc = variant((d) => {
      node(d, 'q1').subProject = 'a';
      node(d, 'out.qual').children!.push(leaf('q3', '监督抽查批次', { subProject: 'b', target: '≥1批次', actual: '1批次' }));
    });
    expect(codes(doc)).not.toContain('SMART-DUPLICATE');
  });
});

function projectsDoc(second: EvaluationDocumentInput['projects']): EvaluationDocumentInput {
  const boiler = [leaf('t', '预算执行率', { target: '100%' }), leaf('s', '群众满意度', { target: '≥90%' })];
  return {
    ...cleanInput(),
    projects: [
      { id: 'a', name: '玉石产品质量标准建设专项', indicators: [section('out', '产出指标', [leaf('a1', '重大宣传活动次数', { target: '80次' }), leaf('a2', '免费替代咨询及鉴定', { target: '3000余次' }), ...boiler])] },
      ...(second ?? []),
    ],
  };
}

describe('SMART-COPIED-PROJECT', () => {
  it('a project repeating another project’s distinctive indicators (seed 001)', () => {
    const doc = parse(projectsDoc([
      { id: 'b', name: '智慧监管平台建设专项', indicators: [section('out', '产出指标', [leaf('b1', '重大宣传活动', { target: '≥80次' }), leaf('b2', '免费提供咨询及鉴定', { target: '≥3000余次' }), leaf('t', '预算执行率', { target: '100%' })])] },
    ]));
    const [f] = withCode(doc, 'SMART-COPIED-PROJECT');
    expect(f).toMatchObject({ path: '$.projects[1].indicators', figures: { matches: '2' } });
    expect(f!.message).toContain('玉石产品质量标准建设专项');
  });

  it('shared boilerplate (预算执行率, 满意度) and a single common indicator are not copying', () => {
    const doc = parse(projectsDoc([
      { id: 'b', name: '知识产权专利专项', indicators: [section('out', '产出指标', [leaf('b1', '重大宣传活动次数', { target: '2次' }), leaf('t', '预算执行率', { target: '100%' }), leaf('s', '群众满意度', { target: '≥90%' })])] },
    ]));
    expect(codes(doc)).not.toContain('SMART-COPIED-PROJECT');
  });
});

describe('missing targets and actuals across a whole tree', () => {
  it('one finding for the tree when most of its indicators lack an actual (seed 001)', () => {
    const doc = variant((d) => {
      for (const id of ['q1', 'q2', 'b1', 's1']) delete node(d, id).actual;
      node(d, 'out.qty').children!.push(leaf('q3', '培训人次', { target: '≥100人次' }));
    });
    const found = withCode(doc, 'SMART-MISSING-ACTUAL');
    expect(found).toHaveLength(1);
    expect(found[0]).toMatchObject({ path: '$.indicators', location: '指标体系', figures: { missing: '5', total: '5' } });
    expect(found[0]!.message).toContain('监督抽查批次');
  });

  it('one finding for the tree when most of its indicators lack a target (seed 003)', () => {
    const doc = variant((d) => {
      for (const id of ['q1', 'q2', 'b1', 's1']) delete node(d, id).target;
      node(d, 'out.qty').children!.push(leaf('q3', '培训人次', { weight: '0', actual: '120人次' }));
    });
    expect(withCode(doc, 'SMART-MISSING-TARGET').map((f) => f.path)).toEqual(['$.indicators']);
  });
});
