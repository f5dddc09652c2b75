/** The helpers `npm run eval` measures the scorer with: reading a set, counting, printing. */
import { describe, expect, it } from 'vitest';
import {
  formatMetrics,
  negativeClassMetrics,
  parseLabelled,
} from '../../../scripts/lib/sentiment-evaluation';

describe('evaluation helpers', () => {
  it('reads text<TAB>label files after their header, label 1 meaning negative', () => {
    const rows = parseLabelled('text\tlabel\nGreat\t0\r\nAwful\tservice\t1\n\n');
    expect(rows).toEqual([
      { text: 'Great', negative: false },
      { text: 'Awful\tservice', negative: true },
    ]);
  });

  it('counts accuracy and the negative class precision, recall and F1', () => {
    const m = negativeClassMetrics([
      { negative: true, predicted: true },
      { negative: true, predicted: false },
      { negative: false, predicted: true },
      { negative: false, predicted: false },
      { negative: false, predicted: false },
    ]);
    expect(m.accuracy).toBeCloseTo(0.6);
    expect(m.precision).toBeCloseTo(0.5);
    expect(m.recall).toBeCloseTo(0.5);
    expect(m.f1).toBeCloseTo(0.5);
    expect(negativeClassMetrics([])).toEqual({ accuracy: 0, precision: 0, recall: 0, f1: 0 });
  });

  it('prints one line per file and scorer', () => {
    expect(
      formatMetrics('a.tsv', 'vigie', { accuracy: 0.5, precision: 1, recall: 0.25, f1: 0.4 }),
    ).toBe('eval a.tsv vigie accuracy=0.500 precision=1.000 recall=0.250 f1=0.400');
  });
});
