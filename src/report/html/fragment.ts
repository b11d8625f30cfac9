import type { TopLevelSpec } from 'vega-lite';
import { escapeHtml } from './escape.js';

/** A chart to draw: the id of its container in the page and its vega-lite spec. */
export interface ChartEntry {
  id: string;
  spec: TopLevelSpec;
}

/** A piece of the page: its HTML and the charts whose containers it holds. */
export interface Fragment {
  html: string;
  charts: ChartEntry[];
}

/** Joins fragments in order. */
export function joinFragments(fragments: Fragment[]): Fragment {
  return {
    html: fragments.map((fragment) => fragment.html).join('\n'),
    charts: fragments.flatMap((fragment) => fragment.charts),
  };
}

/** A titled card holding one chart's container (filled in the browser by vega-embed). */
export function chartFigure(id: string, title: string, caption: string, spec: TopLevelSpec): Fragment {
  return {
    html: `<figure class="chart-card">
  <figcaption><h4>${escapeHtml(title)}</h4><p>${escapeHtml(caption)}</p></figcaption>
  <div class="chart" id="${escapeHtml(id)}" role="img" aria-label="${escapeHtml(title)}"></div>
</figure>`,
    charts: [{ id, spec }],
  };
}
