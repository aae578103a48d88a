// A roster's live solve: the best soft score over solving time (Chart.js), with the status and scores beside it.
// While the roster is SOLVING the page's own progress URL is polled (with the session); once the solve has
// finished the page reloads to show the final coverage and the publish button.
(function () {
  'use strict';
  var section = document.getElementById('progress');
  var canvas = document.getElementById('score-chart');
  if (!section || !canvas || typeof Chart === 'undefined') {
    return;
  }
  var url = section.getAttribute('data-progress-url');
  var data = JSON.parse(section.getAttribute('data-progress') || '{}');
  var numbers = new Intl.NumberFormat(document.documentElement.lang || undefined);

  function softPoints(d) {
    return (d.points || []).map(function (p) { return { x: p.t, y: p.soft }; });
  }
  function hardPoints(d) {
    return (d.points || []).map(function (p) { return { x: p.t, y: p.hard }; });
  }

  var chart = new Chart(canvas, {
    type: 'line',
    data: {
      datasets: [{
        label: section.getAttribute('data-soft-label'),
        data: softPoints(data),
        stepped: true,
        borderColor: '#0172ad',
        backgroundColor: 'rgba(1, 114, 173, 0.12)',
        fill: false,
        pointRadius: 2,
        yAxisID: 'y'
      }, {
        label: section.getAttribute('data-hard-label'),
        data: hardPoints(data),
        stepped: true,
        borderColor: '#b42318',
        borderDash: [4, 3],
        pointRadius: 0,
        yAxisID: 'hard'
      }]
    },
    options: {
      animation: false,
      maintainAspectRatio: false,
      parsing: false,
      interaction: { mode: 'nearest', intersect: false },
      plugins: { legend: { display: true, position: 'bottom' } },
      scales: {
        x: { type: 'linear', beginAtZero: true, title: { display: true, text: section.getAttribute('data-seconds-label') } },
        y: { ticks: { callback: function (v) { return numbers.format(v); } } },
        hard: { position: 'right', suggestedMax: 0, grid: { drawOnChartArea: false },
                 ticks: { precision: 0, callback: function (v) { return numbers.format(v); } } }
      }
    }
  });
  canvas.chart = chart;

  function show(d) {
    var fields = { soft: d.soft, hard: d.hard, solvedSeconds: d.solvedSeconds, statusText: d.statusText,
                   shortfall: d.shortfall, overstaffedText: d.overstaffedText, floorText: d.floorText,
                   boundGap: d.boundGap, boundText: d.boundText };
    Object.keys(fields).forEach(function (k) {
      var el = section.querySelector('[data-live="' + k + '"]');
      // the cards outside the chart's section follow the same solution
      el = el || document.querySelector('[data-live="' + k + '"]');
      if (el && fields[k] !== null && fields[k] !== undefined) {
        el.textContent = typeof fields[k] === 'number' ? numbers.format(fields[k]) : fields[k];
      }
    });
    chart.data.datasets[0].data = softPoints(d);
    chart.data.datasets[1].data = hardPoints(d);
    chart.update();
  }

  function poll() {
    fetch(url, { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) {
        if (!r.ok) { throw new Error('HTTP ' + r.status); }
        return r.json();
      })
      .then(function (d) {
        show(d);
        if (d.firstSaved && !data.firstSaved) {
          // the first roster exists: reload once so the coverage heatmap replaces the "building" note
          window.location.reload();
          return;
        }
        if (d.solving) {
          window.setTimeout(poll, 1500);
        } else {
          window.location.reload();
        }
      })
      .catch(function () {
        // a lost connection: try again a little later rather than stop watching
        window.setTimeout(poll, 5000);
      });
  }

  if (data.solving) {
    window.setTimeout(poll, 1000);
  }
})();
