import type { Config } from 'vega-lite';
import { COLOR } from '../palette.js';

/** The font stack of the page, so charts and text match (system fonts: nothing to download). */
export const FONT_STACK =
  'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", "Noto Sans", "Liberation Sans", Arial, sans-serif';

/** The vega-lite version the specs are written for (the inlined build). */
export const VEGA_LITE_SCHEMA = 'https://vega.github.io/schema/vega-lite/v6.json';

/** Shared look of every chart: quiet axes and grid, readable labels, legends on top. */
export const chartConfig: Config = {
  font: FONT_STACK,
  background: 'transparent',
  padding: { left: 4, right: 8, top: 8, bottom: 4 },
  view: { stroke: null },
  axis: {
    labelColor: COLOR.muted,
    titleColor: COLOR.text,
    titleFontWeight: 600,
    titleFontSize: 12,
    labelFontSize: 11,
    gridColor: '#edf0f4',
    domainColor: '#cfd6df',
    tickColor: '#cfd6df',
    titlePadding: 10,
  },
  legend: {
    orient: 'top',
    direction: 'horizontal',
    labelFontSize: 12,
    labelColor: COLOR.text,
    title: null,
    symbolStrokeWidth: 3,
  },
  text: { font: FONT_STACK },
};

/** Chart height in pixels (width follows the container). */
export const CHART_HEIGHT = 220;

/**
 * The top of every chart spec: schema, full container width, `height`, and its rows as a named dataset
 * (the page stores each dataset once, however many charts use it).
 */
export function specBase(dataset: string, rows: unknown[], height = CHART_HEIGHT) {
  return {
    $schema: VEGA_LITE_SCHEMA,
    width: 'container' as const,
    height,
    datasets: { [dataset]: rows as Record<string, unknown>[] },
    config: chartConfig,
  };
}
