// Browser module /assets/dept-filter.js: which departments a 部门 filter query finds, and in what order. A caller
// names a department by a short name (发改委) or asks about a topic (孵化器, 土地), so a query matches a department's
// name and aliases, the titles of its clauses, and clauses whose text mentions it (found by the search API).
// Pure (no DOM, no imports), so dept-filter.test.ts imports this very string in Node.
export const DEPT_FILTER_JS = String.raw`
/** Ranks, best first: named, leads a clause titled so, leads one that mentions it, supports either. */
const NAMED = 0, LEADS_TITLE = 1, LEADS_TEXT = 2, SUPPORTS_TITLE = 3, SUPPORTS_TEXT = 4;

const refKey = function (r) { return r.docId + '#' + r.number; };

/** True when q names the department: part of its name or of an alias, or an alias inside q (广西发改委). */
export function names(d, q) {
  if (d.name.indexOf(q) !== -1) return true;
  return (d.aliases || []).some(function (a) { return a.indexOf(q) !== -1 || (a.length >= 2 && q.indexOf(a) !== -1); });
}

/**
 * d: { name, aliases, lead: [clause refs], support: [clause refs] }; topics: a Set of "docId#number" of clauses
 * whose text mentions q. Returns { rank, clauses } (clauses: keys of the matching clause refs), or undefined when
 * q does not find d. An empty q finds every department.
 */
export function matchDepartment(d, q, topics) {
  q = String(q || '').trim();
  if (!q) return { rank: NAMED, clauses: [] };
  let rank = names(d, q) ? NAMED : Infinity;
  const clauses = [];
  for (const role of ['lead', 'support']) {
    for (const r of d[role] || []) {
      const byTitle = r.title.indexOf(q) !== -1;
      const byText = topics && topics.has(refKey(r));
      if (!byTitle && !byText) continue;
      clauses.push(refKey(r));
      const lead = role === 'lead';
      rank = Math.min(rank, byTitle ? (lead ? LEADS_TITLE : SUPPORTS_TITLE) : (lead ? LEADS_TEXT : SUPPORTS_TEXT));
    }
  }
  return rank === Infinity ? undefined : { rank: rank, clauses: clauses };
}

/**
 * The departments q finds, best first: by rank, then by how many matching clauses they lead, then in the given
 * order (the API's: most clauses led first). Each entry: { department, rank, clauses }.
 */
export function rankDepartments(list, q, topics) {
  const found = [];
  list.forEach(function (d, i) {
    const m = matchDepartment(d, q, topics);
    if (!m) return;
    const leads = (d.lead || []).filter(function (r) { return m.clauses.indexOf(refKey(r)) !== -1; }).length;
    found.push({ department: d, rank: m.rank, clauses: m.clauses, leads: leads, i: i });
  });
  found.sort(function (a, b) { return a.rank - b.rank || b.leads - a.leads || a.i - b.i; });
  return found.map(function (f) { return { department: f.department, rank: f.rank, clauses: f.clauses }; });
}
`;
