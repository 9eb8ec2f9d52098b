/* Draws every chart of a page from its options block.
 *
 * Each chart is an element with data-chart-options="ID", naming a
 * <script type="application/json" id="ID"> block that holds its ECharts
 * options. Options are data, never code: this file is the only script the
 * pages run, so a strict Content-Security-Policy holds.
 *
 * When every chart has drawn, <html> gets data-charts-ready="true" (ECharts'
 * "finished" event never fires with animation off), which the PDF printer
 * and the browser tests wait for.
 */
(function () {
  'use strict';

  var charts = [];

  // Axis label formatters the options name, as data: "money:compact"
  // writes £1.9m, £500k, £0, so long amounts do not run together.
  function trim(s) {
    return s.indexOf('.') < 0 ? s : s.replace(/\.?0+$/, '');
  }
  var formatters = {
    'money:compact': function (v) {
      var a = Math.abs(v), sign = v < 0 ? '-£' : '£';
      if (a >= 1e6) {
        return sign + trim((a / 1e6).toFixed(2)) + 'm';
      }
      if (a >= 1e3) {
        return sign + trim((a / 1e3).toFixed(1)) + 'k';
      }
      return sign + String(a);
    }
  };

  function useFormatters(axes) {
    if (!axes) {
      return;
    }
    axes = Array.isArray(axes) ? axes : [axes];
    for (var i = 0; i < axes.length; i++) {
      var label = axes[i].axisLabel;
      if (label && formatters.hasOwnProperty(label.formatter)) {
        label.formatter = formatters[label.formatter];
      }
    }
  }

  function drawAll() {
    var nodes = document.querySelectorAll('[data-chart-options]');
    for (var i = 0; i < nodes.length; i++) {
      var el = nodes[i];
      var block = document.getElementById(el.getAttribute('data-chart-options'));
      if (!block) {
        continue;
      }
      var options = JSON.parse(block.textContent);
      useFormatters(options.xAxis);
      useFormatters(options.yAxis);
      options.animation = false;
      // Tooltips drawn as rich text, not HTML: labels come from spreadsheets.
      options.tooltip = options.tooltip || {};
      options.tooltip.renderMode = 'richText';
      var chart = echarts.init(el, null, { renderer: 'svg' });
      chart.setOption(options);
      charts.push(chart);
    }
    document.documentElement.setAttribute('data-charts-ready', 'true');
  }

  function resizeAll() {
    for (var i = 0; i < charts.length; i++) {
      charts[i].resize();
    }
  }

  // A printed page shows every chart's figures: open the tables, and
  // redraw the charts at the printed width.
  function beforePrint() {
    var details = document.querySelectorAll('details.chart-data');
    for (var i = 0; i < details.length; i++) {
      details[i].open = true;
    }
    resizeAll();
  }

  window.addEventListener('resize', resizeAll);
  window.addEventListener('beforeprint', beforePrint);
  window.addEventListener('afterprint', resizeAll);

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', drawAll);
  } else {
    drawAll();
  }
})();
