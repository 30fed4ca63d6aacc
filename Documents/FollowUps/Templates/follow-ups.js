(function () {
  'use strict';
  // The language switch is the scorecard's own script, which runs before this one.
  var token = new URLSearchParams(window.location.search).get('token') || '';
  var both = GenderPlanText.both;
  function say(outcome, state, vi, en) {
    outcome.setAttribute('data-state', state);
    outcome.textContent = '';
    outcome.appendChild(both(vi, en));
  }
  function shown(date) { var parts = date.split('-'); return parts.length === 3 ? parts[2] + '/' + parts[1] + '/' + parts[0] : date; }

  Array.prototype.forEach.call(document.querySelectorAll('form.answer'), function (form) {
    var article = form.closest('article'), outcome = form.querySelector('.outcome');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var action = form.elements.action.value.trim(), expectedBy = form.elements.expectedBy.value;
      if (!action) { say(outcome, 'refused', 'Đề nghị ghi biện pháp khắc phục.', 'Write the action your unit will take.'); form.elements.action.focus(); return; }
      if (!expectedBy) { say(outcome, 'refused', 'Đề nghị chọn ngày dự kiến có kết quả.', 'Choose the date a result is expected.'); form.elements.expectedBy.focus(); return; }
      say(outcome, 'sending', 'Đang gửi…', 'Sending…');
      fetch('/api/follow-ups/' + encodeURIComponent(article.getAttribute('data-id')), {
        method: 'POST',
        headers: { 'Authorization': 'Bearer ' + token, 'Content-Type': 'application/json' },
        body: JSON.stringify({ action: action, expectedBy: expectedBy })
      }).then(function (response) {
        return response.json().then(function (body) { return { status: response.status, body: body }; }, function () { return { status: response.status, body: {} }; });
      }).then(function (answer) {
        if (answer.status === 200) {
          var saved = answer.body;
          article.setAttribute('data-state', saved.state);
          var label = article.querySelector('.state-label');
          label.textContent = '';
          label.appendChild(both(saved.stateLabel.vi, saved.stateLabel.en));
          var line = article.querySelector('.action');
          line.hidden = false;
          line.querySelector('.action-text').textContent = saved.action;
          line.querySelector('.expected-text').textContent = shown(saved.expectedBy);
          say(outcome, 'saved', 'Đã ghi nhận phản hồi của đơn vị.', 'Your answer is recorded.');
        } else {
          var message = (answer.body && answer.body.error) || '';
          say(outcome, 'refused', message || ('Không gửi được (mã ' + answer.status + ').'), message || ('Not sent (status ' + answer.status + ').'));
        }
      }, function () {
        say(outcome, 'refused', 'Không kết nối được máy chủ; đề nghị thử lại.', 'The server could not be reached; please try again.');
      });
    });
  });

  Array.prototype.forEach.call(document.querySelectorAll('form.close'), function (form) {
    var article = form.closest('article'), outcome = form.querySelector('.outcome');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      var reason = form.elements.reason.value.trim();
      if (!reason) { say(outcome, 'refused', 'Đề nghị ghi lý do kết thúc theo dõi.', 'Write the reason for closing the case.'); form.elements.reason.focus(); return; }
      say(outcome, 'sending', 'Đang gửi…', 'Sending…');
      fetch('/api/follow-ups/' + encodeURIComponent(article.getAttribute('data-id')), {
        method: 'POST',
        headers: { 'Authorization': 'Bearer ' + token, 'Content-Type': 'application/json' },
        body: JSON.stringify({ close: true, reason: reason })
      }).then(function (response) {
        return response.json().then(function (body) { return { status: response.status, body: body }; }, function () { return { status: response.status, body: {} }; });
      }).then(function (answer) {
        if (answer.status === 200) {
          article.setAttribute('data-state', answer.body.state);
          var label = article.querySelector('.state-label');
          label.textContent = '';
          label.appendChild(both(answer.body.stateLabel.vi, answer.body.stateLabel.en));
          Array.prototype.forEach.call(article.querySelectorAll('form.answer button, form.close button'), function (button) { button.disabled = true; });
          say(outcome, 'saved', 'Đã kết thúc theo dõi.', 'The case is closed.');
        } else {
          var message = (answer.body && answer.body.error) || '';
          say(outcome, 'refused', message || ('Không gửi được (mã ' + answer.status + ').'), message || ('Not sent (status ' + answer.status + ').'));
        }
      }, function () {
        say(outcome, 'refused', 'Không kết nối được máy chủ; đề nghị thử lại.', 'The server could not be reached; please try again.');
      });
    });
  });
}());
