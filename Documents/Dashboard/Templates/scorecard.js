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
