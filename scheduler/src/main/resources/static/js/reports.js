// The report charts: each canvas[data-report-chart] carries its type, labels, datasets and an optional target line
// (flat at target.value, or each label's own in target.values when the target changed within the range).
(function () {
  'use strict';
  if (typeof Chart === 'undefined') {
    return;
  }
  var colours = ['#0172ad', '#b42318'];
  document.querySelectorAll('canvas[data-report-chart]').forEach(function (canvas) {
    var spec = JSON.parse(canvas.getAttribute('data-chart') || '{}');
    var datasets = (spec.datasets || []).map(function (d, i) {
      return { label: d.label, data: d.data, borderColor: colours[i % 2], backgroundColor: 'rgba(1, 114, 173, 0.35)',
        spanGaps: true, pointRadius: 2 };
    });
    if (spec.target) {
      datasets.push({ label: spec.target.label,
        data: spec.target.values || spec.labels.map(function () { return spec.target.value; }),
        borderColor: '#b42318', borderDash: [6, 4], pointRadius: 0, fill: false });
    }
    canvas.chart = new Chart(canvas, {
      type: spec.type || 'bar',
      data: { labels: spec.labels || [], datasets: datasets },
      options: { animation: false, maintainAspectRatio: false, scales: { y: { beginAtZero: true } } }
    });
  });
})();
