/** Served in place of index.html until the UI is built, so a fresh checkout explains itself instead of 404ing. */
export const UI_NOT_BUILT_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Web UI not built</title></head>
<body style="font-family: system-ui, sans-serif; max-width: 40rem; margin: 4rem auto; padding: 0 1rem; line-height: 1.5">
<h1>The web UI is not built yet</h1>
<p>The server is running; only the browser UI is missing. Build it from the repository root with</p>
<pre style="background: #f3f3f3; padding: .75rem 1rem">npm run build:web</pre>
<p>and reload this page.</p>
<p lang="zh-CN">网页界面尚未构建。请在仓库根目录运行 <code>npm run build:web</code>，然后刷新本页。</p>
</body>
</html>
`;
