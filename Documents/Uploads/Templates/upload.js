(function () {
  'use strict';
  // The language switch is the scorecard's own script, which runs before this one.
  var root = document.documentElement;
  function lang() { return root.getAttribute('data-lang') === 'en' ? 'en' : 'vi'; }

  var token = new URLSearchParams(window.location.search).get('token') || '';
  var form = document.getElementById('upload-form'), input = document.getElementById('file'), drop = document.getElementById('drop');
  var chosen = document.getElementById('chosen'), send = document.getElementById('send'), outcome = document.getElementById('outcome');
  var errors = document.getElementById('errors'), results = document.getElementById('results'), unitSelect = document.getElementById('unit');
  var statuses = {}, names = {};
  Array.prototype.forEach.call(document.querySelectorAll('#status-words li'), function (item) {
    statuses[item.getAttribute('data-word')] = { symbol: item.getAttribute('data-symbol'), vi: item.getAttribute('data-vi'), en: item.getAttribute('data-en') };
  });
  Array.prototype.forEach.call(document.querySelectorAll('#indicator-names li'), function (item) {
    names[item.getAttribute('data-code')] = { vi: item.getAttribute('data-vi'), en: item.getAttribute('data-en') };
  });

  var both = GenderPlanText.both;
  function say(state, vi, en) {
    outcome.setAttribute('data-state', state);
    outcome.textContent = '';
    outcome.appendChild(both(vi, en));
  }
  function cell(row, content) {
    var td = document.createElement('td');
    if (typeof content === 'string') { td.textContent = content; } else if (content) { td.appendChild(content); }
    row.appendChild(td);
    return td;
  }
  function number(value) {
    if (value === null || value === undefined) { return both('–', '–'); }
    return both(Number(value).toLocaleString('vi-VN', { maximumFractionDigits: 4 }), Number(value).toLocaleString('en-GB', { maximumFractionDigits: 4 }));
  }
  function clear() {
    errors.hidden = true; results.hidden = true;
    errors.tBodies[0].textContent = ''; results.tBodies[0].textContent = '';
  }
  function showErrors(list) {
    var body = errors.tBodies[0];
    body.textContent = '';
    (list || []).forEach(function (error) {
      var row = document.createElement('tr');
      row.setAttribute('data-row', error.row === null || error.row === undefined ? '' : String(error.row));
      cell(row, error.row === null || error.row === undefined ? '–' : String(error.row));
      cell(row, error.column || '–');
      cell(row, error.indicator || '–');
      cell(row, error.message);
      body.appendChild(row);
    });
    errors.hidden = body.rows.length === 0;
  }
  function showResults(list) {
    var body = results.tBodies[0];
    body.textContent = '';
    (list || []).forEach(function (result) {
      var row = document.createElement('tr');
      row.setAttribute('data-indicator', result.indicator);
      row.setAttribute('data-status', result.status);
      var name = names[result.indicator];
      var th = document.createElement('th');
      th.setAttribute('scope', 'row');
      th.textContent = result.indicator + ' ';
      if (name) { th.appendChild(both(name.vi, name.en)); }
      row.appendChild(th);
      var status = statuses[result.status] || { symbol: '', vi: result.status, en: result.status };
      var td = cell(row, both(status.symbol + ' ' + status.vi, status.symbol + ' ' + status.en));
      td.className = 'status s-' + result.status;
      // The value as officials write it ("66,7%", "Kiêm nhiệm"), as the server worded it; a bare number only if it did not.
      cell(row, result.display ? both(result.display.vi, result.display.en) : number(result.value));
      cell(row, both(result.explanation ? result.explanation.vi : '', result.explanation ? result.explanation.en : ''));
      body.appendChild(row);
    });
    results.hidden = body.rows.length === 0;
  }

  function poll(id, started) {
    fetch('/api/uploads/' + encodeURIComponent(id), { headers: { 'Authorization': 'Bearer ' + token, 'Accept-Language': lang() } })
      .then(function (response) { return response.json().then(function (body) { return { status: response.status, body: body }; }); })
      .then(function (answer) {
        if (answer.status !== 200) { say('refused', answer.body.error || 'Lỗi', answer.body.error || 'Error'); return; }
        if (answer.body.status === 'scored') {
          say('scored', 'Đã chấm điểm: kết quả từng chỉ tiêu ở bảng dưới.', 'Scored: each indicator\'s result is below.');
          showResults(answer.body.results);
        } else if (answer.body.status === 'rejected') {
          say('rejected', 'Báo cáo bị từ chối, không có kết quả nào được lưu. Sửa các lỗi dưới đây rồi gửi lại.', 'The report was rejected and nothing was stored. Fix the problems below and send it again.');
          showErrors(answer.body.errors);
        } else if (Date.now() - started < 10 * 60 * 1000) {
          setTimeout(function () { poll(id, started); }, 1000);
        } else {
          say('queued', 'Đã nhận. Việc chấm điểm đang chậm; kết quả sẽ có trên bảng theo dõi và trong thư điện tử.', 'Received. Scoring is taking a while; the results will be on the scorecard and in the emails.');
        }
      })
      .catch(function () { setTimeout(function () { poll(id, started); }, 3000); });
  }

  function showChosen() {
    var file = input.files && input.files[0];
    chosen.textContent = '';
    if (file) { chosen.appendChild(both('Tệp đã chọn: ' + file.name, 'Chosen file: ' + file.name)); }
  }
  input.addEventListener('change', showChosen);
  ['dragenter', 'dragover'].forEach(function (type) {
    drop.addEventListener(type, function (event) { event.preventDefault(); drop.classList.add('over'); });
  });
  ['dragleave', 'drop'].forEach(function (type) {
    drop.addEventListener(type, function () { drop.classList.remove('over'); });
  });
  drop.addEventListener('drop', function (event) {
    event.preventDefault();
    if (event.dataTransfer && event.dataTransfer.files.length > 0) { input.files = event.dataTransfer.files; showChosen(); }
  });

  form.addEventListener('submit', function (event) {
    event.preventDefault();
    clear();
    var file = input.files && input.files[0];
    if (!file) { say('refused', 'Chưa chọn tệp báo cáo.', 'No file chosen.'); input.focus(); return; }
    var unit = unitSelect ? unitSelect.value : form.getAttribute('data-unit');
    var data = new FormData();
    data.append('file', file, file.name);
    send.disabled = true;
    say('sending', 'Đang gửi ' + file.name + '…', 'Sending ' + file.name + '…');
    fetch('/api/reports?unit=' + encodeURIComponent(unit), { method: 'POST', headers: { 'Authorization': 'Bearer ' + token, 'Accept-Language': lang() }, body: data })
      .then(function (response) { return response.json().then(function (body) { return { status: response.status, body: body }; }); })
      .then(function (answer) {
        send.disabled = false;
        if (answer.status === 202) {
          var body = answer.body;
          say('queued',
            'Đã nhận báo cáo ' + body.period + ' của ' + body.jurisdictionName + ' (' + body.indicators + ' chỉ tiêu). Đang chấm điểm…',
            'Received the ' + body.period + ' report of ' + body.jurisdictionName + ' (' + body.indicators + ' indicators). Scoring…');
          poll(body.upload, Date.now());
        } else if (answer.status === 422) {
          say('rejected', 'Tệp chưa đúng, chưa lưu gì. Sửa các lỗi dưới đây rồi gửi lại.', 'The file is not right and nothing was stored. Fix the problems below and send it again.');
          showErrors(answer.body.errors);
        } else {
          say('refused', answer.body.error || String(answer.status), answer.body.error || String(answer.status));
        }
      })
      .catch(function () {
        send.disabled = false;
        say('refused', 'Không gửi được: kiểm tra kết nối mạng rồi thử lại.', 'Could not send: check the connection and try again.');
      });
  });
})();
