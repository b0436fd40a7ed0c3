// Light, dark or the system's choice (prefers-color-scheme). The choice is the only thing kept in localStorage.
const key = 'attune-theme';
const order = ['system', 'light', 'dark'];

export function initTheme(toggle) {
  let theme = order.includes(localStorage.getItem(key)) ? localStorage.getItem(key) : 'system';
  const apply = () => {
    if (theme === 'system') delete document.documentElement.dataset.theme;
    else document.documentElement.dataset.theme = theme;
    toggle.textContent = `Theme: ${theme}`;
  };
  toggle.addEventListener('click', () => {
    theme = order[(order.indexOf(theme) + 1) % order.length];
    if (theme === 'system') localStorage.removeItem(key);
    else localStorage.setItem(key, theme);
    apply();
  });
  apply();
}
