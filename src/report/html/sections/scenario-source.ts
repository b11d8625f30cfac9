import { escapeHtml } from '../escape.js';
import type { ReportInput } from '../input.js';

/** The scenario file as written, collapsed, so a reader can reproduce the run. */
export function scenarioSourceSection(source: ReportInput['scenarioSource']): string {
  if (!source) return '';
  return `<section class="card" id="scenario">
  <details>
    <summary><h2>Scenario file</h2><span class="summary-path">${escapeHtml(source.path)}</span></summary>
    <p class="lead">Run it again with <code>queuesim run ${escapeHtml(source.path)}</code>.</p>
    <pre><code>${escapeHtml(source.text)}</code></pre>
  </details>
</section>`;
}
