/**
 * What the dashboards' charts share: the figures a chart draws as a table only screen readers read, and the parts
 * of an ECharts option every bar chart here takes (tooltip, legend, the save-as-image tool, the grid).
 */
import type { ReactNode } from 'react';
import { useI18n } from '../i18n';
import { Chart } from './Chart';

/** Visually hidden, read by screen readers. */
const srOnly = {
  position: 'absolute',
  width: 1,
  height: 1,
  overflow: 'hidden',
  clip: 'rect(0 0 0 0)',
  whiteSpace: 'nowrap',
} as const;

/** The figures a chart draws, as a table only screen readers read; a row's first cell names it. */
export function Figures({ caption, head, rows }: { caption: string; head: string[]; rows: ReactNode[][] }) {
  return (
    <table style={srOnly}>
      <caption>{caption}</caption>
      <thead>
        <tr>
          {head.map((h) => (
            <th key={h}>{h}</th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={String(r[0])}>
            {r.map((c, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: the columns of one row are fixed
              <td key={i}>{c}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The save-as-image tool of a chart, its title in the reader's language. */
export function useSaveAsImage() {
  const { t } = useI18n();
  return { feature: { saveAsImage: { title: t('dashboard.saveImage') } } };
}

/** Bars read along an axis: the tooltip shades the hovered category; the legend sits below. */
export const BAR_AXIS = { tooltip: { trigger: 'axis', axisPointer: { type: 'shadow' } }, legend: { bottom: 0 } };

/** A chart with its figures beside it for screen readers. */
export function ChartWithFigures({
  option,
  height,
  caption,
  head,
  rows,
}: {
  option: Parameters<typeof Chart>[0]['option'];
  height: number;
  caption: string;
  head: string[];
  rows: ReactNode[][];
}) {
  return (
    <>
      <Chart option={option} style={{ height }} />
      <Figures caption={caption} head={head} rows={rows} />
    </>
  );
}
