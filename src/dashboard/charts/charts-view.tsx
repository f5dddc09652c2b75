/**
 * Charts of the log: flags per day stacked by tone, crises opened per month by level, and the
 * metrics across crises by level. Plain SVG drawn here (a few rectangles each): no chart
 * library is worth its weight for three bar charts, and SVG prints and scales cleanly. Each
 * chart has its figures as a table for screen readers and for reading exact values.
 */
import { useEffect, useState } from 'preact/hooks';
import { t, tn } from '../../core/i18n';
import type { AppErrorData, ChartsData } from '../../core/messaging/protocol';
import type { LevelMetrics } from '../../core/model/stats';
import { LEVELS, type Level, type Tone } from '../../core/model/types';
import { ask } from '../../ui/background';
import { ErrorMessage } from '../../ui/components';
import { formatDuration } from '../../ui/countdown';
import { levelText, toneName } from '../../ui/format';
import { uiLanguage } from '../../core/i18n';
import './charts.css';

const RANGES = [7, 30, 90, 365] as const;
const TONES: readonly Tone[] = ['negative', 'neutral', 'positive'];

interface Series<K extends string | number> {
  label: string;
  counts: Record<K, number>;
}

/** Vertical bars, each a stack of `keys` (bottom first), with the y scale's top and a few x labels. */
function StackedBars<K extends string | number>(props: {
  label: string;
  series: readonly Series<K>[];
  keys: readonly K[];
  keyClass: (key: K) => string;
}) {
  const { series, keys } = props;
  const total = (s: Series<K>) => keys.reduce((sum, k) => sum + s.counts[k], 0);
  const max = Math.max(1, ...series.map(total));
  const width = 600;
  const height = 160;
  const gap = series.length > 60 ? 0.5 : 2;
  // A few bars stay bars, not walls.
  const barWidth = Math.min(36, Math.max(1, width / Math.max(series.length, 1) - gap));
  const labelEvery = Math.max(1, Math.ceil(series.length / 6));
  return (
    <svg
      class="chart"
      viewBox={`0 0 ${width + 40} ${height + 24}`}
      role="img"
      aria-label={props.label}
      preserveAspectRatio="xMinYMin meet"
    >
      <line x1="36" y1={height} x2={width + 40} y2={height} class="axis" />
      <text x="32" y="10" class="tick" text-anchor="end">
        {max}
      </text>
      <text x="32" y={height} class="tick" text-anchor="end">
        0
      </text>
      {series.map((s, i) => {
        let y = height;
        const x = 40 + i * (barWidth + gap);
        return (
          <g key={s.label}>
            <title>
              {s.label}: {keys.map((k) => s.counts[k]).join(' / ')}
            </title>
            {keys.map((k) => {
              const h = (s.counts[k] / max) * (height - 4);
              y -= h;
              return h > 0 ? (
                <rect
                  key={String(k)}
                  x={x}
                  y={y}
                  width={barWidth}
                  height={h}
                  class={props.keyClass(k)}
                />
              ) : null;
            })}
            {i % labelEvery === 0 && (
              <text x={x} y={height + 16} class="tick">
                {s.label}
              </text>
            )}
          </g>
        );
      })}
    </svg>
  );
}

function Legend<K extends string | number>(props: {
  keys: readonly K[];
  keyClass: (key: K) => string;
  name: (key: K) => string;
}) {
  return (
    <ul class="legend">
      {props.keys.map((k) => (
        <li key={String(k)}>
          <svg width="12" height="12" aria-hidden="true">
            <rect width="12" height="12" rx="2" class={props.keyClass(k)} />
          </svg>
          {props.name(k)}
        </li>
      ))}
    </ul>
  );
}

/** The figures of a chart as a table, folded away until asked for. */
function FiguresTable<K extends string | number>(props: {
  series: readonly Series<K>[];
  keys: readonly K[];
  first: string;
  name: (key: K) => string;
}) {
  return (
    <details class="figures">
      <summary>{t('chartsShowFigures')}</summary>
      <table>
        <thead>
          <tr>
            <th scope="col">{props.first}</th>
            {props.keys.map((k) => (
              <th key={String(k)} scope="col">
                {props.name(k)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {props.series.map((s) => (
            <tr key={s.label}>
              <th scope="row">{s.label}</th>
              {props.keys.map((k) => (
                <td key={String(k)}>{s.counts[k]}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

const dayLabel = (day: string) =>
  new Intl.DateTimeFormat(uiLanguage(), { day: 'numeric', month: 'short', timeZone: 'UTC' }).format(
    new Date(`${day}T00:00:00Z`),
  );
const monthLabel = (month: string) =>
  new Intl.DateTimeFormat(uiLanguage(), {
    month: 'short',
    year: '2-digit',
    timeZone: 'UTC',
  }).format(new Date(`${month}-01T00:00:00Z`));
const duration = (ms: number | null) => (ms === null ? '—' : formatDuration(ms));

function MetricsTable({ rows }: { rows: readonly LevelMetrics[] }) {
  return (
    <table class="metrics" data-testid="charts-metrics">
      <thead>
        <tr>
          <th scope="col">{t('levelLabel')}</th>
          <th scope="col">{t('chartsCrises')}</th>
          <th scope="col">{t('chartsMedianReact')}</th>
          <th scope="col">{t('chartsMedianInform')}</th>
          <th scope="col">{t('chartsMedianResolve')}</th>
          <th scope="col">{t('chartsTargetsMet')}</th>
          <th scope="col">{t('chartsNotReacted')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => {
          const share = row.targetsKnown ? row.targetsMet / row.targetsKnown : null;
          return (
            <tr key={row.level} class={row.level === 'all' ? 'total' : undefined}>
              <th scope="row">
                {row.level === 'all' ? t('chartsAllLevels') : levelText(row.level)}
              </th>
              <td>{row.crises}</td>
              <td>{duration(row.medianReactMs)}</td>
              <td>{duration(row.medianInformMs)}</td>
              <td>{duration(row.medianResolveMs)}</td>
              <td>
                {share === null ? (
                  '—'
                ) : (
                  <span class="share">
                    <svg viewBox="0 0 100 8" preserveAspectRatio="none" aria-hidden="true">
                      <rect width="100" height="8" rx="2" class="track" />
                      <rect width={share * 100} height="8" rx="2" class="met" />
                    </svg>
                    {t('chartsShare', [
                      String(Math.round(share * 100)),
                      String(row.targetsMet),
                      String(row.targetsKnown),
                    ])}
                  </span>
                )}
              </td>
              <td>{row.notReacted}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

type Range = (typeof RANGES)[number];

const toneClass = (tone: Tone) => `tone-fill-${tone}`;
const levelClass = (level: Level) => `level-fill-${level}`;

/** The flags of the last `days`, per day and tone, with the choice of the range. */
function FlagsSection(props: { data: ChartsData | null; days: Range; onDays: (d: Range) => void }) {
  const { data, days } = props;
  const perDay = (data?.perDay ?? []).map((d) => ({ label: dayLabel(d.day), counts: d.counts }));
  const flagged = perDay.reduce(
    (sum, d) => sum + d.counts.negative + d.counts.neutral + d.counts.positive,
    0,
  );
  return (
    <section aria-labelledby="charts-flags">
      <div class="chart-head">
        <h2 class="section" id="charts-flags">
          {t('chartsFlagsPerDay')}
        </h2>
        <label>
          {t('chartsRange')}{' '}
          <select
            value={String(days)}
            onChange={(e) => props.onDays(Number(e.currentTarget.value) as Range)}
          >
            {RANGES.map((n) => (
              <option key={n} value={n}>
                {t('chartsLastDays', String(n))}
              </option>
            ))}
          </select>
        </label>
      </div>
      {data && (
        <>
          <p class="muted small" data-testid="charts-flag-total">
            {tn('chartsFlagTotal', flagged, [String(flagged), String(days)])}
          </p>
          <StackedBars
            label={tn('chartsFlagsPerDayAlt', flagged, [String(flagged), String(days)])}
            series={perDay}
            keys={TONES}
            keyClass={toneClass}
          />
          <Legend keys={TONES} keyClass={toneClass} name={toneName} />
          <FiguresTable series={perDay} keys={TONES} first={t('chartsDay')} name={toneName} />
        </>
      )}
    </section>
  );
}

/** The crises opened per month, by level. */
function CrisesSection({ data }: { data: ChartsData | null }) {
  const perMonth = (data?.perMonth ?? []).map((m) => ({
    label: monthLabel(m.month),
    counts: m.counts,
  }));
  return (
    <section aria-labelledby="charts-crises">
      <h2 class="section" id="charts-crises">
        {t('chartsCrisesPerMonth')}
      </h2>
      {data && perMonth.length === 0 && <p class="muted small">{t('chartsNoCrisis')}</p>}
      {data && perMonth.length > 0 && (
        <>
          <StackedBars
            label={tn('chartsCrisesPerMonthAlt', perMonth.length, String(perMonth.length))}
            series={perMonth}
            keys={LEVELS}
            keyClass={levelClass}
          />
          <Legend keys={LEVELS} keyClass={levelClass} name={levelText} />
          <FiguresTable series={perMonth} keys={LEVELS} first={t('chartsMonth')} name={levelText} />
        </>
      )}
    </section>
  );
}

export function ChartsView() {
  const [days, setDays] = useState<Range>(30);
  const [data, setData] = useState<ChartsData | null>(null);
  const [error, setError] = useState<AppErrorData | null>(null);

  useEffect(() => {
    let current = true;
    void ask('getCharts', { days }).then((reply) => {
      if (!current) return;
      if (reply.ok) {
        setData(reply.value);
        setError(null);
      } else setError(reply.error);
      document.body.dataset.ready = 'true';
    });
    return () => {
      current = false;
    };
  }, [days]);

  return (
    <div class="charts">
      <h1>{t('chartsTitle')}</h1>
      <ErrorMessage error={error} />
      <FlagsSection data={data} days={days} onDays={setDays} />
      <CrisesSection data={data} />
      <section aria-labelledby="charts-metrics">
        <h2 class="section" id="charts-metrics">
          {t('chartsMetrics')}
        </h2>
        <p class="muted small">{t('chartsMetricsHelp')}</p>
        {data && <MetricsTable rows={data.byLevel} />}
      </section>
    </div>
  );
}
