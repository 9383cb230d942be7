/** The console's one stylesheet: system fonts, high contrast (WCAG AA and more), visible focus. */
export const CONSOLE_CSS = `
:root { color-scheme: light; --ink: #1a1a1a; --muted: #4a4a4a; --line: #c8c8c8; --accent: #0b4f8a; --bg: #fff; --soft: #f3f5f8; --ok: #0f5c2e; --bad: #8a1111; }
* { box-sizing: border-box; }
body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--ink); background: var(--bg); }
a { color: var(--accent); }
a:focus-visible, button:focus-visible, input:focus-visible, select:focus-visible { outline: 3px solid #f0b400; outline-offset: 2px; }
.skip-link { position: absolute; left: -999px; top: 0; background: var(--ink); color: #fff; padding: .5rem 1rem; }
.skip-link:focus { left: 0; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
header { background: var(--accent); color: #fff; padding: .75rem 1.5rem; display: flex; flex-wrap: wrap; gap: 1rem 2rem; align-items: center; }
header a { color: #fff; }
header .brand { font-weight: 700; font-size: 1.15rem; margin-right: auto; }
header nav ul { list-style: none; margin: 0; padding: 0; display: flex; gap: 1.25rem; }
header nav a[aria-current="page"] { font-weight: 700; text-decoration-thickness: 3px; }
header .who { font-size: .9rem; }
header form { display: inline; }
header button { background: transparent; color: #fff; border: 1px solid #fff; border-radius: 4px; padding: .2rem .6rem; cursor: pointer; font: inherit; }
main { max-width: 72rem; margin: 0 auto; padding: 1.5rem; }
h1 { margin-top: 0; font-size: 1.6rem; }
h2 { font-size: 1.25rem; margin-top: 2rem; }
fieldset { border: 1px solid var(--line); border-radius: 6px; padding: .75rem 1rem; display: flex; flex-wrap: wrap; gap: .75rem 1.5rem; align-items: end; }
label { display: block; font-weight: 600; font-size: .95rem; }
input[type="search"], input[type="text"], select { font: inherit; padding: .4rem .5rem; border: 1px solid #6b6b6b; border-radius: 4px; min-width: 12rem; }
input[type="search"] { width: min(36rem, 100%); }
button { font: inherit; padding: .4rem .9rem; border-radius: 4px; border: 1px solid var(--accent); background: var(--accent); color: #fff; cursor: pointer; }
button.secondary { background: #fff; color: var(--accent); }
button.danger { background: #fff; color: var(--bad); border-color: var(--bad); }
table { border-collapse: collapse; width: 100%; margin-top: 1rem; }
th, td { text-align: left; vertical-align: top; padding: .5rem; border-bottom: 1px solid var(--line); }
th { background: var(--soft); }
.muted { color: var(--muted); }
.notice { background: var(--soft); border-left: 4px solid var(--accent); padding: .75rem 1rem; margin: 1rem 0; }
.answer { border: 1px solid var(--line); border-radius: 6px; padding: 1rem 1.25rem; margin-top: 1rem; }
.answer h2 { margin-top: 0; }
input[type="checkbox"] { width: 1.25rem; height: 1.25rem; }
.actions { display: flex; gap: .5rem; flex-wrap: wrap; }
.bulk { margin: 1rem 0; display: flex; gap: .75rem; }
.sign-in-choices { list-style: none; padding: 0; display: flex; flex-wrap: wrap; gap: .75rem; }
.field { margin: 0 0 1rem; }
.field .hint { margin: .15rem 0; color: var(--muted); font-size: .9rem; }
.field-error { margin: .15rem 0; color: var(--bad); font-weight: 600; }
.field.invalid input, .field.invalid select, .field.invalid textarea { border: 2px solid var(--bad); }
textarea, input[type="date"], select[multiple] { font: inherit; padding: .4rem .5rem; border: 1px solid #6b6b6b; border-radius: 4px; }
textarea { width: min(48rem, 100%); }
.error-summary { border: 3px solid var(--bad); border-radius: 6px; padding: .75rem 1rem; margin: 1rem 0; }
.error-summary h2 { margin-top: 0; color: var(--bad); }
.side-by-side td { white-space: pre-wrap; width: 42%; }
.overdue { color: var(--bad); font-weight: 600; }
a.button { display: inline-block; padding: .5rem 1rem; border-radius: 4px; background: var(--accent); color: #fff; text-decoration: none; font-weight: 600; }
.export, .period { margin: 1rem 0; display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: center; }
.chart svg.bar { vertical-align: middle; margin-right: .5rem; }
.new-entry-form { display: grid; gap: .4rem; max-width: 40rem; }
.new-entry-form button { justify-self: start; margin-top: .75rem; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: .35rem 1.5rem; }
dl.facts dt { font-weight: 600; }
dl.facts dd { margin: 0; }
.settings { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fit, minmax(18rem, 1fr)); }
.settings form { border: 1px solid var(--line); border-radius: 6px; padding: .75rem 1rem; }
.request { border: 1px solid var(--line); border-radius: 6px; padding: .75rem 1rem; margin: 1rem 0; }
.request h2 { margin-top: 0; font-size: 1.1rem; }
input[type="email"] { font: inherit; padding: .4rem .5rem; border: 1px solid #6b6b6b; border-radius: 4px; min-width: 12rem; }
ul.alerts { margin: 0; padding-left: 1.1rem; }
.entry-text { white-space: pre-wrap; max-width: 48rem; }
.week-chart { margin: 1rem 0; }
`;
