/**
 * The one stylesheet, served from /ui/style.css. A string module because the Worker has no
 * filesystem; no inline styles anywhere, so the CSP can forbid them.
 */
export const STYLESHEET = `
:root{--ink:#1d2433;--muted:#5b6475;--line:#dfe2e8;--bg:#f7f7f4;--card:#fff;--accent:#0f6b63;--accent-ink:#fff;
--ok:#1e7a46;--ok-bg:#e7f5ec;--miss:#8a5a00;--miss-bg:#fdf3dc;--bad:#b3261e;--bad-bg:#fde8e6;--mark:#fff1a8;--mark-bad:#ffd9cf;
--radius:10px;color-scheme:light}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%}
body{margin:0;font:16px/1.55 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:var(--ink);background:var(--bg)}
a{color:var(--accent)}
a:focus-visible,button:focus-visible,input:focus-visible,select:focus-visible,textarea:focus-visible,[tabindex]:focus-visible,summary:focus-visible{
  outline:3px solid #2563eb;outline-offset:2px}
h1{font-size:1.6rem;line-height:1.25;margin:.2rem 0 .6rem}
h2{font-size:1.2rem;margin:1.8rem 0 .6rem}
h3{font-size:1rem;margin:1.2rem 0 .4rem}
p{margin:.4rem 0 .8rem}
.skip{position:absolute;left:-999px;top:0;background:var(--card);padding:.5rem 1rem}
.skip:focus{left:.5rem;z-index:10}
.visually-hidden{position:absolute;width:1px;height:1px;margin:-1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap;border:0}
header.site{background:var(--card);border-bottom:1px solid var(--line)}
header.site .bar{max-width:60rem;margin:0 auto;padding:.6rem 1rem;display:flex;flex-wrap:wrap;align-items:center;gap:.4rem 1.2rem}
.brand{font-weight:700;text-decoration:none;color:var(--ink);font-size:1.1rem}
.brand span{color:var(--accent)}
nav ul{list-style:none;display:flex;flex-wrap:wrap;gap:.2rem .9rem;margin:0;padding:0}
nav a{text-decoration:none;color:var(--muted);padding:.2rem 0}
nav a[aria-current=page]{color:var(--ink);border-bottom:2px solid var(--accent)}
.nav-short{display:none}
main{max-width:60rem;margin:0 auto;padding:1.2rem 1rem 3rem}
main:focus,h1[tabindex]:focus{outline:none}
footer.site{max-width:60rem;margin:0 auto;padding:1rem;color:var(--muted);font-size:.9rem;border-top:1px solid var(--line)}
.lead{font-size:1.1rem;color:var(--muted);max-width:42rem}
.muted{color:var(--muted)}
.card{background:var(--card);border:1px solid var(--line);border-radius:var(--radius);padding:1rem 1.2rem;margin:.8rem 0}
.card>h2:first-child{margin-top:.2rem}
#draft-form{max-width:46rem}
#new-session-form>select,#new-session-form>.hint-text,#new-session-form>fieldset:not(.partners),#new-session-form>details{max-width:46rem}
.steps{counter-reset:step;list-style:none;padding:0;margin:.6rem 0;display:grid;gap:.5rem;grid-template-columns:repeat(auto-fit,minmax(10.5rem,1fr))}
.steps li{background:var(--card);border:1px solid var(--line);border-radius:var(--radius);padding:.7rem .8rem}
.steps strong{display:block}
.steps .n{display:inline-grid;place-items:center;width:1.6rem;height:1.6rem;border-radius:50%;background:var(--accent);color:var(--accent-ink);
  font-weight:700;font-size:.85rem;margin-bottom:.3rem}
.steps .d{color:var(--muted);font-size:.92rem}
.entries{list-style:none;padding:0;display:grid;gap:.8rem;grid-template-columns:repeat(auto-fit,minmax(15rem,1fr));margin:1rem 0}
.entries li{display:flex}
.entry{flex:1;display:block;background:var(--accent);color:var(--accent-ink);text-decoration:none;border-radius:var(--radius);padding:1.1rem 1.2rem;
  font-size:1.15rem;font-weight:650;line-height:1.3}
.entry span{display:block;font-weight:400;font-size:.92rem;opacity:.9;margin-top:.35rem}
.entry:hover{filter:brightness(1.08)}
.list{list-style:none;padding:0;margin:.4rem 0}
.list li{padding:.55rem 0;border-bottom:1px solid var(--line)}
.list li:last-child{border-bottom:0}
label{display:block;font-weight:600;margin:.9rem 0 .3rem}
.hint-text{display:block;font-weight:400;color:var(--muted);font-size:.9rem}
input[type=text],input[type=date],select,textarea{width:100%;font:inherit;padding:.55rem .65rem;border:1px solid #b9bfca;border-radius:8px;background:#fff;
  color:var(--ink)}
textarea{resize:vertical;min-height:6rem}
fieldset{border:1px solid var(--line);border-radius:var(--radius);padding:.6rem .9rem;margin:.9rem 0}
legend{font-weight:600;padding:0 .3rem}
.choice{display:flex;gap:.5rem;align-items:baseline;font-weight:400;margin:.3rem 0}
button,.button{font:inherit;font-weight:600;border:1px solid var(--accent);background:var(--accent);color:var(--accent-ink);border-radius:8px;
  padding:.55rem 1rem;cursor:pointer;text-decoration:none;display:inline-block}
button.secondary,.button.secondary{background:var(--card);color:var(--accent)}
button.danger{background:var(--bad);border-color:var(--bad)}
button[disabled]{opacity:.6;cursor:progress}
.actions{display:flex;flex-wrap:wrap;gap:.6rem;align-items:center;margin:.8rem 0}
.actions form{margin:0}
.alert{border:1px solid var(--bad);background:var(--bad-bg);color:var(--bad);border-radius:8px;padding:.6rem .8rem;margin:.8rem 0}
.notice{border:1px solid var(--ok);background:var(--ok-bg);border-radius:8px;padding:.6rem .8rem}
.figures{display:grid;gap:.4rem 1.5rem;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr))}
.figure-label{margin:0;font-weight:700;font-size:.85rem;text-transform:uppercase;letter-spacing:.04em;color:var(--muted)}
.score{display:flex;align-items:baseline;gap:.6rem;flex-wrap:wrap;margin:.2rem 0 .4rem}
.score b{font-size:2.2rem;line-height:1;color:var(--accent)}
.score .band{font-weight:700;font-size:.9rem;border-radius:99px;padding:.05rem .6rem}
.band-high b{color:var(--ok)}.band-high .band{background:var(--ok-bg);color:var(--ok)}
.band-mid b{color:var(--miss)}.band-mid .band{background:var(--miss-bg);color:var(--miss)}
.band-low b{color:var(--bad)}.band-low .band{background:var(--bad-bg);color:var(--bad)}
.verdict .next-step{font-size:1.05rem}
.counter{margin:.25rem 0 0;font-size:.9rem;color:var(--muted)}
.counter[data-state=near]{color:var(--miss);font-weight:600}
.counter[data-state=over]{color:var(--bad);font-weight:700}
textarea[aria-invalid=true]{border-color:var(--bad);outline-color:var(--bad)}
details>summary{cursor:pointer;font-weight:600;color:var(--accent);padding:.3rem 0}
details.brief{margin:.2rem 0 .6rem}
details.brief>summary{color:var(--muted);font-weight:400}
details.brief[open]>summary{margin-bottom:.2rem}
.engine{font-size:.85rem;color:var(--muted)}
.grid2{display:grid;gap:1rem;grid-template-columns:repeat(auto-fit,minmax(17rem,1fr))}
.checklist{list-style:none;padding:0;margin:0}
.checklist>li{padding:.3rem 0}
.check-group{margin:.5rem 0 .9rem}
.check-group h3{margin:.2rem 0;font-size:.95rem}
.check{display:block;border-left:4px solid var(--line);padding:.3rem .6rem;margin:.3rem 0;background:var(--card);border-radius:0 6px 6px 0}
.check .state{display:inline-block;min-width:5.2rem;font-size:.8rem;font-weight:700;text-transform:uppercase;letter-spacing:.03em}
.check.is-present{border-color:var(--ok)}.check.is-present .state{color:var(--ok)}
.check.is-missing{border-color:#d8a23a}.check.is-missing .state{color:var(--miss)}
.check.is-pitfall{border-color:var(--bad)}.check.is-pitfall .state{color:var(--bad)}
.check.is-avoided .state{color:var(--muted)}
.check .advice{margin:.2rem 0 0;color:var(--muted);font-size:.93rem}
.check .quotes{margin:.2rem 0 0;padding-left:1.1rem;font-size:.93rem}
.check:target,.check:focus{background:#eef6ff}
.draft-text{white-space:pre-wrap;overflow-wrap:anywhere;background:var(--card);border:1px solid var(--line);border-radius:var(--radius);padding:.9rem 1rem}
mark{background:var(--mark);padding:0 .1em;border-radius:3px}
mark.pitfall{background:var(--mark-bad)}
mark[data-chip]::before{content:attr(data-chip) / "";display:inline-block;font-size:.68rem;font-weight:700;line-height:1.35;vertical-align:.15em;
  margin-right:.2em;padding:0 .3em;border-radius:99px;background:var(--accent);color:var(--accent-ink);white-space:nowrap}
mark.pitfall[data-chip]::before{background:var(--bad)}
.hl-legend{list-style:none;padding:0;margin:.3rem 0 .6rem;display:flex;flex-wrap:wrap;gap:.2rem 1rem;font-size:.9rem;color:var(--muted)}
mark a{color:inherit;text-decoration:none}
/* Notes run long between their highlights: there the links are underlined too, not told apart by colour alone. */
.entry-text mark a{text-decoration:underline dotted;text-underline-offset:.2em}
mark:target{outline:2px solid var(--accent)}
.rewrite{white-space:pre-wrap;overflow-wrap:anywhere;font:inherit;background:var(--card);border:1px solid var(--line);border-radius:var(--radius);
  padding:.9rem 1rem;margin:.4rem 0}
.suggestion del{color:var(--bad)}
.suggestion ins{color:var(--ok);text-decoration:none;font-weight:600}
.transcript{list-style:none;padding:0;margin:1rem 0;display:flex;flex-direction:column;gap:.6rem}
.msg{max-width:40rem;border-radius:12px;padding:.6rem .85rem;background:var(--card);border:1px solid var(--line);white-space:pre-wrap;overflow-wrap:anywhere}
.msg .who{display:block;font-size:.78rem;font-weight:700;color:var(--muted);text-transform:uppercase;letter-spacing:.04em;white-space:normal}
.msg.user{align-self:flex-end;background:#e6f2f0;border-color:#bcd9d5}
.msg.coach{background:#f1efff;border-color:#d3cdf7;max-width:none}
.msg.failed{border:1px dashed var(--bad);background:var(--bad-bg)}
.msg .failed-note{color:var(--bad);font-weight:600;margin:.2rem 0}
.msg[aria-busy=true] .text::after{content:"▍" / "";animation:blink 1s steps(2) infinite}
@keyframes blink{50%{opacity:0}}
.composer{border-top:1px solid var(--line);padding-top:.3rem}
.composer label{margin-top:.4rem}
.discoveries li{margin:.3rem 0}
.earned-by{font-size:.93rem}
.tag{display:inline-block;font-size:.78rem;font-weight:700;border-radius:99px;padding:.05rem .55rem;background:var(--line);color:var(--ink);vertical-align:1px}
.tag.ok{background:var(--ok-bg);color:var(--ok)}.tag.miss{background:var(--miss-bg);color:var(--miss)}
table{border-collapse:collapse;width:100%}
th,td{text-align:left;padding:.45rem .4rem;border-bottom:1px solid var(--line);vertical-align:top}
thead th{font-size:.85rem;color:var(--muted)}
tbody th{font-weight:600}
caption{text-align:left;padding:.3rem 0}
.table-wrap{overflow-x:auto}
svg text{font-family:system-ui,sans-serif}
.loop{display:block;width:100%;max-width:22rem;height:auto;margin:0 auto}
.chart-figure{margin:0}
.chart{display:block;width:100%;max-width:40rem;height:auto}
.legend{list-style:none;padding:0;display:flex;flex-wrap:wrap;gap:.3rem 1rem;font-size:.9rem}
.legend svg{vertical-align:-1px;margin-right:.3rem}
.s0{stroke:#0f6b63;fill:#0f6b63}.s1{stroke:#b45309;fill:#b45309}.s2{stroke:#6d28d9;fill:#6d28d9}.s3{stroke:#1d4ed8;fill:#1d4ed8}
.s4{stroke:#be185d;fill:#be185d}.s5{stroke:#4d7c0f;fill:#4d7c0f}.s6{stroke:#475569;fill:#475569}
polyline.series{fill:none;stroke-width:2.5}
.node-none{fill:#eceef2;stroke:#c3c8d1}.node-low{fill:#fde8e6;stroke:var(--bad)}.node-mid{fill:#fdf3dc;stroke:#d8a23a}.node-high{fill:#e7f5ec;stroke:var(--ok)}
.ring{fill:none;stroke:#c3c8d1;stroke-width:2}
.axis{stroke:#c3c8d1}.grid{stroke:#eceef2}
.partners .cards{display:grid;gap:.6rem;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr));margin:.3rem 0}
.partner-card{position:relative;display:grid;grid-template-columns:auto 1fr;gap:.15rem .55rem;align-items:start;align-content:start;background:var(--card);
  border:1px solid #b9bfca;border-radius:var(--radius);padding:.6rem .75rem}
.partner-card label{margin:0;font-size:1.05rem}
/* The whole card picks its partner: the label's box covers it. */
.partner-card label::after{content:"";position:absolute;inset:0;border-radius:var(--radius);cursor:pointer}
.partner-card input{position:relative;z-index:1;margin:.35rem 0 0}
.partner-card .about{grid-column:2;display:flex;flex-direction:column;gap:.15rem;font-size:.92rem}
.partner-card .role{color:var(--muted)}
.partner-card .temperament{font-style:italic}
.partner-card:has(input:checked){border:2px solid var(--accent);background:#eef7f5;padding:calc(.6rem - 1px) calc(.75rem - 1px)}
.partner-card:has(input:focus-visible){outline:3px solid #2563eb;outline-offset:2px}
details.options{margin:.6rem 0}
h1 .subtitle{display:block;font-size:1rem;font-weight:400;color:var(--muted);margin-top:.2rem}
.drill{border-color:var(--accent);border-width:2px}
.drill .actions{margin-bottom:.2rem}
.step-list{list-style:none;padding:0;margin:.4rem 0 1rem}
.step-list li{display:flex;flex-wrap:wrap;align-items:baseline;gap:.2rem .8rem;padding:.5rem 0;border-bottom:1px solid var(--line)}
.step-list strong{flex:1 1 16rem}
.step-list .step-scores{flex:1 1 14rem;color:var(--muted);font-size:.93rem}
.step-list .practise-draft{font-size:.93rem}
.pill{font-weight:700;border-radius:99px;padding:0 .5rem;background:var(--line);color:var(--ink)}
.pill.band-high{background:var(--ok-bg);color:var(--ok)}.pill.band-mid{background:var(--miss-bg);color:var(--miss)}
.pill.band-low{background:var(--bad-bg);color:var(--bad)}
.commitments li{padding:.45rem 0}
.grid3{display:grid;gap:0 1rem;grid-template-columns:repeat(auto-fit,minmax(14rem,1fr))}
.grid3 h3{margin-top:.6rem}
.facts{list-style:none;padding:0;margin:.2rem 0 .6rem}
.warning{border:2px solid var(--bad);background:var(--bad-bg)}
.warning>h2:first-child{color:var(--bad)}
.inline-form{display:inline-block;margin:.2rem 0 0 .4rem;vertical-align:baseline}
button.small{font-size:.85rem;padding:.2rem .6rem}
.loop-steps .step-detail{flex:1 1 100%;color:var(--muted);font-size:.93rem}
.timeline .entry-preview{white-space:pre-wrap;overflow-wrap:anywhere;color:var(--muted);font-size:.93rem}
.rehearse label{margin:0}
.rehearse select{width:auto}
fieldset.row{margin:.6rem 0;background:var(--card)}
.row-fields{display:grid;gap:0 .8rem;grid-template-columns:repeat(auto-fit,minmax(10rem,1fr))}
#relationship-form,#entry-form,#correct-form{max-width:46rem}
@media (min-width:50rem){#draft-text{position:sticky;top:.8rem;max-height:calc(100vh - 1.6rem);overflow:auto}}
@media (max-width:36rem){h1{font-size:1.35rem}main{padding:1rem .8rem 2.5rem}.entry{font-size:1.05rem;padding:.8rem 1rem}.msg{max-width:92%}
  header.site .bar{padding:.45rem .8rem;gap:.2rem .8rem}nav ul{flex-wrap:nowrap;gap:.8rem;font-size:.95rem}nav a{white-space:nowrap}
  .nav-home,.nav-long{display:none}.nav-short{display:inline}
  .lead{font-size:1rem}.entries{margin:.6rem 0;gap:.6rem}h2{margin-top:1.4rem}}
/* On touch screens there is no keyboard shortcut to speak of. */
@media (pointer:coarse),(hover:none){.kbd-hint{display:none}}
@media (prefers-reduced-motion:reduce){.msg[aria-busy=true] .text::after{animation:none}}
`;
