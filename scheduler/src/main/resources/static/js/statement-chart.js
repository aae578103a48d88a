// The statement's balance chart: the running balance of the table's rows (points from data-points).
(function () {
  'use strict';
  var canvas = document.getElementById('balance-chart');
  if (!canvas || typeof Chart === 'undefined') {
    return;
  }
  var points = JSON.parse(canvas.getAttribute('data-points') || '[]');
  canvas.chart = new Chart(canvas, {
    type: 'line',
    data: {
      labels: points.map(function (p) { return p.d; }),
      datasets: [{
        label: canvas.getAttribute('data-label'),
        data: points.map(function (p) { return p.h; }),
        stepped: true,
        fill: true,
        borderColor: '#0172ad',
        backgroundColor: 'rgba(1, 114, 173, 0.12)',
        pointRadius: 3
      }]
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      plugins: {
        legend: { display: false },
        tooltip: { callbacks: { label: function (ctx) { return points[ctx.dataIndex].t; } } }
      },
      scales: { y: { beginAtZero: true, ticks: { precision: 1 } } }
    }
  });
})();
