/**
 * Target expressions beyond the seeds: every operator, comparison word, unit, range form, numeral
 * form, approximation, deadline and qualitative phrase the reader knows, plus edge cases.
 */
import { describe, expect, it } from 'vitest';
import { parseTarget } from './parse.js';
import { summarizeTarget } from './summary.js';
import { targetToJson } from './json.js';

/** [text, expected summary] — see summary.ts for the notation (`*` marks an implied operator). */
const FORMS: readonly (readonly [string, string])[] = [
  ["≥600批次", "≥ 600 批次"],
  ["≧600批次", "≥ 600 批次"],
  [">=600批次", "≥ 600 批次"],
  ["＞=600批次", "≥ 600 批次"],
  ["⩾600批次", "≥ 600 批次"],
  ["≮600批次", "≥ 600 批次"],
  [">600批次", "> 600 批次"],
  ["＞600批次", "> 600 批次"],
  ["﹥600批次", "> 600 批次"],
  ["≤700元/批次", "≤ 700 元/批次"],
  ["≦700元/批次", "≤ 700 元/批次"],
  ["<=700元/批次", "≤ 700 元/批次"],
  ["＜=700元/批次", "≤ 700 元/批次"],
  ["⩽700元/批次", "≤ 700 元/批次"],
  ["≯700元/批次", "≤ 700 元/批次"],
  ["<5天", "< 5 天"],
  ["＜5天", "< 5 天"],
  ["﹤5天", "< 5 天"],
  ["=100%", "= 100 %"],
  ["＝100%", "= 100 %"],
  ["═100%", "= 100 %"],
  ["﹦100%", "= 100 %"],
  ["==100%", "= 100 %"],
  ["=>90%", "≥ 90 %"],
  ["600批次以上", "≥ 600 批次"],
  ["600批次及以上", "≥ 600 批次"],
  ["600批次或以上", "≥ 600 批次"],
  ["70%以下", "≤ 70 %"],
  ["70%及以下", "≤ 70 %"],
  ["5%以内", "≤ 5 %"],
  ["5%之内", "≤ 5 %"],
  ["不低于90%", "≥ 90 %"],
  ["不高于5%", "≤ 5 %"],
  ["不少于600批次", "≥ 600 批次"],
  ["不超过700元/批次", "≤ 700 元/批次"],
  ["超过600批次", "> 600 批次"],
  ["低于5%", "< 5 %"],
  ["不满18人", "< 18 人"],
  ["不足60%", "< 60 %"],
  ["达到90%", "≥ 90 %"],
  ["达90%", "≥ 90 %"],
  ["至少10次", "≥ 10 次"],
  ["至多3次", "≤ 3 次"],
  ["大于90%", "> 90 %"],
  ["小于5%", "< 5 %"],
  ["高于90%", "> 90 %"],
  ["多于10家", "> 10 家"],
  ["少于3起", "< 3 起"],
  ["不到5起", "< 5 起"],
  ["最多3次", "≤ 3 次"],
  ["最少2次", "≥ 2 次"],
  ["不得低于95%", "≥ 95 %"],
  ["控制在5%以内", "≤ 5 %"],
  ["等于1次", "= 1 次"],
  ["超500家", "> 500 家"],
  ["逾500家", "> 500 家"],
  ["提高到95%", "≥ 95 %"],
  ["降至3天", "≤ 3 天"],
  ["缩短至2个工作日", "≤ 2 个工作日"],
  ["大于等于90%", "≥ 90 %"],
  ["小于等于5%", "≤ 5 %"],
  ["超过600以上", "> 600"],
  ["≥90%以上", "≥ 90 %"],
  ["≤90%以上", "unparsed"],
  ["=90%以上", "unparsed"],
  ["不低于90%以下", "unparsed"],
  ["6000批", "≥* 6000 批"],
  ["100万元", "≥* 100 万元"],
  ["2亿元", "≥* 2 亿元"],
  ["3千元", "≥* 3 千元"],
  ["3千", "≥* 3000"],
  ["5万", "≥* 50000"],
  ["10万元/个", "≤* 10 万元/个"],
  ["20元/人", "≤* 20 元/人"],
  ["5个工作日", "≤* 5 个工作日"],
  ["3工作日", "≤* 3 工作日"],
  ["3天", "≤* 3 天"],
  ["3日", "≤* 3 日"],
  ["24小时", "≤* 24 小时"],
  ["6个月", "≤* 6 个月"],
  ["6月", "deadline ≤ *-6 month"],
  ["3年", "≤* 3 年"],
  ["使用年限3年", "≥* 3 年 subj=使用年限"],
  ["100家", "≥* 100 家"],
  ["20户", "≥* 20 户"],
  ["2人", "≥* 2 人"],
  ["5000人次", "≥* 5000 人次"],
  ["23246台(件)", "≥* 23246 台(件)"],
  ["23246台（件）", "≥* 23246 台(件)"],
  ["26台套", "≥* 26 台套"],
  ["10份", "≥* 10 份"],
  ["5项", "≥* 5 项"],
  ["3套", "≥* 3 套"],
  ["200条", "≥* 200 条"],
  ["6000条次", "≥* 6000 条次"],
  ["50个", "≥* 50 个"],
  ["2次", "≥* 2 次"],
  ["30件", "≥* 30 件"],
  ["6场次", "≥* 6 场次"],
  ["10篇", "≥* 10 篇"],
  ["12期", "≥* 12 期"],
  ["3所", "≥* 3 所"],
  ["95分", "≥* 95 分"],
  ["1541㎡", "≥* 1541 ㎡"],
  ["1541平方米", "≥* 1541 平方米"],
  ["73000米", "≥* 73000 米"],
  ["114.625公斤", "≥* 114.625 公斤"],
  ["114.625千克", "≥* 114.625 千克"],
  ["3kg", "≥* 3 kg"],
  ["5km", "≥* 5 km"],
  ["10公里", "≥* 10 公里"],
  ["170吨", "≥* 170 吨"],
  ["5个百分点", "≥* 5 个百分点"],
  ["2倍", "≥* 2 倍"],
  ["12艘", "≥* 12 艘"],
  ["40家企业", "≥* 40 家 note=企业"],
  ["90%-95%", "[90, 95] %"],
  ["90%–95%", "[90, 95] %"],
  ["90%—95%", "[90, 95] %"],
  ["90%~95%", "[90, 95] %"],
  ["90%～95%", "[90, 95] %"],
  ["90-95%", "[90, 95] %"],
  ["1至2次", "[1, 2] 次"],
  ["1到2次", "[1, 2] 次"],
  ["5～10个工作日", "[5, 10] 个工作日"],
  ["2到3天内", "deadline ≤ 3 天"],
  ["10%到5%以内", "≤ 5 %"],
  ["60%≤X≤80%", "[60, 80] % var=X"],
  ["90%>M≥80%", "[80, 90) % var=M"],
  ["85%≤M", "≥ 85 % var=M"],
  ["Ｍ≥９０％", "≥ 90 % var=M"],
  ["x<5", "< 5 var=x"],
  ["两次", "≥* 2 次"],
  ["一千余份", "≥* 1000 份 ~more-than"],
  ["十二个", "≥* 12 个"],
  ["三点五天", "≤* 3.5 天"],
  ["百分之九十", "≥* 90 %"],
  ["百分之95", "≥* 95 %"],
  ["一百五十家", "≥* 150 家"],
  ["三千五百元/批次", "≤* 3500 元/批次"],
  ["一万二千人次", "≥* 12000 人次"],
  ["壹佰份", "≥* 100 份"],
  ["两百万元", "≥* 200 万元"],
  ["一百五", "≥* 150"],
  ["一至两次", "[1, 2] 次"],
  ["600余份", "≥* 600 份 ~more-than"],
  ["2000多份", "≥* 2000 份 ~more-than"],
  ["近10万元", "≥* 10 万元 ~nearly"],
  ["约500人", "≥* 500 人 ~about"],
  ["大约3天", "≤* 3 天 ~about"],
  ["10万元左右", "≥* 10 万元 ~about"],
  ["将近100家", "≥* 100 家 ~nearly"],
  ["接近90%", "≥* 90 % ~nearly"],
  ["500人上下", "≥* 500 人 ~about"],
  ["300余万元", "≥* 300 万元 ~more-than"],
  ["≥3000余次", "≥ 3000 次 ~more-than"],
  ["６００批次以上", "≥ 600 批次"],
  ["≥６００批次", "≥ 600 批次"],
  ["９３％以上", "≥ 93 %"],
  ["＞９０％", "> 90 %"],
  ["＜＝５天", "≤ 5 天"],
  ["1,000批次", "≥* 1000 批次"],
  ["≥1,234.5万元", "≥ 1234.5 万元"],
  ["12,345人次", "≥* 12345 人次"],
  ["年底前", "deadline ≤ *-12 year-end"],
  ["年末前", "deadline ≤ *-12 year-end"],
  ["年内", "deadline ≤ *-12 year"],
  ["年度内", "deadline ≤ *-12 year"],
  ["本年度内", "deadline ≤ *-12 year"],
  ["9月前", "deadline ≤ *-9 month"],
  ["9月底前", "deadline ≤ *-9 month"],
  ["九月前", "deadline ≤ *-9 month"],
  ["十二月底前", "deadline ≤ *-12 month"],
  ["12月31日前", "deadline ≤ *-12-31 day"],
  ["6月30日之前", "deadline ≤ *-6-30 day"],
  ["上半年", "deadline ≤ *-6 half-year"],
  ["下半年", "deadline ≤ *-12 half-year"],
  ["第三季度末前", "deadline ≤ *-9 quarter"],
  ["三季度末", "deadline ≤ *-9 quarter"],
  ["10月上旬", "deadline ≤ *-10-10 day"],
  ["11月中旬", "deadline ≤ *-11-20 day"],
  ["3天内", "deadline ≤ 3 天"],
  ["24小时内", "deadline ≤ 24 小时"],
  ["5个工作日以内", "deadline ≤ 5 个工作日"],
  ["1个月内", "deadline ≤ 1 个月"],
  ["2周内", "deadline ≤ 2 周"],
  ["当年完成", "deadline ≤ *-12 year"],
  ["2022年6月底前", "deadline ≤ 2022-6 month"],
  ["2021年12月31日前完成", "deadline ≤ 2021-12-31 day"],
  ["1-6月", "deadline ≤ *-6 month from *-1 month"],
  ["在3月底前完成", "deadline ≤ *-3 month"],
  ["2个工作日内完成", "deadline ≤ 2 个工作日"],
  ["逐步提高", "qualitative improve 逐步提高"],
  ["持续向好", "qualitative improve 持续向好"],
  ["不断提升", "qualitative improve 不断提升"],
  ["长期", "qualitative long-term 长期"],
  ["效果明显", "qualitative effective 效果明显"],
  ["有效", "qualitative effective 有效"],
  ["显著", "qualitative effective 显著"],
  ["达成预期指标", "qualitative achieved 达成预期指标"],
  ["优", "qualitative grade 优 band=优"],
  ["良", "qualitative grade 良 band=良"],
  ["中", "qualitative grade 中 band=中"],
  ["差", "qualitative grade 差 band=差"],
  ["优秀", "qualitative grade 优 band=优"],
  ["良好", "qualitative grade 良 band=良"],
  ["一般", "qualitative grade 中 band=中"],
  ["稳步提升", "qualitative improve 稳步提升"],
  ["明显改善", "qualitative improve 明显改善"],
  ["有效遏制", "qualitative reduce 有效遏制"],
  ["保持稳定", "qualitative stable 保持稳定"],
  ["成效显著", "qualitative effective 成效显著"],
  ["长期有效", "qualitative long-term 长期有效"],
  ["是", "qualitative achieved 是"],
  ["否", "qualitative not-achieved 否"],
  ["无", "qualitative none 无"],
  ["完成", "qualitative achieved 完成"],
  ["已完成", "qualitative achieved 完成"],
  ["按期完成", "qualitative achieved 按期完成"],
  ["部分完成", "qualitative partly 部分完成"],
  ["基本完成", "qualitative partly 基本完成"],
  ["未完成", "qualitative not-achieved 未完成"],
  ["全覆盖", "qualitative achieved 全覆盖"],
  ["符合国家标准要求", "qualitative achieved 符合国家标准要求"],
  ["不断降低", "qualitative reduce 不断降低"],
  ["社会效益明显", "qualitative effective 社会效益明显"],
  ["群众满意", "unparsed"],
  ["满意度≥90%", "≥ 90 % subj=满意度"],
  ["群众满意度≥90%", "≥ 90 % subj=群众满意度"],
  ["社会公众满意度达到90%以上", "≥ 90 % subj=社会公众满意度"],
  ["合格率达95%", "≥ 95 % subj=合格率"],
  ["覆盖率不低于98%", "≥ 98 % subj=覆盖率"],
  ["处置率100%", "≥* 100 % subj=处置率"],
  ["得分90分以上", "≥ 90 分 subj=得分"],
  ["-5%", "≥* -5 %"],
  ["≥-5%", "≥ -5 %"],
  ["0", "≥* 0"],
  ["0%", "≥* 0 %"],
  ["0.5", "≥* 0.5"],
  [".5%", "≥* 0.5 %"],
  ["7.", "≥* 7"],
  ["95.0%", "≥* 95 %"],
  ["90 %", "≥* 90 %"],
  ["≥ 90 %", "≥ 90 %"],
  ["≥90%。", "≥ 90 %"],
  ["\"≥90%\"", "≥ 90 %"],
  ["<b>≥</b>90%", "≥ 90 %"],
  ["&ge;90%", "≥ 90 %"],
  ["&#8805;90%", "≥ 90 %"],
  ["&gt;=90%", "≥ 90 %"],
  ["<p>600批次以上</p>", "≥ 600 批次"],
  ["[bookmark: _GoBack]5", "≥* 5"],
  ["123456789012345678901234567890批次", "≥* 123456789012345678901234567890 批次"],
  ["%", "unparsed"],
  ["100%%", "unparsed"],
  ["≥", "unparsed"],
  ["≥≥90%", "unparsed"],
  ["以上", "unparsed"],
  ["abc", "unparsed"],
  ["第一", "unparsed"],
  ["1.2.3", "unparsed"],
  ["1、2", "unparsed"],
  ["M", "unparsed"],
  ["M≥", "unparsed"],
  ["90%≤", "unparsed"],
  ["≥90%≤", "unparsed"],
  ["80%≤M<", "unparsed"],
  ["1-", "unparsed"],
  ["1~", "unparsed"],
  ["——", "unparsed"],
  ["N/A", "unparsed"],
  ["<script>alert(1)</script>", "unparsed"],
  ["80%≤M<90%≤", "unparsed"],
  ["90%≤M<80%", "unparsed"],
  ["5元一次", "unparsed"],
  ["10%-5天", "unparsed"],
];

describe('parseTarget: operators, words, units, ranges, numerals, approximations, deadlines, phrases', () => {
  it('covers at least 150 forms', () => {
    expect(FORMS.length).toBeGreaterThanOrEqual(150);
  });

  it.each(FORMS)('%j reads as %s', (text, expected) => {
    expect(summarizeTarget(parseTarget(text))).toBe(expected);
  });

  it('keeps the original text on every result', () => {
    for (const [text] of FORMS) expect(parseTarget(text).text).toBe(text);
  });
});

describe('parseTarget: Chinese legal reading of bounds (rules §6)', () => {
  const inclusive = ['以上', '以下', '以内'].map((w) => `90%${w}`);
  const inclusivePrefix = ['不低于', '不高于', '不少于', '不超过', '至少', '至多', '达到'].map((w) => `${w}90%`);
  const exclusivePrefix = ['超过', '低于', '不满', '不足', '大于', '小于', '高于'].map((w) => `${w}90%`);

  it.each([...inclusive, ...inclusivePrefix])('%s includes the number', (text) => {
    const p = parseTarget(text);
    expect(p.kind).toBe('threshold');
    if (p.kind === 'threshold') expect(['gte', 'lte']).toContain(p.op);
  });

  it.each(exclusivePrefix)('%s excludes the number', (text) => {
    const p = parseTarget(text);
    expect(p.kind).toBe('threshold');
    if (p.kind === 'threshold') expect(['gt', 'lt']).toContain(p.op);
  });
});

describe('parseTarget: details', () => {
  it('keeps the percent number and marks it (93% → 93, percent)', () => {
    const p = parseTarget('93%以上');
    expect(p).toMatchObject({ kind: 'threshold', op: 'gte', percent: true, unit: '%', implied: false });
    if (p.kind === 'threshold') expect(p.value.toString()).toBe('93');
  });

  it('multiplies 万 before a non-money unit and keeps it in a money unit', () => {
    expect(targetToJson(parseTarget('4.4万人次'))).toEqual({ kind: 'threshold', op: 'gte', value: '44000', unit: '人次' });
    expect(targetToJson(parseTarget('近10万元'))).toEqual({ kind: 'threshold', op: 'gte', value: '10', unit: '万元' });
    expect(parseTarget('近10万元')).toMatchObject({ approx: 'nearly', implied: true });
  });

  it('reads a band threshold with its variable and inclusivity', () => {
    expect(parseTarget('80%≤M<90%')).toMatchObject({
      kind: 'range',
      lowInclusive: true,
      highInclusive: false,
      percent: true,
      variable: 'M',
    });
    expect(parseTarget('60%<B≤70%')).toMatchObject({ kind: 'range', lowInclusive: false, highInclusive: true });
  });

  it('reads 7个工作日到1.5个工作日内 as "reduced to within 1.5 working days" (rule P9)', () => {
    const p = parseTarget('7个工作日到1.5个工作日内');
    expect(p.kind).toBe('deadline');
    if (p.kind === 'deadline') {
      expect(p.due).toMatchObject({ form: 'duration', unit: '个工作日' });
      if (p.due.form === 'duration') expect(p.due.value.toString()).toBe('1.5');
      expect(p.baseline?.value.toString()).toBe('7');
    }
  });

  it('reads 9月前 as "by the end of September" and 年底前 as the year end', () => {
    expect(parseTarget('9月前')).toMatchObject({ kind: 'deadline', due: { form: 'date', month: 9, period: 'month' } });
    expect(parseTarget('年底前')).toMatchObject({ kind: 'deadline', due: { form: 'date', month: 12, period: 'year-end' } });
    expect(parseTarget('12月31日前')).toMatchObject({ due: { month: 12, day: 31, period: 'day' } });
  });

  it('reads an implied direction from the unit: more for counts, less for costs and durations', () => {
    expect(parseTarget('600批次')).toMatchObject({ op: 'gte', implied: true });
    expect(parseTarget('700元/批次')).toMatchObject({ op: 'lte', implied: true });
    expect(parseTarget('3天')).toMatchObject({ op: 'lte', implied: true });
    expect(parseTarget('使用年限3年')).toMatchObject({ op: 'gte', implied: true });
  });

  it('explains what it could not read, in Chinese', () => {
    const cases: readonly (readonly [string, string])[] = [
      ['', '为空'],
      ['   ', '为空'],
      ['批次', '只有单位'],
      ['%%', '只有符号'],
      ['100%%', '百分号重复'],
      ['≤90%以上', '矛盾'],
      ['逐年下降5%', '相对变化'],
      ['提高1—2个百分点', '相对变化'],
      ['800批次*1500元/批次', '无法识别的文字'],
      ['/', '不适用'],
      ['x'.repeat(200), '过长'],
      ['1'.repeat(50), '数字过长'],
      ['10%-5天', '单位不同'],
      ['90%≤M<80%', '下限大于上限'],
    ];
    for (const [text, fragment] of cases) {
      const p = parseTarget(text);
      expect(p.kind, text).toBe('unparsed');
      if (p.kind === 'unparsed') expect(p.reason, text).toContain(fragment);
    }
  });

  it('reads huge numbers exactly', () => {
    const p = parseTarget('123456789012345678901234567890批次');
    if (p.kind !== 'threshold') throw new Error(p.kind);
    expect(p.value.toString()).toBe('123456789012345678901234567890');
  });
});

describe('parseTarget: the reading rules of README.md, one example each', () => {
  const RULES: readonly (readonly [string, string, string])[] = [
    ['P1 normalisation', '９３％以上', '≥ 93 %'],
    ['P1 HTML', '<p>≥90%</p>', '≥ 90 %'],
    ['P1 thousands separators', '54,633.10万元', '≥* 54633.1 万元'],
    ['P2 full-width symbol', '≧6000条次', '≥ 6000 条次'],
    ['P2 exact symbol', '═1次', '= 1 次'],
    ['P3 inclusive word after', '600批次以上', '≥ 600 批次'],
    ['P3 inclusive word before', '不超过700元/批次', '≤ 700 元/批次'],
    ['P4 exclusive word', '超过600批次', '> 600 批次'],
    ['P4 exclusive word 不满', '不满18人', '< 18 人'],
    ['P5 redundant', 'M≥90%以上', '≥ 90 % var=M'],
    ['P5 stricter wins', '超过600以上', '> 600'],
    ['P6 implied count', '600批次', '≥* 600 批次'],
    ['P6 implied cost', '700元/批次', '≤* 700 元/批次'],
    ['P6 implied duration', '3天', '≤* 3 天'],
    ['P6 lifetime', '使用年限3年', '≥* 3 年 subj=使用年限'],
    ['P7 variable flipped', '90%≤M', '≥ 90 % var=M'],
    ['P7 band range', '80%≤M<90%为良', '[80, 90) % var=M band=良'],
    ['P8 range', '90-95%', '[90, 95] %'],
    ['P8 range 至', '1至2次', '[1, 2] 次'],
    ['P9 reversed duration', '7个工作日到1.5个工作日内', 'deadline ≤ 1.5 个工作日 from 7 个工作日'],
    ['P9 forward duration', '2到3天内', 'deadline ≤ 3 天'],
    ['P9 reversed non-time', '10%到5%以内', '≤ 5 %'],
    ['P10 duration deadline', '2个工作日以内', 'deadline ≤ 2 个工作日'],
    ['P10 explicit symbol', '≤2个工作日', '≤ 2 个工作日'],
    ['P10 non-time 以内', '5%以内', '≤ 5 %'],
    ['P11 month', '9月前', 'deadline ≤ *-9 month'],
    ['P11 year end', '年底前', 'deadline ≤ *-12 year-end'],
    ['P11 period', '项目实施期2021年1-12月', 'deadline ≤ 2021-12 month from 2021-1 month subj=项目实施期'],
    ['P12 multiplier', '4.4万人次', '≥* 44000 人次'],
    ['P12 money unit', '近10万元', '≥* 10 万元 ~nearly'],
    ['P12 unit with 千', '114.625千克', '≥* 114.625 千克'],
    ['P13 more than', '600余份', '≥* 600 份 ~more-than'],
    ['P13 about', '10万元左右', '≥* 10 万元 ~about'],
    ['P14 Chinese numerals', '一千余份', '≥* 1000 份 ~more-than'],
    ['P14 ordinal', '第一', 'unparsed'],
    ['P15 percent in words', '百分之九十五', '≥* 95 %'],
    ['P15 double percent', '100%%', 'unparsed'],
    ['P16 unknown unit kept', '12艘', '≥* 12 艘'],
    ['P16 note', '40家企业', '≥* 40 家 note=企业'],
    ['P17 subject', '服务对象满意度95%以上', '≥ 95 % subj=服务对象满意度'],
    ['P17 prose', '40%及以上抽查项目结果未对社会公布', 'unparsed'],
    ['P18 relative change', '逐年下降5%', 'unparsed'],
    ['P18 change to', '提高到95%', '≥ 95 %'],
    ['P19 phrase', '持续向好', 'qualitative improve 持续向好'],
    ['P19 keyword rule', '知识产权机制持续时间长期有效', 'qualitative long-term 知识产权机制持续时间长期有效'],
    ['P20 not applicable', '/', 'unparsed'],
    ['P20 empty', '', 'unparsed'],
  ];

  it.each(RULES)('%s: %j → %s', (_rule, text, expected) => {
    expect(summarizeTarget(parseTarget(text))).toBe(expected);
  });
});
