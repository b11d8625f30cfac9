/** The deadlock warning: when and where, and with replications how many of them deadlocked. */
import { describe, expect, it } from 'vitest';
import { describeDeadlock } from '../../src/report/deadlock-text.js';
import { renderReportHtml } from '../../src/report/html/index.js';
import { renderRunTables } from '../../src/report/terminal-table.js';
import { reportInputFor, threeQueues } from '../helpers/report-input.js';

describe('describeDeadlock', () => {
  it('says when it began and which queues are in the cycle', () => {
    const text = describeDeadlock({ at: 0.125, queues: ['a', 'b'] });
    expect(text).toMatch(/^DEADLOCK at 125ms: every consumer of a, b waits to publish/);
    expect(text).toContain('standstill');
  });

  it('with replications, says how many deadlocked and which was first', () => {
    const text = describeDeadlock({ at: 3, queues: ['a'], replication: 2, deadlockedReplications: 4 }, 10);
    expect(text).toMatch(/^DEADLOCK in 4 of 10 replications \(first: replication 2, at 3s\)/);
  });
});

describe('the deadlock warning in the reports', () => {
  const input = reportInputFor(threeQueues);
  const deadlocked = { ...input.result, deadlock: { at: 2, queues: ['orders', 'payments'] } };

  it('stands under the title of the terminal tables, and only when there is a deadlock', () => {
    const lines = renderRunTables(deadlocked, { color: false }).split('\n');
    expect(lines[1]).toMatch(/^! DEADLOCK at 2s: every consumer of orders, payments/);
    expect(renderRunTables(input.result, { color: false })).not.toContain('DEADLOCK');
  });

  it('heads the HTML report, and only when there is a deadlock', () => {
    const html = renderReportHtml({ ...input, result: deadlocked });
    expect(html).toMatch(
      /<p class="deadlock-warning" role="alert">DEADLOCK at 2s: every consumer of orders, payments/,
    );
    expect(renderReportHtml(input)).not.toContain('class="deadlock-warning"');
  });
});
