import type { TopLevelSpec } from 'vega-lite';
import type { Fate } from '../fates.js';
import { COLOR } from '../palette.js';
import type { QueueView } from '../queue-views.js';
import { specBase } from './theme.js';

const BAR_HEIGHT = 34;

/** One bar per queue: a fixed height, not a step (`width: container` needs a fit autosize, steps forbid it). */
function barsBase(name: string, rows: unknown[], bars: number) {
  return { ...specBase(name, rows, BAR_HEIGHT * bars), data: { name } };
}

/** One bar of a fates chart: a queue or flow and its count per fate (in the order of the fates). */
export interface FateBar {
  name: string;
  counts: number[];
}

/**
 * The share of messages that met each fate: one stacked bar per queue or flow. `dataset` names the data
 * (unique in the page), `subject` is what a bar is ("Queue", "Flow").
 */
export function fatesChart(
  dataset: string,
  subject: string,
  bars: FateBar[],
  fates: Array<Pick<Fate<unknown>, 'label' | 'color'>>,
  axisTitle: string,
): TopLevelSpec {
  const rows = bars.flatMap((bar) => {
    const total = bar.counts.reduce((sum, count) => sum + count, 0);
    return fates.map((fate, index) => ({
      name: bar.name,
      fate: fate.label,
      order: index,
      count: bar.counts[index],
      share: total > 0 ? bar.counts[index] / total : 0,
    }));
  });
  return {
    ...barsBase(dataset, rows, bars.length),
    mark: { type: 'bar', stroke: 'white', strokeWidth: 1 },
    encoding: {
      y: { field: 'name', type: 'nominal', title: null, sort: bars.map((bar) => bar.name) },
      x: {
        field: 'count',
        type: 'quantitative',
        stack: 'normalize',
        title: axisTitle,
        axis: { format: '~%', values: [0, 0.25, 0.5, 0.75, 1] },
      },
      color: {
        field: 'fate',
        type: 'nominal',
        title: null,
        scale: { domain: fates.map((fate) => fate.label), range: fates.map((fate) => fate.color) },
        // Vega cuts legend labels at 160 px by default: "With consumers at the end" lost its last word.
        legend: { orient: 'top', direction: 'horizontal', columns: 5, symbolType: 'square', labelLimit: 320 },
      },
      order: { field: 'order' },
      tooltip: [
        { field: 'name', type: 'nominal', title: subject },
        { field: 'fate', type: 'nominal', title: 'Fate' },
        { field: 'count', type: 'quantitative', title: 'Messages', format: ',' },
        { field: 'share', type: 'quantitative', title: 'Share', format: '.2%' },
      ],
    },
  };
}

/** Per queue, the mean fraction of consumers busy, in the queue's colour, against 100 %. */
export function utilizationChart(views: QueueView[]): TopLevelSpec {
  const rows = views
    .filter((view) => view.result.utilization !== null)
    .map((view) => ({
      queue: view.name,
      utilization: view.result.utilization,
      consumers: view.result.consumers,
    }));
  return {
    ...barsBase('utilization', rows, views.length),
    encoding: {
      y: {
        field: 'queue',
        type: 'nominal',
        title: null,
        sort: views.map((view) => view.name),
        scale: { paddingInner: 0.35 },
      },
    },
    layer: [
      {
        mark: { type: 'bar', cornerRadiusEnd: 3 },
        encoding: {
          x: {
            field: 'utilization',
            type: 'quantitative',
            title: 'Consumers busy (mean share of the pool)',
            scale: { domain: [0, 1] },
            axis: { format: '~%', values: [0, 0.25, 0.5, 0.75, 1] },
          },
          color: {
            field: 'queue',
            type: 'nominal',
            scale: { domain: views.map((view) => view.name), range: views.map((view) => view.color) },
            legend: null,
          },
          tooltip: [
            { field: 'queue', type: 'nominal', title: 'Queue' },
            { field: 'utilization', type: 'quantitative', title: 'Utilisation', format: '.1%' },
            { field: 'consumers', type: 'quantitative', title: 'Consumers' },
          ],
        },
      },
      {
        mark: { type: 'text', align: 'left', dx: 4, fontSize: 11, color: COLOR.text },
        encoding: {
          x: { field: 'utilization', type: 'quantitative' },
          text: { field: 'utilization', type: 'quantitative', format: '.1%' },
        },
      },
    ],
  };
}
