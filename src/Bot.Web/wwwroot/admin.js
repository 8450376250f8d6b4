/* The admin page: asks for the admin key (kept for this tab only), shows the report, downloads the CSV. */
(function () {
  'use strict';

  var form = document.getElementById('key-form');
  var keyInput = document.getElementById('admin-key');
  var daysInput = document.getElementById('days');
  var status = document.getElementById('status');
  var report = document.getElementById('report');
  var SVG = 'http://www.w3.org/2000/svg';

  keyInput.value = sessionStorage.getItem('adminKey') || '';

  function get(path) {
    return fetch(path + '?days=' + encodeURIComponent(daysInput.value), { headers: { 'Authorization': 'Bearer ' + keyInput.value } })
      .then(function (response) {
        if (response.status === 401) { throw new Error('The admin key is not right.'); }
        if (response.status === 404) { throw new Error('The admin API is off: set Admin:Key in the bot settings.'); }
        if (!response.ok) { throw new Error('The report could not be loaded (HTTP ' + response.status + ').'); }
        return response;
      });
  }

  function cell(row, content) {
    var td = document.createElement('td');
    if (content instanceof Node) { td.appendChild(content); } else { td.textContent = content; }
    row.appendChild(td);
  }

  function fill(tableId, rows, columns) {
    var body = document.querySelector('#' + tableId + ' tbody');
    body.replaceChildren();
    rows.forEach(function (item) {
      var row = document.createElement('tr');
      columns.forEach(function (column) { cell(row, column(item)); });
      body.appendChild(row);
    });
    if (!rows.length) { var row = document.createElement('tr'); cell(row, 'None in this period.'); body.appendChild(row); }
  }

  function percent(rate) { return Math.round(rate * 100) + '%'; }

  /* The question as a Q&A entry to paste into the clinic's file, with a button that copies it. */
  function qaEntry(question) {
    var details = document.createElement('details');
    var summary = document.createElement('summary');
    summary.textContent = 'Show entry';
    var text = document.createElement('pre');
    text.className = 'qa-entry';
    text.textContent = question.qaEntry;
    var copy = document.createElement('button');
    copy.type = 'button';
    copy.textContent = 'Copy entry';
    copy.addEventListener('click', function () {
      var copied = navigator.clipboard ? navigator.clipboard.writeText(question.qaEntry) : Promise.reject(new Error('no clipboard'));
      copied.then(function () { status.textContent = 'Entry copied: paste it into corpus/clinic-qa.md and write the answer.'; })
        .catch(function () {
          window.getSelection().selectAllChildren(text);
          status.textContent = 'The entry is selected: copy it with Ctrl+C (⌘C on a Mac).';
        });
    });
    details.appendChild(summary);
    details.appendChild(text);
    details.appendChild(copy);
    return details;
  }

  function svg(tag, attributes, text) {
    var node = document.createElementNS(SVG, tag);
    Object.keys(attributes).forEach(function (name) { node.setAttribute(name, attributes[name]); });
    if (text !== undefined) { node.textContent = text; }
    return node;
  }

  function chart(days) {
    var width = 900, height = 260, left = 40, bottom = 30, top = 10;
    var plot = height - bottom - top;
    var step = (width - left - 10) / days.length;
    var root = svg('svg', { viewBox: '0 0 ' + width + ' ' + height, role: 'img', 'aria-label': 'Deflection rate per day, ' + days.length + ' days; the daily figures table below has the numbers.' });
    [0, 0.5, 1].forEach(function (tick) {
      var y = top + plot * (1 - tick);
      root.appendChild(svg('line', { 'class': 'axis', x1: left, x2: width - 10, y1: y, y2: y }));
      root.appendChild(svg('text', { x: 4, y: y + 4 }, percent(tick)));
    });
    days.forEach(function (day, i) {
      var barHeight = plot * day.rate;
      var bar = svg('rect', { 'class': 'bar', x: left + i * step + step * 0.15, y: top + plot - barHeight, width: Math.max(step * 0.7, 1), height: barHeight });
      bar.appendChild(svg('title', {}, day.date + ': ' + percent(day.rate) + ' of ' + day.questions + ' questions'));
      root.appendChild(bar);
      if (i % Math.ceil(days.length / 10) === 0) {
        root.appendChild(svg('text', { x: left + i * step, y: height - 10 }, day.date.slice(5)));
      }
    });
    var holder = document.getElementById('chart');
    holder.replaceChildren(root);
  }

  function show(data) {
    document.getElementById('rate').textContent = percent(data.rate);
    document.getElementById('questions').textContent = String(data.questions);
    chart(data.days);
    fill('days-table', data.days, [
      function (d) { return d.date; }, function (d) { return d.questions; }, function (d) { return d.answered; },
      function (d) { return d.declined; }, function (d) { return d.emergencies; }, function (d) { return d.clinicRequests; },
      function (d) { return d.ratedUp; }, function (d) { return d.ratedDown; }, function (d) { return d.deflected; }
    ]);
    fill('unanswered', data.topUnanswered, [
      function (q) { return q.question; }, function (q) { return q.count; }, function (q) { return new Date(q.lastAsked).toLocaleString(); }, qaEntry
    ]);
    fill('worst', data.worstRated, [
      function (a) { return a.question; }, function (a) { return a.answer || ''; }, function (a) { return a.up; },
      function (a) { return a.down; }, function (a) { return a.comments.join(' · '); }
    ]);
    report.hidden = false;
  }

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    sessionStorage.setItem('adminKey', keyInput.value);
    status.textContent = 'Loading…';
    get('/api/admin/report')
      .then(function (response) { return response.json(); })
      .then(function (data) { show(data); status.textContent = ''; })
      .catch(function (error) { report.hidden = true; status.textContent = error.message; });
  });

  document.getElementById('csv').addEventListener('click', function () {
    get('/api/admin/events.csv')
      .then(function (response) { return response.blob(); })
      .then(function (blob) {
        var link = document.createElement('a');
        link.href = URL.createObjectURL(blob);
        link.download = 'deflection-events.csv';
        document.body.appendChild(link);
        link.click();
        link.remove();
        setTimeout(function () { URL.revokeObjectURL(link.href); }, 1000);
      })
      .catch(function (error) { status.textContent = error.message; });
  });
}());
