// Browser module /assets/text.js: pure text helpers (highlight marks, clause references, sorting, the phone script).
// No DOM here, so text.test.ts can import the same string in Node and test it without a browser.
// Served as written: no backticks or "${" in the JS below (it sits inside a template literal).
export const TEXT_JS = String.raw`
/** Figures as clauses write them: 50万元, 300万, 1000亿元, 7%, 1:1 (ASCII, full-width or ratio colon). */
export const AMOUNT_RE = /\d+(?:\.\d+)?(?:亿元|万元|元|亿|万|%|％)|\d+[:：∶]\d+/g;

/** The way the policy names a clause, with its own label as written: （十四）「优化创新创业生态」, 第九条, 4.「…」. */
export function clauseRef(label, title) {
  return label + (title ? '「' + title + '」' : '');
}

/**
 * Split text into runs for highlighting. Each rule is { kind, re?, terms?, data? }: a regex and/or literal terms;
 * data(term) attaches a payload (e.g. the citation a reference opens). Overlaps resolve to the earliest start,
 * then the longest match, then the earlier rule, so "第（十四）条「…」" is never cut by a name inside it.
 */
export function segments(text, rules) {
  const found = [];
  rules.forEach(function (rule, order) {
    if (rule.re) {
      const flags = rule.re.flags.indexOf('g') === -1 ? rule.re.flags + 'g' : rule.re.flags;
      const re = new RegExp(rule.re.source, flags);
      let m;
      while ((m = re.exec(text)) !== null) {
        if (!m[0]) { re.lastIndex++; continue; }
        found.push({ start: m.index, end: m.index + m[0].length, kind: rule.kind, order: order });
      }
    }
    for (const term of rule.terms || []) {
      if (!term) continue;
      for (let i = text.indexOf(term); i !== -1; i = text.indexOf(term, i + term.length)) {
        found.push({ start: i, end: i + term.length, kind: rule.kind, order: order, data: rule.data ? rule.data(term) : undefined });
      }
    }
  });
  found.sort(function (a, b) { return a.start - b.start || (b.end - b.start) - (a.end - a.start) || a.order - b.order; });
  const out = [];
  let at = 0;
  for (const f of found) {
    if (f.start < at) continue;
    if (f.start > at) out.push({ text: text.slice(at, f.start) });
    out.push({ text: text.slice(f.start, f.end), kind: f.kind, data: f.data });
    at = f.end;
  }
  if (at < text.length) out.push({ text: text.slice(at) });
  return out;
}

/**
 * Money in the unit style the document mostly writes: 300万 → 300万元 (clause 27 once drops the 元). Anything else
 * (7%, 1:1, 1000万元) is returned as it is.
 */
export function unitStyle(display) {
  return /^\d+(?:\.\d+)?[万亿]$/.test(display) ? display + '元' : display;
}

/** An answer with its money facts, and their mentions in its text, in the one unit style (see unitStyle). */
export function withUnitStyle(answer) {
  const money = (answer.facts || []).filter(function (f) { return f.type === 'amount' && f.kind === 'money'; });
  let text = String(answer.answer || '');
  for (const f of money) {
    if (unitStyle(f.display) === f.display) continue;
    const bare = f.display.replace(/[.]/g, '\\.');
    // Not inside a longer figure (1300万) and not already followed by a unit (300万元, 300万亿).
    text = text.replace(new RegExp('(?<![\\d.])' + bare + '(?![元万亿\\d])', 'g'), unitStyle(f.display));
  }
  const facts = (answer.facts || []).map(function (f) {
    return money.indexOf(f) === -1 ? f : Object.assign({}, f, { display: unitStyle(f.display) });
  });
  return Object.assign({}, answer, { answer: text, facts: facts });
}

/**
 * The example topics and questions of a fixed reply (clarify, greeting, out of scope), so the console can offer
 * them as buttons: "…？例如：A、B。" gives A and B, "您可以这样问：Q" and "· Q" lines give Q. lines: what is left
 * to show as text.
 */
export function replyOptions(text) {
  const lines = [];
  const options = [];
  const add = function (o) { o = o.trim(); if (o && options.indexOf(o) === -1) options.push(o); };
  for (const raw of String(text || '').split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    if (line.indexOf('· ') === 0) { add(line.slice(2)); continue; }
    const ask = /^您可以(?:这样)?问[：:](.*)$/.exec(line);
    if (ask) { add(ask[1]); continue; }
    const eg = /^(.*?)例如[：:](.+?)[。.]?$/.exec(line);
    if (eg) {
      if (eg[1]) lines.push(eg[1]);
      eg[2].split('、').forEach(add);
      continue;
    }
    lines.push(line);
  }
  return { lines: lines, options: options };
}

const KIND_RANK = { money: 0, percent: 1, ratio: 2, count: 3 };
const ordinal = function (f) { return Number(String(f.id).split('#').pop()) || 0; };

/**
 * Clause order (document, clause number, position in the clause); dir 1 ascending, -1 descending. Documents go in
 * the library's order when rows carry it (docOrder), else by docId.
 */
export function byClause(dir) {
  return function (a, b) {
    const doc = (a.docOrder ?? 0) - (b.docOrder ?? 0) || (a.docId < b.docId ? -1 : a.docId > b.docId ? 1 : 0);
    return dir * (doc || a.clause - b.clause || ordinal(a) - ordinal(b));
  };
}

/**
 * Amount order. Money, percentages and ratios are not comparable, so kinds stay grouped (money first) and only
 * the value order flips with dir; ties fall back to clause order.
 */
export function byAmount(dir) {
  const clauseOrder = byClause(1);
  return function (a, b) {
    const ka = KIND_RANK[a.kind] ?? 9, kb = KIND_RANK[b.kind] ?? 9;
    return ka - kb || dir * ((a.value ?? 0) - (b.value ?? 0)) || clauseOrder(a, b);
  };
}

/**
 * What a hotline agent reads out or pastes into a ticket: the answer's own lines, with the source line
 * ("来源：《…》第（十四）条「…」") last. Answers that carry citations but no source line get one built from them.
 */
export function phoneScript(answer) {
  const lines = String(answer.answer || '').split('\n').map(function (l) { return l.trim(); }).filter(Boolean);
  const body = lines.filter(function (l) { return l.indexOf('来源：') !== 0; });
  let source = lines.filter(function (l) { return l.indexOf('来源：') === 0; });
  if (!source.length && answer.citations && answer.citations.length) {
    const refs = [];
    for (const c of answer.citations) {
      const ref = '《' + c.docTitle + '》' + clauseRef(c.clause, c.title);
      if (refs.indexOf(ref) === -1) refs.push(ref);
    }
    source = ['来源：' + refs.join('；')];
  }
  return body.concat(source).join('\n');
}
`;
