/**
 * @module The site's stylesheet, inlined in every page: about 1.5 KB compressed, less than the
 * request a separate file would cost on a first visit, and nothing to wait for before first paint.
 *
 * Two rules keep the CSP simple: the text contains none of `< > & " '`, so hono/jsx's escaping
 * leaves it byte for byte as written and its SHA-256 (csp.ts) matches what the browser hashes;
 * and there are no `style` attributes anywhere, so `style-src` needs that one hash only.
 * System fonts only (nothing to download, nothing to swap in late); every image has its box
 * reserved by width/height or aspect-ratio, so nothing shifts as it loads.
 */
export const SITE_CSS = `
:root{--fg:#16181d;--muted:#545b66;--bg:#fff;--panel:#f5f6f8;--rule:#dfe2e7;--accent:#b01f29;--link:#0b4fa8;--focus:#1a5fd0;color-scheme:light dark}
@media (prefers-color-scheme:dark){:root{--fg:#e8eaef;--muted:#a9afbb;--bg:#121418;--panel:#1b1e24;--rule:#2e333c;--accent:#ff8a80;--link:#9cc0ff;--focus:#9cc0ff}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font:1rem/1.55 system-ui,-apple-system,Segoe UI,Roboto,Helvetica Neue,Arial,sans-serif;color:var(--fg);background:var(--bg)}
a{color:var(--link);text-underline-offset:.15em}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px;border-radius:2px}
.skip{position:absolute;left:-100vw;top:.5rem;background:var(--bg);padding:.5rem 1rem;z-index:1}
.skip:focus{left:.5rem}
.masthead{border-bottom:3px solid var(--fg)}
.masthead-inner,.page,.footer-inner{max-width:76rem;margin:0 auto;padding:0 1rem}
.masthead-inner{display:flex;flex-wrap:wrap;align-items:baseline;gap:.25rem 1.5rem;padding-top:.75rem;padding-bottom:.6rem}
.brand{font:700 1.75rem/1.1 Georgia,Times New Roman,serif;letter-spacing:-.02em;color:var(--fg);text-decoration:none}
.sections{min-width:0;flex:1 1 16rem}
.sections ul{display:flex;gap:1rem;list-style:none;margin:0;padding:0;overflow-x:auto;white-space:nowrap}
.sections a{color:var(--fg);text-decoration:none;text-transform:capitalize;font-size:.95rem}
.sections a:hover,.sections a[aria-current]{text-decoration:underline;text-decoration-thickness:2px}
.visually-hidden{position:absolute;width:1px;height:1px;overflow:hidden;clip-path:inset(50%);white-space:nowrap}
.masthead-search form,.search-again form{display:flex;gap:.4rem;align-items:center}
.masthead-search input,.search-again input{font:inherit;padding:.3rem .5rem;border:1px solid var(--rule);border-radius:3px;background:var(--bg);color:var(--fg);min-width:0;width:12rem}
.masthead-search button,.search-again button{font:inherit;padding:.3rem .7rem;border:1px solid var(--fg);border-radius:3px;background:var(--fg);color:var(--bg);cursor:pointer}
.search-again form{flex-wrap:wrap;margin-bottom:1.25rem}.search-again input{width:min(24rem,100%)}
.snippet{margin:.25rem 0;color:var(--muted)}mark{background:#ffe98a;color:#111;padding:0 .1em}
.page{display:grid;gap:2.5rem;padding-top:1.5rem;padding-bottom:3rem}
@media (min-width:64rem){.with-rail{grid-template-columns:minmax(0,1fr) 20rem;column-gap:3.5rem}}
.section-label{margin:0 0 .4rem;font-size:.8rem;font-weight:700;letter-spacing:.08em;text-transform:uppercase;color:var(--accent)}
.section-label a{color:inherit;text-decoration:none}
.section-label a:hover{text-decoration:underline}
h1,h2,h3{font-family:Georgia,Times New Roman,serif;line-height:1.2;text-wrap:balance}
h1{font-size:clamp(1.75rem,1.2rem + 2.6vw,2.75rem);margin:0 0 .75rem;letter-spacing:-.01em}
.page-title{font-size:clamp(1.5rem,1.2rem + 1.4vw,2rem);border-bottom:1px solid var(--rule);padding-bottom:.5rem}
.dek{font-size:1.2rem;line-height:1.45;color:var(--muted);margin:0 0 1.25rem;max-width:40rem}
.byline{display:flex;flex-wrap:wrap;gap:.25rem .75rem;margin:0 0 1.5rem;padding:.6rem 0;border-top:1px solid var(--rule);border-bottom:1px solid var(--rule);font-size:.95rem;color:var(--muted)}
.byline .author{color:var(--fg);font-weight:600}
time{font-variant-numeric:tabular-nums}
.lead-image{margin:0 0 1.75rem}
.lead-image img{display:block;width:100%;height:auto;background:var(--panel)}
.lead-image img.ratio{aspect-ratio:3/2;object-fit:cover}
figcaption{margin-top:.4rem;font-size:.85rem;color:var(--muted)}
.article-body,.article-end{max-width:40rem;font-size:1.125rem;line-height:1.7}
.article-body p,.article-body ul,.article-body ol{margin:0 0 1.15rem}
.article-body h2{font-size:1.45rem;margin:2rem 0 .6rem}
.article-body h3{font-size:1.2rem;margin:1.6rem 0 .5rem}
.article-body img{max-width:100%;height:auto}
.article-body blockquote{margin:1.5rem 0;padding:.1rem 0 .1rem 1.1rem;border-left:4px solid var(--accent);font-style:italic;color:var(--muted)}
.article-body pre{overflow-x:auto;padding:1rem;background:var(--panel)}
.article-body a{overflow-wrap:anywhere}
.article-end{margin-top:2rem;border-top:1px solid var(--rule);padding-top:1rem;font-size:1rem}
.bio{font-style:italic;margin:0 0 .75rem}
.disclaimer{font-size:.9rem;color:var(--muted);margin:0 0 .75rem}
.source-link{margin:0;font-weight:600}
.rail h2,.section-head{font:700 .8rem/1.3 system-ui,sans-serif;letter-spacing:.08em;text-transform:uppercase;margin:0 0 .25rem;padding-bottom:.4rem;border-bottom:3px solid var(--fg)}
.headlines{list-style:none;margin:0;padding:0}
.headlines li{display:flex;gap:1rem;justify-content:space-between;align-items:flex-start;padding:.85rem 0;border-bottom:1px solid var(--rule)}
.headlines .text{min-width:0}
.headlines a{display:block;color:var(--fg);font:700 1.15rem/1.3 Georgia,Times New Roman,serif;text-decoration:none;overflow-wrap:anywhere}
.headlines a:hover{color:var(--link);text-decoration:underline}
.rail .headlines a{font-size:1rem}
.meta{display:block;margin-top:.3rem;font-size:.85rem;color:var(--muted)}
.thumb{flex:none;width:96px;height:64px;object-fit:cover;background:var(--panel)}
.rail .thumb{width:72px;height:48px}
.pager{display:flex;flex-wrap:wrap;gap:1rem;justify-content:space-between;margin-top:1.5rem}
.pager a{font-weight:600;padding:.5rem 0}
.empty{color:var(--muted)}
.list{max-width:50rem}
.lead-story{display:grid;gap:.75rem 1.5rem;margin:1.25rem 0 .5rem;padding-bottom:1.25rem;border-bottom:3px solid var(--fg)}
.lead-story .lead-image{margin:0}
.lead-story h2{margin:0 0 .5rem;font:700 clamp(1.5rem,1.1rem + 1.8vw,2.25rem)/1.15 Georgia,Times New Roman,serif}
.lead-story h2 a{color:var(--fg);text-decoration:none}
.lead-story h2 a:hover{text-decoration:underline}
.lead-story .dek{margin:0 0 .5rem}
@media (min-width:48rem){.lead-story{grid-template-columns:3fr 2fr;align-items:start}}
.new-stories{position:fixed;z-index:10;left:50%;bottom:1.25rem;transform:translateX(-50%)}
.new-stories-button{padding:.65rem 1.25rem;border:0;border-radius:2rem;background:var(--fg);color:var(--bg);font:700 1rem/1.2 system-ui,sans-serif;box-shadow:0 2px 10px rgb(0 0 0/.25);cursor:pointer}
.new-stories-button:focus-visible{outline:3px solid var(--fg);outline-offset:2px}
.trail{font-size:.9rem;margin-top:1rem}
.archive-days,.archive-months{display:grid;grid-template-columns:repeat(auto-fill,minmax(11rem,1fr));gap:.25rem 1rem;list-style:none;margin:1rem 0;padding:0}
.archive-days a,.archive-months a{display:block;padding:.4rem 0;font-weight:600}
.more{font-weight:600}
.site-footer{border-top:1px solid var(--rule);color:var(--muted);font-size:.875rem}
.footer-inner{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;justify-content:space-between;padding-top:1.25rem;padding-bottom:2rem}
.footer-inner p{margin:0}
.footer-inner ul{display:flex;flex-wrap:wrap;gap:.5rem 1.25rem;list-style:none;margin:0;padding:0}
.footer-inner a{color:var(--muted)}
.api-docs section{border-top:1px solid var(--rule);padding-top:1rem;margin-top:1.5rem}
.api-docs code,.api-docs pre{font:.85rem/1.5 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.api-docs pre{overflow-x:auto;padding:.75rem;background:var(--panel);max-height:28rem}
.method{display:inline-block;min-width:4.5rem;font-weight:700;color:var(--accent)}
`;
