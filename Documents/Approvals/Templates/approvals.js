(function () {
  'use strict';
  // The language switch is the scorecard's own script, which runs before this one.
  var root = document.documentElement;
  function lang() { return root.getAttribute('data-lang') === 'en' ? 'en' : 'vi'; }
  var token = new URLSearchParams(window.location.search).get('token') || '';
  var both = GenderPlanText.both;
  function stamp(item, approval) {
    var words = approval.state === 'approved' ? ['Đã duyệt', 'Approved'] : approval.state === 'returned' ? ['Trả lại', 'Returned'] : ['Chờ duyệt', 'Awaiting approval'];
    var when = item.querySelector('.when');
    when.textContent = '';
    var state = document.createElement('span');
    state.className = 'state ' + approval.state;
    state.appendChild(both(words[0], words[1]));
    when.appendChild(state);
    if (approval.byName) {
      when.appendChild(document.createTextNode(' · '));
      when.appendChild(both(approval.byName.vi + ', ngày ' + approval.on, approval.byName.en + ', ' + approval.on));
    }
    if (approval.reason) {
      var reason = document.createElement('p');
      reason.className = 'reason';
      reason.appendChild(both('Lý do: ', 'Reason: '));
      reason.appendChild(document.createTextNode(approval.reason));
      when.parentNode.insertBefore(reason, when.nextSibling);
    }
  }
  Array.prototype.forEach.call(document.querySelectorAll('#pending .report'), function (item) {
    var form = item.querySelector('form'), outcome = item.querySelector('.outcome');
    Array.prototype.forEach.call(form.querySelectorAll('button[data-decision]'), function (button) {
      button.addEventListener('click', function () {
        var decision = button.getAttribute('data-decision'), reason = form.querySelector('textarea').value.trim();
        outcome.textContent = '';
        if (decision === 'return' && reason === '') {
          outcome.appendChild(both('Đề nghị ghi rõ lý do trả lại báo cáo.', 'Give the reason for returning the report.'));
          return;
        }
        Array.prototype.forEach.call(form.querySelectorAll('button'), function (each) { each.disabled = true; });
        fetch('api/reports/' + encodeURIComponent(item.getAttribute('data-key')) + '/decision', {
          method: 'POST',
          headers: { 'Authorization': 'Bearer ' + token, 'Content-Type': 'application/json', 'Accept-Language': lang() },
          body: JSON.stringify({ decision: decision, reason: reason })
        }).then(function (response) {
          return response.json().then(function (body) { return { ok: response.ok, body: body }; });
        }).then(function (answer) {
          if (!answer.ok) {
            outcome.textContent = answer.body.error || '';
            Array.prototype.forEach.call(form.querySelectorAll('button'), function (each) { each.disabled = false; });
            return;
          }
          form.parentNode.removeChild(form);
          stamp(item, answer.body.approval);
          document.getElementById('decided').insertBefore(item, document.getElementById('decided').firstChild);
        }).catch(function () {
          outcome.appendChild(both('Không gửi được; đề nghị thử lại.', 'Could not send; try again.'));
          Array.prototype.forEach.call(form.querySelectorAll('button'), function (each) { each.disabled = false; });
        });
      });
    });
  });
}());
