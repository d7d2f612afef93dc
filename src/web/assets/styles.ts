// Stylesheet /assets/app.css: plain CSS, no web fonts (the network may be closed); the font stack ends in CJK
// fonts found on Windows, macOS and Debian (fonts-wqy-microhei) so Chinese never falls back to boxes.
export const APP_CSS = `
:root {
  --ink: #1f2933; --muted: #52606d; --line: #d9e2ec; --bg: #f4f6f9; --card: #fff;
  --accent: #0b5cad; --accent-weak: #e8f1fb;
  --amt-ink: #9a3412; --amt-bg: #fff1d6; --dept-ink: #0f5132; --dept-bg: #e3f4ea;
  --lead-ink: #fff; --lead-bg: #0f5132;
  --header-h: 3.5rem; --ask-h: 6rem;
}
*, *::before, *::after { box-sizing: border-box; }
[hidden] { display: none !important; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; color: var(--ink); background: var(--bg); line-height: 1.7; font-size: 15px;
  font-family: system-ui, -apple-system, "Segoe UI", "PingFang SC", "Hiragino Sans GB", "Microsoft YaHei",
    "WenQuanYi Micro Hei", "Noto Sans CJK SC", "Source Han Sans SC", sans-serif;
  overflow-wrap: anywhere;
}
h1, h2, h3, h4 { line-height: 1.35; margin: 0; }
h2 { font-size: 1.15rem; }
h3 { font-size: 1rem; }
h4 { font-size: .9rem; color: var(--muted); font-weight: 600; margin: .5rem 0 .25rem; }
button, input, textarea { font: inherit; color: inherit; }
button { cursor: pointer; }
:focus-visible { outline: 3px solid #f59e0b; outline-offset: 2px; }
.sr-only { position: absolute; width: 1px; height: 1px; padding: 0; margin: -1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; border: 0; }
.skip { position: absolute; top: 0; left: 0; transform: translateY(-120%); background: var(--accent); color: #fff; padding: .5rem 1rem; z-index: 10; }
.skip:focus { transform: none; }
.print-only { display: none; }
.meta, .hint, .note { color: var(--muted); font-size: .875rem; margin: .25rem 0; }
.note.error { color: #b42318; }

/* Header and tabs: stay in view so every view is one click away during a call. */
.top {
  position: sticky; top: 0; z-index: 5; background: #123a63; color: #fff;
  display: flex; align-items: center; justify-content: space-between; gap: .5rem 1.5rem; flex-wrap: wrap;
  padding: .5rem 1rem;
}
.top h1 { font-size: 1.1rem; }
.top .sub { margin: 0; font-size: .8rem; opacity: .8; }
.tabs { display: flex; gap: .25rem; max-width: 100%; overflow-x: auto; }
.tabs [role=tab] {
  border: 0; background: transparent; color: #dbe7f3; padding: .4rem .8rem; border-radius: 6px; white-space: nowrap;
}
.tabs [role=tab]:hover { background: rgb(255 255 255 / .1); }
.tabs [role=tab][aria-selected=true] { background: #fff; color: #123a63; font-weight: 700; }
.doc-scope { display: flex; align-items: center; gap: .4rem; font-size: .85rem; min-width: 0; max-width: 100%; }
.doc-scope select {
  min-width: 0; max-width: min(24rem, 100%); border: 0; border-radius: 6px; padding: .25rem .4rem; background: #fff; color: var(--ink); font-size: .85rem;
}

main { max-width: 1200px; margin: 0 auto; padding: 1rem; }
.panel-head { display: flex; align-items: center; gap: .75rem; flex-wrap: wrap; margin-bottom: .5rem; }
.panel-head h2 { margin-right: auto; }
button.secondary, .chip {
  border: 1px solid var(--line); background: var(--card); border-radius: 999px; padding: .2rem .8rem; font-size: .875rem;
}
button.secondary:hover, .chip:hover { border-color: var(--accent); color: var(--accent); }

/* Highlights: figures and departments are what a caller asks about, so they stand out in every text. */
/* A figure never breaks across lines (1000万 / 元): it is read out as one. */
.amt { font-weight: 700; color: var(--amt-ink); background: var(--amt-bg); border-radius: 3px; padding: 0 .15em; white-space: nowrap; }
.dept { color: var(--dept-ink); background: var(--dept-bg); border-radius: 3px; padding: 0 .15em; }
mark { background: #ffe27a; color: inherit; border-radius: 2px; padding: 0 .1em; }
a.cite, a.link { color: var(--accent); text-decoration: underline; text-underline-offset: 3px; }
a.cite:hover, a.link:hover { color: #083f78; }
/* Documents: a short title in running text; a policy that no longer applies is marked wherever it is named. */
.doc-tag { color: var(--muted); font-size: .85rem; }
.doc-status { display: inline-block; margin-left: .3em; padding: 0 .35em; border-radius: 4px; font-size: .75rem; font-weight: 700; color: #fff; background: #b42318; white-space: nowrap; }
.doc-status.repealed { background: #6b2a9b; }
.doc-warning { margin: .2rem 0 .4rem; padding: .25rem .6rem; border-left: 4px solid #b42318; background: #fdecea; color: #7a1a11; font-size: .9rem; }
.badge { display: inline-block; font-size: .75rem; color: var(--muted); border: 1px solid var(--line); border-radius: 4px; padding: 0 .35em; margin-left: .4em; }

/* Chat */
.chat { max-width: 920px; margin: 0 auto; }
.chat-log { display: flex; flex-direction: column; gap: 1rem; padding-bottom: .5rem; }
.turn { display: flex; flex-direction: column; gap: .5rem; scroll-margin-bottom: calc(var(--ask-h) + 1rem); }
.msg { max-width: 100%; border-radius: 10px; padding: .6rem .9rem; }
.msg.user { align-self: flex-end; max-width: 85%; background: var(--accent); color: #fff; }
.msg.bot { align-self: stretch; background: var(--card); border: 1px solid var(--line); }
.msg.bot[data-intent=out_of_scope] { border-left: 4px solid #d97706; }
/* Keeps the answer's first line (who to transfer to) clear of the sticky header when it is scrolled to. */
.msg.bot { scroll-margin-top: calc(var(--header-h) + 1rem); }
.turn.expired { opacity: .55; }
.notice { margin: 0; padding: .3rem .75rem; border-radius: 6px; background: #fff7d6; color: #7c4a03; font-size: .875rem; text-align: center; }
.answer p { margin: .2rem 0; }

/* The department to transfer to: its own line and its own look (solid, not the light pill of a mention). */
.transfer {
  display: flex; flex-wrap: wrap; align-items: center; gap: .2rem .6rem; margin: -.1rem 0 .4rem; padding: .3rem .4rem .3rem .7rem;
  border-radius: 6px; background: var(--lead-bg); color: var(--lead-ink); font-size: 1.05rem; line-height: 1.5;
}
.transfer-label { opacity: .85; }
.transfer-to { font-weight: 700; margin-right: auto; }
.transfer .copy-dept { border: 1px solid rgb(255 255 255 / .7); background: transparent; color: #fff; border-radius: 6px; padding: 0 .6rem; font-size: .85rem; }
.transfer .copy-dept:hover { background: rgb(255 255 255 / .15); }
details.support { margin: 0 0 .4rem; font-size: .875rem; color: var(--muted); }
details.support summary { cursor: pointer; width: max-content; max-width: 100%; }
details.support p { margin: .2rem 0 0; color: var(--ink); }
.options { display: flex; flex-wrap: wrap; gap: .4rem; align-items: center; margin-top: .5rem; }
.answer p.source { color: var(--muted); font-size: .9rem; }
.answer-tools { display: flex; flex-wrap: wrap; align-items: center; gap: .4rem .8rem; margin-top: .5rem; padding-top: .5rem; border-top: 1px dashed var(--line); }
.answer-tools .copy { margin-left: auto; border: 1px solid var(--accent); color: var(--accent); background: var(--card); border-radius: 6px; padding: .15rem .7rem; }
.answer-tools .copy:hover { background: var(--accent-weak); }
.tools-label { color: var(--muted); font-size: .85rem; }
.manual-copy { width: 100%; margin-top: .5rem; }
.suggestions { display: flex; flex-wrap: wrap; gap: .5rem; align-items: center; margin: .75rem 0; }
.ask-bar { position: sticky; bottom: 0; background: var(--bg); padding: .6rem 0 .4rem; }
.ask { display: flex; gap: .5rem; align-items: center; }
.keys-help { margin: .3rem 0 0; font-size: .75rem; color: var(--muted); }
.keys-help kbd { font: inherit; font-family: ui-monospace, monospace; padding: 0 .3em; border: 1px solid var(--line); border-bottom-width: 2px; border-radius: 4px; background: var(--card); }
/* Without a keyboard there are no shortcuts to show. */
@media (hover: none) and (pointer: coarse) { .keys-help { display: none; } }
.ask input:focus-visible, .filter input:focus-visible { outline: 2px solid var(--accent); outline-offset: 1px; }
.ask input { flex: 1; min-width: 0; border: 1px solid #9aa5b1; border-radius: 8px; padding: .55rem .75rem; background: #fff; }
.ask button[type=submit] { border: 0; background: var(--accent); color: #fff; border-radius: 8px; padding: .55rem 1.2rem; font-weight: 600; }
.ask button[type=submit]:disabled { opacity: .6; cursor: progress; }
#panel-search .ask { margin-bottom: .75rem; }

/* Clause browser */
.browser { display: grid; grid-template-columns: minmax(240px, 320px) minmax(0, 1fr); gap: 1rem; align-items: start; }
.clause-nav {
  position: sticky; top: calc(var(--header-h) + 1rem); max-height: calc(100vh - var(--header-h) - 2rem); overflow: auto;
  background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: .5rem;
}
.clause-nav h3, .clause-nav h4 { font-size: .85rem; color: var(--muted); margin: .6rem .4rem .2rem; }
.clause-nav h3.doc-head { font-size: .9rem; color: var(--ink); border-bottom: 1px solid var(--line); padding-bottom: .2rem; }
.clause-nav h3.doc-head .doc-tag { color: inherit; font-size: inherit; }
.clause-nav ul { list-style: none; margin: 0; padding: 0; }
.nav-item { width: 100%; text-align: left; border: 0; background: none; padding: .3rem .5rem; border-radius: 6px; font-size: .9rem; }
.nav-item:hover { background: var(--accent-weak); }
.nav-item[aria-current] { background: var(--accent); color: #fff; }
.clause-detail, .drawer-body .clause { min-width: 0; }
.clause-detail { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 1rem 1.25rem; }
#clause-heading { scroll-margin-top: 7rem; }
.clause-text { margin: .75rem 0; text-align: justify; }
.sentence.cited { background: #eaf2ff; box-shadow: inset 0 -2px 0 #7aa7e0; }
.dept-note { font-size: .85rem; color: var(--muted); }
.depts { display: grid; grid-template-columns: auto 1fr; gap: .4rem .75rem; margin: 1rem 0 0; }
.depts dt { font-weight: 700; }
.depts dd { margin: 0; }
.chips { list-style: none; display: flex; flex-wrap: wrap; gap: .35rem; margin: 0; padding: 0; }
.chips li { border-radius: 999px; padding: 0 .6rem; font-size: .85rem; background: var(--dept-bg); color: var(--dept-ink); }
.chips li.lead { font-weight: 700; border: 1px solid var(--dept-ink); }

/* Tables */
table { width: 100%; border-collapse: collapse; background: var(--card); font-size: .9rem; }
caption { text-align: left; font-weight: 700; padding: .5rem 0; }
th, td { border-bottom: 1px solid var(--line); padding: .45rem .6rem; text-align: left; vertical-align: top; }
th { background: #eef2f6; font-weight: 700; white-space: nowrap; }
th[aria-sort] button.sort { border: 0; background: none; font-weight: 700; padding: 0; display: inline-flex; gap: .3rem; align-items: center; }
th[aria-sort=ascending], th[aria-sort=descending] { color: var(--accent); }
.arrow { font-size: .75rem; }
td.num { white-space: nowrap; }
td .form { display: block; font-size: .75rem; color: var(--muted); }
td.lead { color: var(--dept-ink); font-weight: 700; }
#funding-table { border: 1px solid var(--line); border-radius: 8px; overflow: hidden; }

/* 文件: the library, and adding a file after a dry run */
#files-table { border: 1px solid var(--line); border-radius: 8px; overflow: auto; }
table.files td .meta { display: block; font-size: .8rem; }
.file-title { font-weight: 700; }
.doc-status.active { background: #1a7f37; }
details.admin { margin-top: 1.25rem; background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: .6rem 1rem; }
details.admin summary { cursor: pointer; font-weight: 700; }
form.match-form { display: flex; flex-wrap: wrap; align-items: flex-end; gap: .75rem 1rem; margin: .5rem 0; }
form.match-form .field { display: flex; flex-direction: column; gap: .2rem; min-width: 0; flex: 1 1 12rem; }
form.match-form .field.wide { flex-basis: 100%; }
form.match-form .field.check { flex-direction: row; align-items: center; gap: .4rem; flex: 0 1 auto; }
form.match-form input[type=text], form.match-form select, form.match-form textarea { border: 1px solid #9aa5b1; border-radius: 8px; padding: .45rem .7rem; font: inherit; min-width: 0; }
.status { display: inline-block; padding: 0 .45rem; border-radius: 6px; font-weight: 700; white-space: nowrap; }
.status.eligible { background: #e3f4e8; color: #185c2e; }
.status.needs-info { background: #fff3d6; color: #6b4a00; }
.status.not-eligible { background: #f1f3f5; color: #4a5560; }
.computation { margin: .2rem 0 0; font-size: .85rem; color: #4a5560; overflow-wrap: anywhere; }
.total, .ask-next { font-weight: 700; }
form.upload { display: flex; flex-wrap: wrap; align-items: flex-end; gap: .75rem 1rem; margin: .75rem 0 .25rem; }
form.upload .field { display: flex; flex-direction: column; gap: .2rem; min-width: 0; flex: 1 1 14rem; }
form.upload input[type=password] { border: 1px solid #9aa5b1; border-radius: 8px; padding: .45rem .7rem; }
.report { border-top: 1px solid var(--line); margin-top: .75rem; padding-top: .5rem; }
.report h3 { margin: .25rem 0; font-size: 1rem; overflow-wrap: anywhere; }
.report-facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .2rem 1rem; margin: .5rem 0; }
.report-facts dt { color: var(--muted); }
.report-facts dd { margin: 0; overflow-wrap: anywhere; }
.warnings { background: #fff7d6; border-radius: 6px; padding: .4rem .8rem; }
.warnings h4 { margin: .2rem 0; font-size: .9rem; }
.warnings ul { margin: .2rem 0; padding-left: 1.2rem; font-size: .875rem; }
.actions { display: flex; gap: .5rem; margin-top: .75rem; }
.note.ok { color: #1a7f37; }
button.danger { color: #b42318; border-color: #e4b4ae; }
button.danger[data-confirm=true] { background: #b42318; color: #fff; }

/* Departments */
.filter { display: flex; flex-wrap: wrap; align-items: center; gap: .5rem; margin-bottom: 1rem; }
.filter input { flex: 1 1 16rem; min-width: 0; border: 1px solid #9aa5b1; border-radius: 8px; padding: .45rem .7rem; background: #fff; }
.dept-list { display: grid; grid-template-columns: repeat(auto-fill, minmax(min(100%, 320px), 1fr)); gap: 1rem; }
.dept-card { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: .8rem 1rem; }
.clause-list { margin: 0; padding-left: 1.1rem; font-size: .9rem; }
.clause-list li.match { background: #fff7d6; }
.dept-card .aliases { margin: .1rem 0 0; font-size: .8rem; color: var(--muted); }

/* Search */
.hits { padding-left: 1.4rem; }
.hit { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: .6rem .9rem; margin-bottom: .75rem; }
.hit p { margin: .3rem 0 0; }
.hit-sentence + .hit-sentence { border-top: 1px dashed var(--line); padding-top: .3rem; }

/* Clause drawer: a side panel on wide screens, full screen on phones. */
dialog.drawer {
  margin: 0 0 0 auto; inset: 0 0 0 auto; padding: 0; border: 0; width: min(680px, 100vw); max-width: 100vw;
  height: 100vh; height: 100dvh; max-height: none; background: var(--card); color: var(--ink); box-shadow: -8px 0 24px rgb(0 0 0 / .2);
}
dialog.drawer[open] { display: flex; flex-direction: column; }
dialog.drawer::backdrop { background: rgb(15 23 42 / .45); }
.drawer-head { display: flex; align-items: center; gap: 1rem; justify-content: space-between; padding: .75rem 1rem; border-bottom: 1px solid var(--line); }
.drawer-head .close { border: 0; background: none; font-size: 1.6rem; line-height: 1; padding: .2rem .5rem; border-radius: 6px; }
.drawer-head .close:hover { background: var(--bg); }
.drawer-body { overflow: auto; padding: 1rem 1.25rem; flex: 1; }

.copy-buffer { position: fixed; top: 0; left: 0; width: 1px; height: 1px; opacity: 0; pointer-events: none; }

/* Phones: one column; tables become one card per row, the sortable headers stay as buttons above them. */
@media screen and (max-width: 760px) {
  .browser { grid-template-columns: minmax(0, 1fr); }
  .clause-nav { position: static; max-height: 40vh; }
}
@media screen and (max-width: 640px) {
  body { font-size: 15px; }
  main { padding: .75rem; }
  .top { padding: .5rem .75rem; }
  .top .sub { display: none; }
  .tabs { flex-wrap: wrap; }
  .tabs [role=tab] { padding: .35rem .55rem; }
  .msg.user { max-width: 92%; }
  .clause-detail { padding: .75rem; }
  table.cards, table.cards tbody, table.cards tr, table.cards td { display: block; width: 100%; }
  table.cards thead { display: block; }
  table.cards thead tr { display: flex; flex-wrap: wrap; gap: .5rem; padding: .5rem; background: #eef2f6; }
  table.cards thead th { border: 0; padding: 0; background: none; }
  table.cards thead th button.sort { border: 1px solid var(--line); border-radius: 999px; padding: .1rem .7rem; background: #fff; }
  table.cards thead th:not([aria-sort]) { display: none; }
  table.facts thead { display: none; }
  /* A block table leaves its caption a table-caption box as narrow as a glyph: 本条数据 stood one character a line. */
  table.cards caption { display: block; }
  table.cards tr { border-bottom: 1px solid var(--line); padding: .4rem .6rem; }
  table.cards td { border: 0; padding: .1rem 0; white-space: normal; }
  table.cards td::before { content: attr(data-label) "："; color: var(--muted); font-size: .8rem; }
  table.cards td.lead::before { font-weight: 400; }
  td .form { display: inline; margin-left: .4em; }
}
`;
