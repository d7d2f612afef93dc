// /docs: interactive API docs that work offline — a small page that reads /openapi.json and lets you try
// each route. No CDN: the network may be closed where this runs. Its style and script are files of their own
// (/docs.css, /docs.js): the CSP allows no inline code, and an inline <style> left the page unstyled.
export const DOCS_HTML = `<!doctype html>
<html lang="zh-CN"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>API 文档 · 政策问答助手</title>
<link rel="stylesheet" href="/docs.css"><link rel="icon" href="/assets/icon.svg" type="image/svg+xml"></head><body>
<h1>政策问答助手 API</h1><p>OpenAPI 文档：<a href="/openapi.json">/openapi.json</a>。下面每个接口都可以直接试用。</p>
<div id="ops">加载中…</div>
<script src="/docs.js"></script></body></html>`;

export const DOCS_JS = `fetch('/openapi.json').then(r=>r.json()).then(doc=>{
  const box=document.getElementById('ops');box.textContent='';
  for(const [path,item] of Object.entries(doc.paths)){for(const [method,op] of Object.entries(item)){
    const d=document.createElement('div');d.className='op';
    const params=(op.parameters||[]).map(p=>p.name);
    const body=op.requestBody?JSON.stringify({question:'新认定的自治区级孵化器给多少钱？'},null,1):'';
    d.innerHTML='<div><span class="m '+method+'">'+method.toUpperCase()+'</span> <code>'+path+'</code> — '+(op.summary||'')+'</div>';
    const inputs={};for(const p of params){const l=document.createElement('label');l.textContent=p;const i=document.createElement('input');i.setAttribute('aria-label',p);inputs[p]=i;l.appendChild(i);d.appendChild(l);}
    let ta;if(body){ta=document.createElement('textarea');ta.rows=3;ta.value=body;ta.setAttribute('aria-label','request body');d.appendChild(ta);}
    const b=document.createElement('button');b.textContent='试一试';const out=document.createElement('pre');
    b.onclick=async()=>{let url=path;const qs=new URLSearchParams();for(const p of params){const v=inputs[p].value;if(url.includes('{'+p+'}'))url=url.replace('{'+p+'}',encodeURIComponent(v));else if(v)qs.set(p,v);}
      const res=await fetch(url+(qs.toString()?'?'+qs:''),{method:method.toUpperCase(),headers:ta?{'content-type':'application/json'}:{},body:ta?ta.value:undefined});
      out.textContent=res.status+'\\n'+JSON.stringify(await res.json().catch(()=>null),null,1);};
    d.appendChild(b);d.appendChild(out);box.appendChild(d);}}
});
`;

export const DOCS_CSS = `body{font-family:system-ui,"WenQuanYi Micro Hei","Microsoft YaHei",sans-serif;margin:0 auto;max-width:960px;padding:16px;color:#1f2933}
h1{font-size:1.4rem}.op{border:1px solid #d0d7de;border-radius:6px;margin:12px 0;padding:10px}
.m{display:inline-block;min-width:3.5em;font-weight:700}.get{color:#0969da}.post{color:#1a7f37}
textarea,input{width:100%;box-sizing:border-box;font:inherit}pre{background:#f6f8fa;padding:8px;overflow:auto;max-height:320px}
button{margin-top:6px}
`;
