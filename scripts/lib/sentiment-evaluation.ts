/**
 * Measuring a negativity scorer on labelled sentences (`npm run eval`): reading the sets and
 * counting. A script's helper, outside src/: the extension never ships it.
 */

export interface Labelled {
  text: string;
  /** Label 1 in the file. */
  negative: boolean;
}

/**
 * Rows of a `text<TAB>label` file with a header line, label 1 meaning negative (the format of
 * ../shared/fixtures/sentiment/). The label is after the last tab; blank lines are skipped.
 */
export function parseLabelled(tsv: string): Labelled[] {
  return tsv
    .split(/\r?\n/)
    .slice(1)
    .filter((line) => line.includes('\t'))
    .map((line) => {
      const tab = line.lastIndexOf('\t');
      return { text: line.slice(0, tab), negative: line.slice(tab + 1).trim() === '1' };
    });
}

export interface Metrics {
  accuracy: number;
  /** Precision, recall and F1 of the negative class. */
  precision: number;
  recall: number;
  f1: number;
}

/** Accuracy, and precision, recall and F1 of the negative class; 0 where undefined. */
export function negativeClassMetrics(
  rows: readonly { negative: boolean; predicted: boolean }[],
): Metrics {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let right = 0;
  for (const { negative, predicted } of rows) {
    if (negative === predicted) right += 1;
    if (predicted && negative) tp += 1;
    if (predicted && !negative) fp += 1;
    if (!predicted && negative) fn += 1;
  }
  const precision = tp + fp ? tp / (tp + fp) : 0;
  const recall = tp + fn ? tp / (tp + fn) : 0;
  const f1 = precision + recall ? (2 * precision * recall) / (precision + recall) : 0;
  return { accuracy: rows.length ? right / rows.length : 0, precision, recall, f1 };
}

/** One line of `npm run eval`'s report. */
export function formatMetrics(file: string, scorer: string, m: Metrics): string {
  const f = (x: number) => x.toFixed(3);
  return `eval ${file} ${scorer} accuracy=${f(m.accuracy)} precision=${f(m.precision)} recall=${f(m.recall)} f1=${f(m.f1)}`;
}
