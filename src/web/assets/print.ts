// Stylesheet /assets/print.css (media="print"): print the open view — typically 资金一览 — as a plain table on
// A4, without navigation, buttons or colour fills.
export const PRINT_CSS = `
@page { size: A4; margin: 14mm 12mm; }
body { background: #fff; color: #000; font-size: 10.5pt; line-height: 1.5; }
.top, .skip, .panel-head button, .ask, .match-form, .suggestions, .answer-tools, .filter, .clause-nav, .hint, dialog, #status { display: none !important; }
main { max-width: none; padding: 0; }
.print-only { display: block; margin: 0 0 6pt; font-weight: 700; }
.panel-head { margin-bottom: 4pt; }
#funding-table, .clause-detail, .dept-card, .hit, .msg.bot { border: 0; padding: 0; }
table { font-size: 10pt; }
th, td { border: 1px solid #777; padding: 3pt 5pt; }
th { background: none; }
thead { display: table-header-group; }
tr, .dept-card, .hit, .turn { break-inside: avoid; }
.arrow { display: none; }
a.link, a.cite, button.sort { color: #000; text-decoration: none; font-weight: inherit; }
.amt, .dept, mark, .sentence.cited { background: none; color: #000; box-shadow: none; }
.amt { font-weight: 700; }
.msg.user { background: none; color: #000; border: 1px solid #777; }
`;
