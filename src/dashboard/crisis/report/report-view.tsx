/**
 * The closing report on screen, on paper (the page's print stylesheet) and as files: Markdown to
 * copy or download, and a self-contained HTML page that prints the same way.
 */
import { render, type ComponentChildren } from 'preact';
import { useEffect, useMemo, useState } from 'preact/hooks';
import { t, uiLanguage } from '../../../core/i18n';
import type { Crisis, CrisisEvent, Mention, Settings } from '../../../core/model/types';
import { ask } from '../../../ui/background';
import { LiveRegion } from '../../../ui/components';
import { downloadText, fileSlug } from '../../../ui/download';
import { useRepeats } from '../use-repeats';
import { buildReport } from './report';
import type { ReportBlock, ReportDoc } from './report-doc';
import { reportMarkdown } from './report-markdown';
import reportCss from './report.css?inline';
import './report.css';

/** How many of the crisis's mentions the report lists (the rest are counted). */
const REPORT_MENTIONS = 500;

function Heading(props: { level: number; children: ComponentChildren; class?: string }) {
  const Tag = `h${Math.min(props.level, 6)}` as 'h2';
  return <Tag class={props.class}>{props.children}</Tag>;
}

/** A table's row of column headings. */
function TableHead(props: { cells: readonly string[] }) {
  return (
    <thead>
      <tr>
        {props.cells.map((cell, i) => (
          <th key={i} scope="col">
            {cell}
          </th>
        ))}
      </tr>
    </thead>
  );
}

function Table(props: {
  head: readonly string[];
  rows: readonly (readonly string[])[];
  dated?: boolean | undefined;
}) {
  return (
    <table class={props.dated ? 'dated' : undefined}>
      <TableHead cells={props.head} />
      <tbody>
        {props.rows.map((row, i) => (
          <tr key={i}>
            {row.map((cell, j) => (
              <td key={j}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function Block({ block, level }: { block: ReportBlock; level: number }) {
  switch (block.kind) {
    case 'text':
      return <p class="report-text">{block.text}</p>;
    case 'subheading':
      return (
        <Heading level={level} class="report-sub">
          {block.text}
        </Heading>
      );
    case 'fields':
      return (
        <dl class="fields">
          {block.rows.map(([label, value]) => (
            <div key={label}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      );
    case 'list': {
      const items = block.items.map((item, i) => <li key={i}>{item}</li>);
      return block.ordered ? <ol>{items}</ol> : <ul>{items}</ul>;
    }
    case 'table':
      return <Table head={block.head} rows={block.rows} dated={block.dated} />;
    case 'ranking':
      return (
        <table class="ranking-table">
          <TableHead cells={block.head} />
          <tbody>
            {block.rows.map((row, i) => (
              <tr key={i}>
                {row.cells.map((cell, j) => (
                  <td key={j}>
                    {j === 2 ? (
                      <span class="degree">
                        <svg viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true">
                          <rect width="100" height="10" rx="2" class="track" />
                          <rect
                            width={row.degree * 20}
                            height="10"
                            rx="2"
                            class={`degree-${row.degree}`}
                          />
                        </svg>
                        {cell}
                      </span>
                    ) : (
                      cell
                    )}
                  </td>
                ))}
              </tr>
            ))}
          </tbody>
        </table>
      );
  }
}

/** The report document. `level` is the heading level of its title (1 in a file of its own). */
export function ReportDocument({ doc, level }: { doc: ReportDoc; level: number }) {
  return (
    <article class="report" data-testid="report">
      <header>
        <Heading level={level} class="report-title">
          {doc.title}
        </Heading>
        <p class="muted small">{doc.subtitle}</p>
      </header>
      {doc.sections.map((section) => (
        <section key={section.id} data-section={section.id}>
          <Heading level={level + 1} class="report-section">
            {section.title}
          </Heading>
          {section.blocks.map((block, i) => (
            <Block key={i} block={block} level={level + 2} />
          ))}
        </section>
      ))}
    </article>
  );
}

/**
 * The report as a page of its own: the document and its stylesheet, nothing to load. It is
 * drawn in a document apart and serialized by the browser, which writes the crisis's text as
 * text.
 */
export function reportHtml(doc: ReportDoc): string {
  const page = document.implementation.createHTMLDocument();
  page.documentElement.lang = uiLanguage();
  const charset = page.createElement('meta');
  charset.setAttribute('charset', 'utf-8');
  const viewport = Object.assign(page.createElement('meta'), {
    name: 'viewport',
    content: 'width=device-width, initial-scale=1',
  });
  const title = page.createElement('title');
  title.textContent = doc.title;
  const style = page.createElement('style');
  style.textContent = reportCss;
  page.head.append(charset, viewport, title, style);
  page.body.className = 'report-file';
  render(<ReportDocument doc={doc} level={1} />, page.body);
  // Read, never written: the serializer escapes the text it was given as text.
  // eslint-disable-next-line no-restricted-properties -- reading the drawn page as a file
  return `<!doctype html>\n${page.documentElement.outerHTML}\n`;
}

export function ReportPanel(props: { crisis: Crisis; events: CrisisEvent[]; settings: Settings }) {
  const { crisis, events, settings } = props;
  const [mentions, setMentions] = useState<{ items: Mention[]; total: number } | null>(null);
  useEffect(() => {
    void ask('listMentions', {
      scope: { in: 'crisis', crisisId: crisis.id },
      limit: REPORT_MENTIONS,
      after: null,
    }).then((reply) =>
      // A crisis's whole list, unfiltered: its total is always counted.
      setMentions(
        reply.ok
          ? { items: reply.value.items, total: reply.value.total ?? reply.value.items.length }
          : { items: [], total: 0 },
      ),
    );
  }, [crisis.id]);
  const repeats = useRepeats(crisis.id);
  const [status, setStatus] = useState('');

  const doc = useMemo(
    () =>
      mentions &&
      buildReport({
        crisis,
        events,
        mentions: mentions.items,
        mentionTotal: mentions.total,
        repeats,
        settings,
        now: Date.now(),
      }),
    [crisis, events, mentions, repeats, settings],
  );
  if (!doc) return <p class="muted small">{t('loading')}</p>;

  const name = `vigie-${fileSlug(crisis.title)}-${(crisis.closedAt ?? crisis.openedAt).slice(0, 10)}`;
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(reportMarkdown(doc));
      setStatus(t('reportCopied'));
    } catch {
      setStatus(t('reportCopyFailed'));
    }
  };
  return (
    <section class="report-panel" aria-labelledby="report-heading">
      <h2 class="section no-print" id="report-heading">
        {t('reportHeading')}
      </h2>
      <div class="buttons no-print">
        <button type="button" class="button primary" onClick={() => print()}>
          {t('reportPrint')}
        </button>
        <button type="button" class="button" onClick={() => void copy()}>
          {t('reportCopyMarkdown')}
        </button>
        <button
          type="button"
          class="button"
          onClick={() =>
            downloadText(`${name}.md`, 'text/markdown;charset=utf-8', reportMarkdown(doc))
          }
        >
          {t('reportDownloadMarkdown')}
        </button>
        <button
          type="button"
          class="button"
          onClick={() => downloadText(`${name}.html`, 'text/html;charset=utf-8', reportHtml(doc))}
        >
          {t('reportDownloadHtml')}
        </button>
      </div>
      <LiveRegion class="status small no-print">{status}</LiveRegion>
      <ReportDocument doc={doc} level={3} />
    </section>
  );
}
