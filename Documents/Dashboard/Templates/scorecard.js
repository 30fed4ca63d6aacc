(function () {
  var root = document.documentElement, button = document.getElementById('lang');
  function use(language) {
    root.setAttribute('data-lang', language);
    root.setAttribute('lang', language);
    button.setAttribute('aria-pressed', language === 'en' ? 'true' : 'false');
    try { localStorage.setItem('genderplan-lang', language); } catch (e) { }
  }
  var saved = null;
  try { saved = localStorage.getItem('genderplan-lang'); } catch (e) { }
  if (saved === 'vi' || saved === 'en') { use(saved); }
  button.addEventListener('click', function () { use(root.getAttribute('data-lang') === 'vi' ? 'en' : 'vi'); });
})();
(function () {
  // The period choice: each option is the address of that period's page (a query live, a file in the static site).
  Array.prototype.forEach.call(document.querySelectorAll('select.period-choice'), function (select) {
    select.addEventListener('change', function () { if (select.value) { window.location.href = select.value; } });
  });
})();
