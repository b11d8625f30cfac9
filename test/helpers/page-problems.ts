import type { Page } from 'playwright-core';

/**
 * Everything a page the project writes must not do, collected as it happens: console errors and warnings
 * (Vega logs its warnings there, e.g. "WARN Infinite extent"), uncaught errors, and network requests.
 */
export function watchPage(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') {
      problems.push(`console ${message.type()}: ${message.text()}`);
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('request', (request) => {
    if (!/^(file|data|blob):/.test(request.url())) problems.push(`request ${request.url()}`);
  });
  return problems;
}
