/**
 * @module The newsroom's stylesheet, served as /admin/assets/desk.css (never inline: the desk CSP is
 * `style-src 'self'`). Calm and legible: system fonts, one accent, visible focus, contrast at AA or better
 * in light and dark. No `style` attributes anywhere in the desk, so nothing needs `'unsafe-inline'`.
 */
export const DESK_CSS = `
:root{--fg:#17191e;--muted:#4f5763;--bg:#fff;--panel:#f4f5f7;--rule:#d8dce2;--accent:#0f5c4a;--accent-fg:#fff;--link:#0b4fa8;--focus:#1a5fd0;--danger:#a4161a;--ok:#1d6b2f;--warn:#7a4d00;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--fg:#e8eaef;--muted:#aab1bc;--bg:#14161a;--panel:#1c1f25;--rule:#323843;--accent:#6fd3b6;--accent-fg:#0b1512;--link:#9cc0ff;--focus:#9cc0ff;--danger:#ff9a94;--ok:#8fe0a0;--warn:#ffc266}}
*{box-sizing:border-box}
body{margin:0;font:1rem/1.5 system-ui,-apple-system,Segoe UI,Roboto,Helvetica Neue,Arial,sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--link);text-underline-offset:.15em}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.skip{position:absolute;left:-100vw;top:.5rem;background:var(--bg);padding:.5rem 1rem;z-index:2}
.skip:focus{left:.5rem}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.topbar{display:flex;flex-wrap:wrap;align-items:center;gap:.5rem 1.5rem;padding:.6rem 1.25rem;border-bottom:1px solid var(--rule);background:var(--panel)}
.topbar .brand{font-weight:700;color:var(--fg);text-decoration:none;letter-spacing:-.01em}
.topbar .brand span{color:var(--muted);font-weight:400}
.desk-nav{flex:1 1 20rem}
.desk-nav ul{display:flex;flex-wrap:wrap;gap:.25rem;list-style:none;margin:0;padding:0}
.desk-nav a{display:block;padding:.3rem .65rem;border-radius:4px;color:var(--fg);text-decoration:none}
.desk-nav a:hover{background:var(--rule)}
.desk-nav a[aria-current]{background:var(--accent);color:var(--accent-fg)}
.who{display:flex;align-items:center;gap:.75rem;font-size:.9rem;color:var(--muted)}
.who strong{color:var(--fg)}
.desk-main{max-width:80rem;margin:0 auto;padding:1.25rem 1.25rem 4rem}
h1{font-size:1.6rem;margin:.25rem 0 1rem;line-height:1.2}
h2{font-size:1.15rem;margin:1.5rem 0 .5rem}
h3{font-size:1rem;margin:1rem 0 .4rem}
.page-head{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;gap:.75rem}
button,.button{font:inherit;display:inline-block;padding:.4rem .85rem;border:1px solid var(--fg);border-radius:4px;background:var(--bg);color:var(--fg);cursor:pointer;text-decoration:none;line-height:1.3}
button.primary,.button.primary{background:var(--accent);border-color:var(--accent);color:var(--accent-fg)}
button.danger{border-color:var(--danger);color:var(--danger)}
button.link{border:0;background:none;color:var(--link);padding:0;text-decoration:underline}
button:disabled{opacity:.6;cursor:not-allowed}
label{display:block;font-weight:600;margin:0 0 .2rem}
input,select,textarea{font:inherit;color:var(--fg);background:var(--bg);border:1px solid var(--muted);border-radius:4px;padding:.35rem .5rem;max-width:100%}
input[type=text],input[type=url],input[type=email],input[type=search],input[type=datetime-local],select,textarea{width:100%}
input[type=checkbox],input[type=radio]{width:auto}
textarea{min-height:4.5rem;resize:vertical;line-height:1.45}
textarea.body{min-height:24rem;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.95rem}
select{padding:.4rem .5rem}
figure{margin:0}
figcaption{font-size:.9rem;color:var(--muted);margin:0 0 .3rem}
[aria-invalid=true]{border-color:var(--danger);border-width:2px}
.field{margin:0 0 .9rem}
.field .hint{margin:.2rem 0 0;font-size:.85rem;color:var(--muted)}
.field .error{margin:.25rem 0 0;font-size:.9rem;color:var(--danger);font-weight:600}
.row{display:grid;gap:0 1rem;grid-template-columns:repeat(auto-fit,minmax(12rem,1fr))}
fieldset{border:1px solid var(--rule);border-radius:6px;margin:0 0 1rem;padding:.6rem .9rem .2rem}
legend{font-weight:700;padding:0 .3rem}
.flash{border:1px solid var(--rule);border-left:5px solid var(--accent);background:var(--panel);padding:.6rem .9rem;margin:0 0 1rem;border-radius:4px}
.flash.error{border-left-color:var(--danger)}
.flash.ok{border-left-color:var(--ok)}
.flash p{margin:.2rem 0}
.filters{display:flex;flex-wrap:wrap;gap:.6rem 1rem;align-items:flex-end;padding:.75rem;margin:0 0 1rem;background:var(--panel);border-radius:6px}
.filters .field{margin:0;min-width:10rem;flex:1 1 10rem}
.filters .field.grow{flex:3 1 16rem}
table{border-collapse:collapse;width:100%;font-size:.95rem}
caption{text-align:left;font-weight:600;padding:.25rem 0}
th,td{text-align:left;padding:.45rem .6rem;border-bottom:1px solid var(--rule);vertical-align:top}
th{font-size:.8rem;text-transform:uppercase;letter-spacing:.05em;color:var(--muted)}
td.num{font-variant-numeric:tabular-nums}
.table-wrap{overflow-x:auto}
.badge{display:inline-block;padding:.05rem .5rem;border-radius:999px;font-size:.8rem;font-weight:600;border:1px solid currentColor}
.badge.draft{color:var(--muted)}.badge.review{color:var(--warn)}.badge.scheduled{color:var(--link)}.badge.published{color:var(--ok)}
.pager{display:flex;gap:1rem;margin:1rem 0}
.empty{color:var(--muted);padding:1rem 0}
.editor{display:grid;gap:1.5rem}
@media (min-width:70rem){.editor{grid-template-columns:minmax(0,1fr) minmax(0,1fr)}}
.editor-side{min-width:0}
.preview{border:1px solid var(--rule);border-radius:6px;padding:0 1rem 1rem;min-height:10rem;overflow-wrap:anywhere}
.preview img{max-width:100%;height:auto}
/* The site's own byline spacing, so the preview reads as the article page does. */
.preview .byline{display:flex;flex-wrap:wrap;gap:.25rem .75rem;color:var(--muted)}
.preview .byline .author{font-weight:600}
.actions{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:1rem 0}
.status-line{font-size:.9rem;color:var(--muted);min-height:1.4em;margin:.25rem 0}
.diff{white-space:pre-wrap;font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.88rem;border:1px solid var(--rule);border-radius:6px;padding:.75rem;overflow-wrap:anywhere;background:var(--panel)}
.diff ins{background:#d5f5dc;color:#0c3d17;text-decoration:none}
.diff del{background:#fde0df;color:#5c0b0b}
@media (prefers-color-scheme:dark){.diff ins{background:#173d22;color:#c9f5d3}.diff del{background:#4a1a1a;color:#ffd6d3}}
.secret{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;word-break:break-all;background:var(--panel);border:1px dashed var(--muted);padding:.5rem;border-radius:4px}
.inline{display:inline}
.inline-form{display:flex;flex-wrap:wrap;gap:.4rem;align-items:center;margin:0}
.inline-form select{width:auto}
details{margin:.5rem 0}
summary{cursor:pointer;font-weight:600}
.conflict{border:2px solid var(--danger);border-radius:6px;padding:.75rem 1rem;margin:1rem 0}
.conflict[hidden]{display:none}
.muted{color:var(--muted)}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;font-size:.92em}
.run-marks{display:flex;gap:2px;list-style:none;margin:0;padding:0}
.run-mark{display:inline-block;min-width:1.3em;text-align:center;border-radius:3px;font-size:.8rem;font-weight:700;line-height:1.5;color:var(--bg)}
.run-mark.fetched{background:var(--ok)}.run-mark.not_modified{background:var(--muted)}.run-mark.failed{background:var(--danger)}
.error-text{color:var(--danger)}
th[scope=row]{text-transform:none;letter-spacing:normal;font-size:inherit;color:var(--fg)}
th[scope=row] code{font-weight:400;overflow-wrap:anywhere}
`;
