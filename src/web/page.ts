// The console's HTML shell: static markup only. Behaviour comes from /assets/app.js (no inline scripts or
// handlers, so it runs under `default-src 'self'`); all data is inserted by the scripts as text.
export const CONSOLE_HTML = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>政策咨询热线工作台 · 政策问答助手</title>
<link rel="icon" href="/assets/icon.svg" type="image/svg+xml">
<link rel="stylesheet" href="/assets/app.css">
<link rel="stylesheet" href="/assets/print.css" media="print">
<script type="module" src="/assets/app.js"></script>
</head>
<body>
<a class="skip" href="#main">跳到主要内容</a>
<header class="top">
  <div class="brand">
    <h1>政策咨询热线工作台</h1>
    <p class="sub">金额、部门、条款原文 · 每个答案都注明出处</p>
  </div>
  <div id="doc-scope-box" class="doc-scope" hidden>
    <label for="doc-scope">文件范围</label>
    <select id="doc-scope"></select>
  </div>
  <nav class="tabs" role="tablist" aria-label="工作台功能">
    <button type="button" role="tab" id="tab-chat" aria-controls="panel-chat" aria-selected="true">问答</button>
    <button type="button" role="tab" id="tab-clauses" aria-controls="panel-clauses" aria-selected="false" tabindex="-1">条款</button>
    <button type="button" role="tab" id="tab-funding" aria-controls="panel-funding" aria-selected="false" tabindex="-1">资金一览</button>
    <button type="button" role="tab" id="tab-departments" aria-controls="panel-departments" aria-selected="false" tabindex="-1">部门</button>
    <button type="button" role="tab" id="tab-search" aria-controls="panel-search" aria-selected="false" tabindex="-1">搜索</button>
    <button type="button" role="tab" id="tab-match" aria-controls="panel-match" aria-selected="false" tabindex="-1">政策匹配</button>
    <button type="button" role="tab" id="tab-files" aria-controls="panel-files" aria-selected="false" tabindex="-1">文件</button>
  </nav>
</header>

<main id="main">
  <section id="panel-chat" class="panel chat" role="tabpanel" aria-labelledby="tab-chat">
    <div class="panel-head">
      <h2>问答</h2>
      <button type="button" id="new-chat" class="secondary" aria-label="新对话（清空当前对话）">新对话</button>
    </div>
    <div id="chat-log" class="chat-log" role="log" aria-live="polite" aria-label="对话记录"></div>
    <div id="suggestions" class="suggestions" role="group" aria-label="常见问题"></div>
    <div class="ask-bar">
      <form id="ask-form" class="ask" autocomplete="off">
        <label for="question" class="sr-only">来电人的问题</label>
        <input id="question" name="question" type="text" maxlength="500" required autofocus aria-describedby="keys-help" placeholder="输入问题，如：新认定的自治区级孵化器给多少钱？">
        <button type="submit">提问</button>
      </form>
      <p id="keys-help" class="keys-help">快捷键：<kbd>/</kbd> 输入问题 · <kbd>↑</kbd> 上一个问题 · <kbd>Ctrl</kbd>+<kbd>Enter</kbd> 复制答案 · <kbd>Esc</kbd> 关闭条款</p>
    </div>
  </section>

  <section id="panel-clauses" class="panel" role="tabpanel" aria-labelledby="tab-clauses" hidden>
    <h2 class="sr-only">条款浏览</h2>
    <div class="browser">
      <nav id="clause-nav" class="clause-nav" aria-label="章节与条款"></nav>
      <div id="clause-detail" class="clause-detail" aria-live="polite"></div>
    </div>
  </section>

  <section id="panel-funding" class="panel" role="tabpanel" aria-labelledby="tab-funding" hidden>
    <div class="panel-head">
      <h2>资金一览</h2>
      <p id="funding-count" class="meta"></p>
      <button type="button" id="print-funding" class="secondary" aria-label="打印资金一览">打印</button>
    </div>
    <p class="print-only"><span id="print-doc"></span>资金一览 · 打印日期 <span id="print-date"></span></p>
    <p class="hint">金额以条款原文为准；“不超过”“最高不超过”为上限。点条款可看原文。</p>
    <div id="funding-table"></div>
  </section>

  <section id="panel-departments" class="panel" role="tabpanel" aria-labelledby="tab-departments" hidden>
    <div class="panel-head">
      <h2>部门分工</h2>
      <p id="dept-count" class="meta"></p>
    </div>
    <div class="filter">
      <label for="dept-filter">按部门、简称或事项筛选</label>
      <input id="dept-filter" type="search" placeholder="如：发改委、土地、孵化器">
    </div>
    <div id="dept-list" class="dept-list"></div>
  </section>

  <section id="panel-search" class="panel" role="tabpanel" aria-labelledby="tab-search" hidden>
    <h2 class="sr-only">搜索条款</h2>
    <form id="search-form" class="ask" role="search" autocomplete="off">
      <label for="search-q" class="sr-only">搜索条款原文</label>
      <input id="search-q" type="search" maxlength="500" required placeholder="输入关键词，如：独角兽">
      <button type="submit">搜索</button>
    </form>
    <div id="search-results" aria-live="polite"></div>
  </section>

  <section id="panel-match" class="panel" role="tabpanel" aria-labelledby="tab-match" hidden>
    <div class="panel-head">
      <h2>政策匹配</h2>
      <p id="match-count" class="meta"></p>
      <button type="button" id="print-match" class="secondary" aria-label="打印匹配结果">打印</button>
    </div>
    <p class="print-only">政策匹配结果 · 单位情况：<span id="print-match-profile"></span></p>
    <form id="match-form" class="match-form" autocomplete="off">
      <div class="field wide">
        <label for="match-text">单位情况（按来电人原话）</label>
        <textarea id="match-text" rows="2" maxlength="900" placeholder="如：我们是南宁的孵化器，今年刚被认定为国家级"></textarea>
      </div>
      <div class="field"><label for="match-type">单位类型</label><input id="match-type" type="text" maxlength="50" placeholder="如：科技企业孵化器"></div>
      <div class="field"><label for="match-level">级别</label>
        <select id="match-level"><option value="">不限</option><option>国家级</option><option>省级</option><option>自治区级</option><option>市级</option><option>县级</option></select></div>
      <div class="field"><label for="match-events">发生的事项</label><input id="match-events" type="text" maxlength="200" placeholder="如：今年新认定、通过国家备案"></div>
      <div class="field"><label for="match-figures">数字</label><input id="match-figures" type="text" maxlength="200" placeholder="如：国家支持资金600万元、排名从第50升到第38"></div>
      <div class="field"><label for="match-place">所在地</label><input id="match-place" type="text" maxlength="50" placeholder="如：南宁"></div>
      <div class="field check"><input id="match-all" type="checkbox"><label for="match-all">同时列出不符合的项目及原因</label></div>
      <button type="submit">匹配</button>
    </form>
    <p class="hint">结果按条款原文逐项判断：“需确认”为原文条件中来电人尚未说明的；金额以条款原文为准。</p>
    <div id="match-result" aria-live="polite"></div>
  </section>

  <section id="panel-files" class="panel" role="tabpanel" aria-labelledby="tab-files" hidden>
    <div class="panel-head">
      <h2>文件</h2>
      <p id="files-count" class="meta"></p>
    </div>
    <div id="files-table"></div>
    <details id="files-admin" class="admin">
      <summary>添加或删除文件（需要管理密钥）</summary>
      <form id="upload-form" class="upload" autocomplete="off">
        <div class="field">
          <label for="admin-key">管理密钥</label>
          <input id="admin-key" type="password" autocomplete="off" spellcheck="false" required aria-describedby="admin-key-help">
          <p id="admin-key-help" class="meta">只保存在本页面，刷新即清除。</p>
        </div>
        <div class="field">
          <label for="upload-file">文件（.txt、.md、.html、.docx、.pdf）</label>
          <input id="upload-file" type="file" accept=".txt,.md,.html,.htm,.docx,.pdf" required>
        </div>
        <button type="submit">检查文件</button>
      </form>
      <p class="hint">先检查：看清识别出的条款、部门、金额和需要核对的问题，再发布。发布后无需重启，立即可以据此答复。</p>
      <div id="upload-report" aria-live="polite"></div>
      <div id="upload-result" aria-live="polite"></div>
    </details>
  </section>
</main>

<dialog id="clause-dialog" class="drawer" aria-labelledby="clause-dialog-title">
  <div class="drawer-head">
    <h2 id="clause-dialog-title">条款原文</h2>
    <button type="button" class="close" data-close aria-label="关闭条款原文">×</button>
  </div>
  <div id="clause-dialog-body" class="drawer-body"></div>
</dialog>
<p id="status" class="sr-only" role="status" aria-live="polite"></p>
</body>
</html>`;
