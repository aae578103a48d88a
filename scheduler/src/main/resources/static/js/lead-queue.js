// The approval queue: a decision changes its date's quota (used / slots), which the other requests of that date
// show too, so their rows are fetched again; the row that was decided has already been swapped by htmx.
document.body.addEventListener('quotaChanged', function (event) {
  var detail = event.detail || {};
  document.querySelectorAll('tr[data-date="' + detail.date + '"]').forEach(function (row) {
    if (row.getAttribute('data-request') !== String(detail.id) && window.htmx) {
      htmx.ajax('GET', row.getAttribute('data-row'), {target: row, swap: 'outerHTML'});
    }
  });
});
