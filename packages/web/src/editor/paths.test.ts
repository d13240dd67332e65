import { describe, expect, it } from 'vitest';
import { fieldDomId, locate, parseJsonPath } from './paths.js';

describe('parseJsonPath', () => {
  it('reads keys, indexes and quoted keys', () => {
    expect(parseJsonPath('$.indicators[0].children[12].actual')).toEqual(['indicators', 0, 'children', 12, 'actual']);
    expect(parseJsonPath('$["a b"].c')).toEqual(['a b', 'c']);
    expect(parseJsonPath('$')).toEqual([]);
  });
});

describe('locate', () => {
  it('points indicator fields at grid columns', () => {
    expect(locate('$.indicators[0].children[1].children[2].actual')).toEqual({ area: 'indicator', idx: [0, 1, 2], column: 'actual' });
    expect(locate('$.indicators[1].declaredWeight')).toEqual({ area: 'indicator', idx: [1], column: 'weight' });
    expect(locate('$.indicators[1].children[0]')).toEqual({ area: 'indicator', idx: [1, 0], column: 'name' });
    expect(locate('$.indicators[0].printedScore').area).toBe('indicator');
    expect(locate('$.indicators')).toEqual({ area: 'other', section: 'indicators' });
    expect(locate('$.projects[1].indicators[0].children[2].target')).toEqual({ area: 'indicator', idx: [0, 2], column: 'target', project: 1 });
    expect(locate('$.projects[1].name')).toEqual({ area: 'other', section: 'projects' });
  });

  it('points money, goals and header at their fields', () => {
    const f = locate('$.funding.tables[0].rows[2].amounts.executed');
    expect(f).toEqual({ area: 'funding', table: 0, row: 2, column: 'executed' });
    expect(fieldDomId(f)).toBe('funding-0-2-executed');
    expect(locate('$.funding.execution.printedRate')).toEqual({ area: 'execution', field: 'printedRate' });
    expect(fieldDomId(locate('$.goals[0].actual'))).toBe('goal-0-actual');
    expect(fieldDomId(locate('$.header.title'))).toBe('header-title');
    expect(locate('$.meta.printedTotal')).toEqual({ area: 'other', section: 'meta' });
  });

  it('points the report prose and the problems and measures at their text areas', () => {
    expect(locate('$.prose[3].text')).toEqual({ area: 'prose', index: 3, field: 'text' });
    expect(fieldDomId(locate('$.prose[3].text'))).toBe('prose-3-text');
    expect(fieldDomId(locate('$.prose[0].heading'))).toBe('prose-0-heading');
    expect(fieldDomId(locate('$.meta.problems[1]'))).toBe('meta-problems-1');
    expect(fieldDomId(locate('$.meta.measures[0]'))).toBe('meta-measures-0');
  });
});
