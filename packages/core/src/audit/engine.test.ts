import { describe, expect, it } from 'vitest';
import { AUDIT_FAMILIES, auditCatalogue, auditDocument, findingToJson, SEVERITIES, severityAtLeast } from './index.js';
import { CHECKS } from './messages.js';
import { node, seed, variant } from './testing.test.js';

describe('auditDocument', () => {
  it('counts findings by severity and names the rule set used', () => {
    const result = auditDocument(seed('000'));
    expect(result.ruleSet).toBe('national-project@1.0.0');
    const counts = { error: 0, warning: 0, info: 0 };
    for (const f of result.findings) counts[f.severity]++;
    expect(result.counts).toEqual(counts);
  });

  it('takes a rule set by id or as data', () => {
    const doc = seed('003');
    expect(auditDocument(doc, { ruleSet: 'national-project' }).ruleSet).toBe('national-project@1.0.0');
    expect(() => auditDocument(doc, { ruleSet: 'no-such-rules' })).toThrow(RangeError);
  });

  it('sorts findings in document order of their path, then by code', () => {
    const doc = variant((d) => {
      d.meta!.printedTotal = '98';
      d.funding!.execution!.printedRate = '100%';
      node(d, 'q1').printedScore = '31';
      node(d, 'sat').declaredWeight = '20';
    });
    const paths = auditDocument(doc).findings.map((f) => `${f.code} ${f.path}`);
    expect(paths).toEqual([
      'ARITH-EXEC-RATE $.funding.execution.printedRate',
      'SCORE-ITEM-DIFFERS $.indicators[0].children[0].children[0].printedScore',
      'WEIGHT-SCORE-ABOVE $.indicators[0].children[0].children[0].printedScore',
      'WEIGHT-SECTION-DECLARED $.indicators[2].declaredWeight',
      'ARITH-TOTAL-SUM $.meta.printedTotal',
      'SCORE-TOTAL $.meta.printedTotal',
    ]);
  });

  it('puts children after their parent and index 10 after index 2', () => {
    const doc = variant((d) => {
      const qty = node(d, 'out.qty');
      for (let i = 0; i < 11; i++) qty.children!.push({ id: `x${i}`, name: `指标${i}`, target: '逐步提高', actual: '逐步提高' });
    });
    const vague = auditDocument(doc).findings.filter((f) => f.code === 'SMART-VAGUE-TARGET').map((f) => f.path);
    expect(vague[1]).toBe('$.indicators[0].children[0].children[2].target');
    expect(vague[9]).toBe('$.indicators[0].children[0].children[10].target');
  });

  it('every finding has a message in Chinese and in English, a location and a suggestion', () => {
    for (const id of ['000', '001', '002', '003', '004']) {
      for (const f of auditDocument(seed(id)).findings) {
        expect(f.message).toMatch(/[\u4e00-\u9fff]/);
        expect(f.messageEn.length).toBeGreaterThan(0);
        expect(f.suggestion).toMatch(/[\u4e00-\u9fff]/);
        expect(f.location.length).toBeGreaterThan(0);
        expect(f.path.startsWith('$')).toBe(true);
        for (const value of Object.values(f.figures)) expect(typeof value).toBe('string');
      }
    }
  });
});

describe('findingToJson', () => {
  it('keeps the public fields only', () => {
    const f = auditDocument(seed('000')).findings[0]!;
    expect(Object.keys(findingToJson(f))).toEqual(['code', 'severity', 'message', 'path', 'location', 'figures', 'suggestion']);
    expect(JSON.parse(JSON.stringify(findingToJson(f)))).toEqual(findingToJson(f));
  });
});

describe('auditCatalogue', () => {
  const catalogue = auditCatalogue();

  it('lists every code of the messages table once, grouped by family in catalogue order', () => {
    expect(catalogue.map((c) => c.code).sort()).toEqual(Object.keys(CHECKS).sort());
    expect(new Set(catalogue.map((c) => c.code)).size).toBe(catalogue.length);
    const order = AUDIT_FAMILIES.map((f) => f.family);
    const seen = catalogue.map((c) => order.indexOf(c.family));
    expect(seen).toEqual([...seen].sort((a, b) => a - b));
    expect(seen.every((i) => i >= 0)).toBe(true);
  });

  it('codes are stable identifiers with a family prefix', () => {
    const prefix = { arithmetic: 'ARITH-', weights: 'WEIGHT-', scoring: 'SCORE-', quality: 'SMART-', prose: 'PROSE-', history: 'HIST-', goals: 'GOAL-' } as const;
    for (const c of catalogue) {
      expect(c.code).toMatch(/^[A-Z]+(-[A-Z0-9]+)+$/);
      expect(c.code.startsWith(prefix[c.family])).toBe(true);
      expect(c.title).toMatch(/[\u4e00-\u9fff]/);
      expect(c.checks).toMatch(/[\u4e00-\u9fff]/);
      expect(c.titleEn.length).toBeGreaterThan(0);
    }
  });

  it('every message renders without figures (no check crashes on missing data)', () => {
    for (const def of Object.values(CHECKS)) {
      expect(def.message({})).toMatch(/[\u4e00-\u9fff]/);
      expect(def.messageEn({}).length).toBeGreaterThan(0);
      expect(def.suggestion({})).toMatch(/[\u4e00-\u9fff]/);
    }
  });
});

describe('severities', () => {
  it('orders error before warning before info', () => {
    expect(SEVERITIES).toEqual(['error', 'warning', 'info']);
    expect(severityAtLeast('error', 'warning')).toBe(true);
    expect(severityAtLeast('info', 'warning')).toBe(false);
    expect(severityAtLeast('warning', 'warning')).toBe(true);
  });
});
