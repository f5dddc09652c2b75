/** The closing report written out as Markdown (CommonMark with GitHub tables). */
import type { ReportBlock, ReportDoc } from './report-doc';

/** Text that Markdown shows as typed: its markup characters escaped, on one line in a cell. */
export function markdownText(text: string, inCell = false): string {
  const escaped = text
    .replace(/[\\`*_[\]<>|~&]/g, '\\$&')
    .replace(/^(\s*)([#>+-])/gm, '$1\\$2')
    // Only punctuation can be escaped: "1\." is a plain "1.", while "\1." shows its backslash.
    .replace(/^(\s*\d+)([.)])/gm, '$1\\$2');
  return inCell ? escaped.replace(/\s*\r?\n\s*/g, ' ') : escaped;
}

function markdownTable(head: readonly string[], rows: readonly (readonly string[])[]): string {
  const line = (cells: readonly string[]) =>
    `| ${cells.map((c) => markdownText(c, true) || ' ').join(' | ')} |`;
  return [line(head), `|${head.map(() => ' --- |').join('')}`, ...rows.map(line)].join('\n');
}

function markdownBlock(block: ReportBlock): string {
  switch (block.kind) {
    case 'text':
      return markdownText(block.text);
    case 'subheading':
      return `### ${markdownText(block.text, true)}`;
    case 'fields':
      return block.rows
        .map(([label, value]) => `- **${markdownText(label, true)}**: ${markdownText(value, true)}`)
        .join('\n');
    case 'list':
      return block.items
        .map((item, i) => `${block.ordered ? `${i + 1}.` : '-'} ${markdownText(item, true)}`)
        .join('\n');
    case 'table':
      return markdownTable(block.head, block.rows);
    case 'ranking':
      return markdownTable(
        block.head,
        block.rows.map((r) => r.cells),
      );
  }
}

/** The report as Markdown (CommonMark with GitHub tables). */
export function reportMarkdown(doc: ReportDoc): string {
  const parts = [`# ${markdownText(doc.title, true)}`, `_${markdownText(doc.subtitle, true)}_`];
  for (const section of doc.sections) {
    parts.push(`## ${markdownText(section.title, true)}`, ...section.blocks.map(markdownBlock));
  }
  return `${parts.join('\n\n')}\n`;
}
