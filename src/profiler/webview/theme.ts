import { DEFAULT_THEME, type ThemeColors } from '../flame/palette';

/** Reads the VS Code theme from the CSS variables and body classes VS Code sets on webviews. */
export function readTheme(doc: Document): ThemeColors {
  const style = getComputedStyle(doc.documentElement);
  const v = (name: string, fallback: string): string => style.getPropertyValue(name).trim() || fallback;
  const cls = doc.body.classList;
  const kind: ThemeColors['kind'] = cls.contains('vscode-high-contrast-light') ? 'high-contrast-light'
    : cls.contains('vscode-high-contrast') ? 'high-contrast'
      : cls.contains('vscode-light') ? 'light' : 'dark';
  const light = kind === 'light' || kind === 'high-contrast-light';
  return {
    kind,
    background: v('--vscode-editor-background', light ? '#ffffff' : DEFAULT_THEME.background),
    foreground: v('--vscode-editor-foreground', light ? '#333333' : DEFAULT_THEME.foreground),
    focus: v('--vscode-focusBorder', DEFAULT_THEME.focus),
    red: v('--vscode-charts-red', DEFAULT_THEME.red),
    blue: v('--vscode-charts-blue', DEFAULT_THEME.blue),
    purple: v('--vscode-charts-purple', DEFAULT_THEME.purple),
  };
}

/** Calls `onChange` when VS Code switches theme (it changes the body's classes). */
export function watchTheme(doc: Document, onChange: () => void): void {
  new MutationObserver(onChange).observe(doc.body, { attributes: true, attributeFilter: ['class'] });
}
