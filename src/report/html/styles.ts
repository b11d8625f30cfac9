import { FONT_STACK } from './charts/theme.js';

/** The page's stylesheet: light cards on a quiet background, a responsive grid, print-friendly. */
export const STYLES = `
:root {
  --bg: #f4f6f9; --card: #ffffff; --text: #1f2937; --muted: #6b7280; --line: #e3e7ed; --accent: #2f5d8a;
  --bad: #c53030; --bad-bg: #fdecec; --ok: #2f7d46; --ok-bg: #e9f6ee;
}
* { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body { margin: 0; background: var(--bg); color: var(--text); font: 15px/1.5 ${FONT_STACK}; }
a { color: var(--accent); text-decoration: none; }
a:hover { text-decoration: underline; }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, "DejaVu Sans Mono", monospace; font-size: 13px; }
.page { max-width: 1280px; margin: 0 auto; padding: 32px 28px 48px; }
h1 { font-size: 30px; line-height: 1.2; margin: 4px 0 6px; letter-spacing: -0.01em; }
h2 { font-size: 19px; margin: 0 0 12px; letter-spacing: -0.005em; }
h4 { font-size: 14px; margin: 0; }
.eyebrow { margin: 0; text-transform: uppercase; letter-spacing: 0.08em; font-size: 12px; font-weight: 600; color: var(--accent); }
.description { margin: 0 0 4px; font-size: 16px; color: #374151; max-width: 900px; }
.source-path { margin: 0; color: var(--muted); font-size: 13px; font-family: ui-monospace, Menlo, Consolas, monospace; }
.report-header { padding-bottom: 18px; margin-bottom: 20px; border-bottom: 1px solid var(--line); }
.facts { display: flex; flex-wrap: wrap; gap: 8px 28px; margin: 16px 0 0; }
.facts div { min-width: 90px; }
.deadlock-warning { margin: 14px 0 0; padding: 10px 14px; border-left: 4px solid #b91c1c; background: #fef2f2; color: #7f1d1d; font-weight: 600; }
.slo-verdicts { list-style: none; padding: 0; margin: 14px 0 0; font-variant-numeric: tabular-nums; }
.slo-verdicts li { margin: 2px 0; }
.slo-verdict { display: inline-block; min-width: 84px; font-weight: 600; }
.slo-pass .slo-verdict { color: #15803d; }
.slo-fail .slo-verdict { color: #b91c1c; }
.slo-uncertain .slo-verdict { color: #b45309; }
.facts dt { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.05em; }
.facts dd { margin: 0; font-weight: 600; font-variant-numeric: tabular-nums; }
.queue-nav { display: flex; flex-wrap: wrap; align-items: center; gap: 6px 14px; margin-top: 16px; font-size: 14px; }
.queue-nav > span { color: var(--muted); font-size: 12px; text-transform: uppercase; letter-spacing: 0.05em; }
.swatch { display: inline-block; width: 10px; height: 10px; border-radius: 3px; margin-right: 6px; vertical-align: baseline; }
.overview { margin-bottom: 20px; }
.kpis { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(180px, 100%), 1fr)); gap: 14px; margin-bottom: 14px; }
.kpi { background: var(--card); border: 1px solid var(--line); border-radius: 10px; padding: 14px 16px; }
.kpi-label { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.05em; }
.kpi-value { font-size: 26px; font-weight: 650; font-variant-numeric: tabular-nums; margin-top: 2px; }
.kpi-detail { font-size: 13px; color: var(--muted); overflow-wrap: anywhere; }
.kpi-bad .kpi-value { color: var(--bad); }
.verdict { border-radius: 10px; padding: 12px 16px; margin: 0 0 14px; border: 1px solid; }
.verdict-bad { background: var(--bad-bg); border-color: #f5c2c2; }
.verdict-ok { background: var(--ok-bg); border-color: #bfe3cb; }
.card { background: var(--card); border: 1px solid var(--line); border-radius: 12px; padding: 20px 22px; margin-bottom: 20px; box-shadow: 0 1px 2px rgba(16, 24, 40, 0.04); }
.lead { color: #4b5563; margin: -4px 0 14px; max-width: 900px; font-size: 14px; }
.topology-wrap { overflow-x: auto; }
.topology { width: 100%; min-width: 720px; height: auto; display: block; margin: 0 auto; }
.topology text { font-family: ${FONT_STACK}; fill: var(--text); }
.topo-heading { font-size: 12px; fill: var(--muted) !important; text-transform: uppercase; letter-spacing: 0.06em; }
.topo-box { fill: #fbfcfd; stroke: #cfd6df; stroke-width: 1.2; }
.topo-empty { stroke-dasharray: 5 4; }
.topo-name { font-size: 15px; font-weight: 650; }
.topo-detail { font-size: 13px; }
.topo-small { font-size: 12px; fill: var(--muted) !important; }
.topo-rate { font-size: 12px; font-weight: 600; fill: #4b5563 !important; }
.topo-bad { fill: var(--bad) !important; font-weight: 600; }
.topo-edge { fill: none; stroke-opacity: 0.45; stroke-linecap: round; }
.topo-dead-letter { stroke-dasharray: 6 5; stroke-opacity: 0.8; stroke-linecap: butt; }
.topo-rate { paint-order: stroke; stroke: #fff; stroke-width: 4px; stroke-linejoin: round; }
.topo-exchange-box { fill: #f3f6fb; }
.topo-kind { font-weight: 700; fill: var(--accent) !important; text-transform: uppercase; letter-spacing: 0.05em; font-size: 11px; }
.topo-strong { font-weight: 700; }
.topo-bottleneck .topo-box { stroke: var(--bad); stroke-width: 2.4; fill: #fff8f8; }
.topo-badge rect { fill: var(--bad); }
.topo-badge text { fill: #fff !important; font-size: 11px; font-weight: 700; letter-spacing: 0.06em; }
a.topo-node:hover .topo-box { stroke: var(--accent); }
.chart-card { margin: 0; min-width: 0; border: 1px solid var(--line); border-radius: 10px; padding: 12px 14px 6px; background: #fff; }
.chart-card figcaption p { margin: 2px 0 6px; color: var(--muted); font-size: 13px; }
.chart { width: 100%; min-height: 120px; }
.chart .vega-embed { width: 100%; }
.chart-error { color: var(--bad); padding: 24px; }
.queue { border-top: 4px solid var(--queue-color); }
.queue-head { display: flex; justify-content: space-between; gap: 24px; align-items: flex-start; margin-bottom: 12px; }
.queue-head h2 { font-size: 22px; }
.chips { list-style: none; display: flex; flex-wrap: wrap; gap: 6px; padding: 0; margin: 0; }
.chips li { background: #f1f4f8; border: 1px solid var(--line); border-radius: 999px; padding: 2px 10px; font-size: 13px; color: #374151; }
.gauge { min-width: 170px; text-align: right; }
.gauge-value { font-size: 30px; font-weight: 700; line-height: 1.1; font-variant-numeric: tabular-nums; }
.gauge-label { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.05em; }
.gauge-bar { height: 8px; background: #edf0f4; border-radius: 4px; margin-top: 6px; overflow: hidden; }
.gauge-bar span { display: block; height: 100%; border-radius: 4px; }
.queue-body { display: grid; grid-template-columns: minmax(300px, max-content) minmax(0, 1fr); gap: 18px; align-items: start; margin-bottom: 14px; }
.chart-stack { display: grid; gap: 14px; min-width: 0; }
.chart-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(380px, 100%), 1fr)); gap: 14px; min-width: 0; }
.table-scroll { overflow-x: auto; }
table.data { border-collapse: collapse; width: 100%; font-size: 14px; font-variant-numeric: tabular-nums; }
table.data th, table.data td { padding: 5px 8px; border-bottom: 1px solid #eef1f5; text-align: right; white-space: nowrap; }
table.data th:first-child { text-align: left; font-weight: 500; }
table.data thead th { font-size: 12px; color: var(--muted); text-transform: uppercase; letter-spacing: 0.04em; font-weight: 600; border-bottom: 1px solid var(--line); vertical-align: bottom; }
table.data tr.group th { text-align: left; padding-top: 12px; font-size: 12px; font-weight: 650; color: var(--accent); text-transform: uppercase; letter-spacing: 0.05em; }
table.data .model { display: block; text-transform: none; letter-spacing: 0; font-weight: 500; }
table.data td.theory { color: #4b5563; }
table.data .ci { display: block; font-size: 12px; color: var(--muted); }
table.data td.bad, table.data strong.bad { color: var(--bad); font-weight: 600; }
table.data .share { display: block; font-size: 12px; color: var(--muted); }
.table-note { font-size: 12px; color: var(--muted); margin: 6px 0 0; }
/* A note as wide as the table above it, never wider: it must not widen the table's grid column. */
.queue-table .table-note { width: 0; min-width: 100%; }
.fates-table { margin-top: 12px; }
#fates h3 { font-size: 15px; margin: 22px 0 8px; color: #374151; }
#fates h3:first-of-type { margin-top: 4px; }
table.data td.theory.outside { color: var(--bad); font-weight: 600; }
.fate-legend { margin: 10px 0 0; padding-left: 18px; color: #4b5563; font-size: 13px; columns: 2 320px; }
details summary { cursor: pointer; display: flex; align-items: baseline; gap: 12px; list-style: none; }
details summary::-webkit-details-marker { display: none; }
details summary h2 { margin: 0; }
details summary h2::before { content: '▸'; display: inline-block; width: 1.1em; color: var(--muted); transition: transform 0.15s; }
details[open] summary h2::before { transform: rotate(90deg); }
.summary-path { color: var(--muted); font-size: 13px; font-family: ui-monospace, Menlo, Consolas, monospace; }
details pre { background: #0f172a; color: #e2e8f0; border-radius: 8px; padding: 16px; overflow-x: auto; line-height: 1.45; }
details .lead { margin-top: 12px; }
/* The sweep page's tables: one per queue, heads that wrap, CI half-widths on their own line. */
table.sweep-points thead th { white-space: normal; text-transform: none; letter-spacing: 0; }
table.sweep-points td { vertical-align: top; }
.tally-pass { color: #15803d; }
.tally-fail { color: #b91c1c; font-weight: 600; }
.tally-uncertain { color: #b45309; }
.footer { color: var(--muted); font-size: 13px; text-align: center; margin-top: 24px; }
@media (max-width: 960px) {
  .queue-body { grid-template-columns: 1fr; }
  .page { padding: 20px 14px 32px; }
}
@media (max-width: 640px) {
  .queue-head { flex-direction: column; gap: 8px; }
  .gauge { text-align: left; min-width: 0; width: 100%; }
  .card { padding: 16px 14px; }
}
@media print {
  body { background: #fff; }
  .card, .kpi { box-shadow: none; break-inside: avoid; }
  .chart-card { break-inside: avoid; }
  .vega-embed details { display: none; }
}
`;
