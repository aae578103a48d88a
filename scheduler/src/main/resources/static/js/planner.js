// The planner's pages: charts drawn from JSON of the page endpoints (data-src), and busy buttons on slow forms.
(function () {
  'use strict';

  // A form marked data-busy shows its button busy while the server works (forecasts and backtests take seconds).
  document.addEventListener('submit', function (e) {
    var form = e.target;
    if (!e.defaultPrevented && form.hasAttribute && form.hasAttribute('data-busy')) {
      var button = e.submitter || form.querySelector('[type=submit]');
      if (button) {
        button.setAttribute('aria-busy', 'true');
      }
    }
  });

  if (typeof Chart === 'undefined') {
    return;
  }

  var colours = {
    history: '#525f7a',
    forecast: '#0172ad',
    band80: 'rgba(1, 114, 173, 0.28)',
    band95: 'rgba(1, 114, 173, 0.12)',
    agents: '#b54708',
    scheduled: '#027a48',
    contacts: 'rgba(82, 95, 122, 0.35)',
    aht: '#b54708',
    required: '#b54708'
  };

  function line(label, data, colour, extra) {
    var d = {
      label: label, data: data, borderColor: colour, backgroundColor: colour, borderWidth: 2,
      pointRadius: 0, pointHitRadius: 4, spanGaps: false, fill: false
    };
    for (var k in extra) {
      d[k] = extra[k];
    }
    return d;
  }

  function band(label, data, colour, fillToNext) {
    return line(label, data, colour, {
      borderWidth: 0, fill: fillToNext ? '+1' : false, legendHidden: !fillToNext, backgroundColor: colour
    });
  }

  function options(canvas, yTitle, y2Title, xTitle) {
    var narrow = canvas.parentNode.clientWidth < 500;
    var o = {
      animation: false, responsive: true, maintainAspectRatio: false,
      interaction: { mode: 'index', intersect: false },
      plugins: {
        legend: { position: 'bottom', labels: { filter: function (item, data) {
          return !data.datasets[item.datasetIndex].legendHidden;
        } } },
        tooltip: { filter: function (item) { return !item.dataset.legendHidden; } }
      },
      scales: {
        x: { ticks: { autoSkip: true, maxTicksLimit: narrow ? 3 : 8, maxRotation: 0 },
          title: { display: !!xTitle, text: xTitle } },
        y: { beginAtZero: true, title: { display: true, text: yTitle } }
      }
    };
    if (y2Title) {
      o.scales.y2 = { beginAtZero: true, position: 'right', grid: { drawOnChartArea: false },
        title: { display: true, text: y2Title } };
    }
    return o;
  }

  var draw = {
    forecast: function (canvas, d) {
      var n = d.names;
      return new Chart(canvas, {
        type: 'line',
        data: {
          labels: d.labels,
          datasets: [
            band(n.band95, d.upper95, colours.band95, true),
            band(n.band95, d.lower95, colours.band95, false),
            band(n.band80, d.upper80, colours.band80, true),
            band(n.band80, d.lower80, colours.band80, false),
            line(n.forecast, d.forecast, colours.forecast, {}),
            line(n.history, d.history, colours.history, { borderWidth: 1.5 })
          ].concat(d.before ? [line(n.before, d.before, colours.history, { borderDash: [6, 4], borderWidth: 1.5 })] : [])
        },
        options: options(canvas, d.yTitle, null, d.xTitle)
      });
    },
    requirements: function (canvas, d) {
      var n = d.names;
      return new Chart(canvas, {
        type: 'line',
        data: {
          labels: d.labels,
          datasets: [
            line(n.scheduled, d.scheduled, colours.scheduled, { stepped: 'middle' }),
            line(n.agents, d.agents, colours.agents, { stepped: 'middle' }),
            line(n.contacts, d.contacts, colours.contacts, { yAxisID: 'y2', borderWidth: 1, fill: 'origin' })
          ]
        },
        options: options(canvas, d.yTitle, d.y2Title, d.xTitle)
      });
    }
  };

  // stored history: contacts as bars (left axis), AHT in seconds as a line (right axis)
  draw.history = function (canvas, d) {
    var n = d.names;
    return new Chart(canvas, {
      type: 'bar',
      data: {
        labels: d.labels,
        datasets: [
          line(n.aht, d.aht, colours.aht, { type: 'line', yAxisID: 'y2', borderWidth: 1.5 }),
          { label: n.contacts, data: d.contacts, backgroundColor: colours.forecast, yAxisID: 'y' }
        ]
      },
      options: options(canvas, d.yTitle, d.y2Title, d.xTitle)
    });
  };

  // a day of the published roster: agents required against agents on the phone (net of breaks), the head count
  // thin beside them, contacts behind (right axis)
  draw.coverage = function (canvas, d) {
    var n = d.names;
    return new Chart(canvas, {
      type: 'line',
      data: {
        labels: d.labels,
        datasets: [
          line(n.onPhone, d.onPhone, colours.scheduled, { stepped: 'middle' }),
          line(n.scheduled, d.scheduled, colours.history, { stepped: 'middle', borderWidth: 1, borderDash: [2, 3] }),
          line(n.required, d.required, colours.required, { stepped: 'middle', borderDash: [6, 4] }),
          line(n.contacts, d.contacts, colours.contacts, { yAxisID: 'y2', borderWidth: 1, fill: 'origin' })
        ]
      },
      options: options(canvas, d.yTitle, d.y2Title, d.xTitle)
    });
  };

  document.querySelectorAll('canvas[data-chart][data-src]').forEach(function (canvas) {
    fetch(canvas.getAttribute('data-src'), { headers: { Accept: 'application/json' }, credentials: 'same-origin' })
      .then(function (r) { return r.ok ? r.json() : Promise.reject(new Error('HTTP ' + r.status)); })
      .then(function (data) {
        draw[canvas.getAttribute('data-chart')](canvas, data);
        canvas.setAttribute('data-points', String(data.labels.length));
        canvas.setAttribute('data-ready', 'true');
      })
      .catch(function () {
        canvas.setAttribute('data-ready', 'error');
        var note = canvas.parentNode.querySelector('.chart-error');
        if (note) {
          note.hidden = false;
        }
      });
  });
})();
