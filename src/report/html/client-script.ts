/**
 * The script that draws the charts in the browser: it reads the chart list from the page's JSON block,
 * gives each spec back the datasets the page stored once, and embeds it with vega-embed. When every
 * chart is drawn it sets `data-charts-rendered` on <html> (the browser test waits for it); a chart that
 * fails shows its error in place and logs it.
 */
export const CLIENT_SCRIPT = `(function () {
  'use strict';
  var payload = JSON.parse(document.getElementById('queuesim-charts').textContent);
  var options = {
    renderer: 'svg',
    actions: { export: true, source: false, compiled: false, editor: false },
    downloadFileName: payload.fileName
  };
  var drawn = payload.charts.map(function (chart) {
    var container = document.getElementById(chart.id);
    var spec = chart.spec;
    spec.datasets = {};
    chart.datasets.forEach(function (name) { spec.datasets[name] = payload.datasets[name]; });
    return vegaEmbed(container, spec, options).catch(function (error) {
      container.classList.add('chart-error');
      container.textContent = 'This chart could not be drawn: ' + error.message;
      console.error(error);
    });
  });
  Promise.all(drawn).then(function () {
    document.documentElement.setAttribute('data-charts-rendered', String(drawn.length));
  });
})();`;
