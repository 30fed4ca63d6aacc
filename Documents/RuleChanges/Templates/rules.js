(function () {
  'use strict';
  // The language switch is the scorecard's own script, which runs before this one.
  var root = document.documentElement;
  function lang() { return root.getAttribute('data-lang') === 'en' ? 'en' : 'vi'; }
  var token = new URLSearchParams(window.location.search).get('token') || '';
  var previewButton = document.getElementById('preview-button'), applyButton = document.getElementById('apply-button');
  var outcome = document.getElementById('outcome'), preview = document.getElementById('preview');
  if (!previewButton) { return; }
  var statuses = {};
  Array.prototype.forEach.call(document.querySelectorAll('#status-words li'), function (item) {
    statuses[item.getAttribute('data-word')] = { symbol: item.getAttribute('data-symbol'), vi: item.getAttribute('data-vi'), en: item.getAttribute('data-en') };
  });
  var both = GenderPlanText.both;
  function say(vi, en) { outcome.textContent = ''; outcome.appendChild(both(vi, en)); }
  function status(word) {
    var known = statuses[word];
    return known ? both(known.symbol + ' ' + known.vi, known.symbol + ' ' + known.en) : both('(bỏ chỉ tiêu)', '(dropped)');
  }
  function changed(input) { return input.value.trim() !== input.getAttribute('data-was'); }
  function list(text) { return text.split(',').map(function (part) { return part.trim(); }).filter(function (part) { return part.length > 0; }); }
  function edits() {
    var indicators = [], units = [];
    Array.prototype.forEach.call(document.querySelectorAll('#indicators tr[data-code]'), function (row) {
      var edit = { code: row.getAttribute('data-code'), plan: row.getAttribute('data-plan') }, any = false;
      Array.prototype.forEach.call(row.querySelectorAll('input'), function (input) {
        if (!changed(input)) { return; }
        any = true;
        var name = input.getAttribute('name');
        edit[name] = name === 'coordinating' ? list(input.value) : name === 'targetYear' ? parseInt(input.value, 10) : input.value.trim();
      });
      if (any) { indicators.push(edit); }
    });
    Array.prototype.forEach.call(document.querySelectorAll('#units tr[data-unit]'), function (row) {
      var input = row.querySelector('input');
      if (changed(input)) { units.push({ id: row.getAttribute('data-unit'), emails: list(input.value) }); }
    });
    // The version this page shows: the server applies the changes only if it is still in force (409 otherwise).
    return { indicators: indicators, units: units, baseVersion: document.documentElement.getAttribute('data-version') };
  }
  function post(path) {
    return fetch(path, { method: 'POST', headers: { 'Authorization': 'Bearer ' + token, 'Content-Type': 'application/json', 'Accept-Language': lang() }, body: JSON.stringify(edits()) })
      .then(function (response) { return response.json().then(function (body) { return { status: response.status, body: body }; }); });
  }
  function showProblems(body) {
    var items = (body.errors || []).map(function (error) { return error.message; });
    say('Chưa áp dụng được: ' + (items.join('; ') || body.error || ''), 'Cannot apply: ' + (items.join('; ') || body.error || ''));
  }
  function showPreview(body) {
    var diff = document.getElementById('diff'), rows = document.getElementById('changes').tBodies[0], notices = document.getElementById('notices');
    diff.textContent = ''; rows.textContent = ''; notices.textContent = '';
    body.diff.forEach(function (line) { var item = document.createElement('li'); item.textContent = line; diff.appendChild(item); });
    body.changes.forEach(function (change) {
      var row = document.createElement('tr');
      row.setAttribute('data-indicator', change.indicator);
      [change.indicator, change.jurisdiction + (change.source === 'communes' ? ' (tổng hợp từ các xã)' : ''), change.period].forEach(function (text) {
        var cell = document.createElement('td'); cell.textContent = text; row.appendChild(cell);
      });
      var from = document.createElement('td'); from.className = 's-' + change.from; from.appendChild(status(change.from)); row.appendChild(from);
      var to = document.createElement('td'); to.className = 's-' + change.to; to.appendChild(status(change.to)); row.appendChild(to);
      rows.appendChild(row);
    });
    [['alerts', 'Sẽ gửi cảnh báo cho ', 'Would alert '], ['resolved', 'Sẽ báo đã cải thiện cho ', 'Would tell resolved: ']].forEach(function (kind) {
      body[kind[0]].forEach(function (notice) {
        var item = document.createElement('li');
        item.appendChild(both(kind[1] + notice.unit + ': ' + notice.indicators.join(', '), kind[2] + notice.unit + ': ' + notice.indicators.join(', ')));
        notices.appendChild(item);
      });
    });
    preview.hidden = false;
    say(body.changes.length + ' kết quả đánh giá sẽ thay đổi. Không có gì được lưu cho đến khi bấm "Áp dụng".',
      body.changes.length + ' verdict(s) would change. Nothing is stored until "Apply".');
  }
  Array.prototype.forEach.call(document.querySelectorAll('#rules-form input'), function (input) {
    input.addEventListener('input', function () {
      input.classList.toggle('changed', changed(input));
      applyButton.disabled = true;
    });
  });
  previewButton.addEventListener('click', function () {
    say('Đang xem trước…', 'Previewing…');
    post('/api/rules/preview').then(function (answer) {
      if (answer.status === 200) { showPreview(answer.body); applyButton.disabled = false; } else { showProblems(answer.body); }
    }).catch(function () { say('Không kết nối được; thử lại.', 'Could not connect; try again.'); });
  });
  applyButton.addEventListener('click', function () {
    applyButton.disabled = true;
    say('Đang áp dụng…', 'Applying…');
    post('/api/rules/apply').then(function (answer) {
      if (answer.status === 200) {
        Array.prototype.forEach.call(document.querySelectorAll('#rules-form input'), function (input) {
          input.setAttribute('data-was', input.value.trim()); input.classList.remove('changed');
        });
        say('Đã áp dụng bộ quy tắc ' + answer.body.version + '. Kết quả đánh giá đã được tính lại; Phòng LĐ-TB&XH nhận thư tóm tắt.',
          'Rules ' + answer.body.version + ' applied. Verdicts were scored again; the Labour division gets a summary.');
      } else { showProblems(answer.body); }
    }).catch(function () { say('Không kết nối được; thử lại.', 'Could not connect; try again.'); });
  });
})();
