/** @module The site's stylesheet, inlined in every page (small enough that a separate request would cost more). */
export const SITE_CSS = `
:root{--fg:#16181d;--muted:#5b6270;--bg:#fff;--rule:#e3e5ea;--accent:#b4232c;--link:#0b4fa8;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--fg:#e8eaef;--muted:#a3a9b6;--bg:#121418;--rule:#2a2e36;--accent:#ff6b6b;--link:#8ab4ff}}
*{box-sizing:border-box}
body{margin:0;font:17px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--link)}
a:focus-visible{outline:3px solid var(--accent);outline-offset:2px}
.masthead{border-bottom:3px solid var(--fg);padding:.75rem 1rem}
.brand{font:700 1.6rem/1 Georgia,"Times New Roman",serif;color:var(--fg);text-decoration:none;letter-spacing:-.02em}
.page{max-width:72rem;margin:0 auto;padding:1rem;display:grid;gap:2rem}
@media (min-width:60rem){.page.with-rail{grid-template-columns:minmax(0,1fr) 20rem}}
.section-label{text-transform:uppercase;letter-spacing:.08em;font-size:.8rem;font-weight:700;color:var(--accent);margin:0}
h1{font:700 clamp(1.8rem,4vw,2.6rem)/1.15 Georgia,"Times New Roman",serif;margin:.3rem 0 .6rem}
.dek{font-size:1.2rem;color:var(--muted);margin:0 0 1rem}
.byline{color:var(--muted);font-size:.95rem;border-top:1px solid var(--rule);border-bottom:1px solid var(--rule);padding:.5rem 0}
.article-body{max-width:40rem}
.article-body h2{font:700 1.35rem/1.3 Georgia,serif;margin:1.8rem 0 .5rem}
.article-body img{max-width:100%;height:auto}
.article-body blockquote{border-left:3px solid var(--rule);margin:1rem 0;padding-left:1rem;color:var(--muted)}
figure{margin:0 0 1rem}figure img{width:100%;height:auto;display:block}figcaption{font-size:.85rem;color:var(--muted)}
.bio{font-style:italic;border-top:1px solid var(--rule);padding-top:.75rem}
.disclaimer{font-size:.9rem;color:var(--muted)}
.headlines{list-style:none;margin:0;padding:0}
.headlines li{padding:.6rem 0;border-bottom:1px solid var(--rule)}
.headlines a{font-weight:600;text-decoration:none}.headlines a:hover{text-decoration:underline}
.meta{display:block;font-size:.85rem;color:var(--muted)}
.rail h2{font-size:1rem;text-transform:uppercase;letter-spacing:.08em;margin:0 0 .5rem}
.site-footer{border-top:1px solid var(--rule);color:var(--muted);font-size:.85rem;padding:1rem;text-align:center}
`;
