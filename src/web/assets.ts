/**
 * The dashboard's only stylesheet and script, served from the app itself (`/assets/…`) so the
 * Content-Security-Policy can forbid everything else: no external script, style or font, no inline
 * script. Kept as strings so they ship inside the Workers bundle too.
 */
export const CSS = `
:root{--bg:#f7f7f8;--fg:#17181c;--muted:#4a4f5a;--line:#d5d8de;--card:#fff;--accent:#1f4fd1;--accent-fg:#fff;
--good:#116b2f;--warn:#8a5200;--bad:#b3261e;--rep:#1f4fd1;--customer:#9a3b00;--other:#5b6170;--focus:#f0b400;
font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;line-height:1.45;color:var(--fg);background:var(--bg)}
*{box-sizing:border-box}
body{margin:0}
a{color:var(--accent)}
a:hover{text-decoration-thickness:2px}
:focus-visible{outline:3px solid var(--focus);outline-offset:2px}
.sr-only{position:absolute;width:1px;height:1px;margin:-1px;padding:0;border:0;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.skip{position:absolute;left:-9999px;top:0;background:var(--card);padding:.5rem 1rem;z-index:10}
.skip:focus{left:.5rem;top:.5rem}
header.top{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:center;padding:.6rem 1rem;background:#0f1d3d;color:#fff}
header.top a{color:#fff}
header.top .brand{font-weight:700;font-size:1.1rem;text-decoration:none}
header.top nav ul{display:flex;flex-wrap:wrap;gap:.25rem 1rem;list-style:none;margin:0;padding:0}
header.top nav a[aria-current=page]{font-weight:700;text-decoration-thickness:3px}
header.top .who{margin-left:auto;display:flex;gap:.75rem;align-items:center;flex-wrap:wrap}
header.top .who button{background:transparent;color:#fff;border:1px solid #fff}
main{max-width:72rem;margin:0 auto;padding:1rem}
h1{font-size:1.5rem;margin:.5rem 0 1rem}
h2{font-size:1.2rem;margin:1.5rem 0 .5rem}
.card{background:var(--card);border:1px solid var(--line);border-radius:.5rem;padding:1rem;margin:0 0 1rem}
.muted{color:var(--muted)}
label{display:block;font-weight:600;margin:.5rem 0 .2rem}
input,select,textarea,button{font:inherit}
input[type=text],input[type=email],input[type=password],input[type=search],input[type=date],select,textarea{width:100%;max-width:32rem;padding:.45rem .5rem;border:1px solid #8a909c;border-radius:.3rem;background:#fff;color:var(--fg)}
textarea{max-width:none;font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.9rem}
button,.button{display:inline-block;padding:.45rem .9rem;border-radius:.3rem;border:1px solid var(--accent);background:var(--accent);color:var(--accent-fg);cursor:pointer;text-decoration:none}
button.secondary{background:#fff;color:var(--accent)}
button.danger{background:#fff;color:var(--bad);border-color:var(--bad)}
.row{display:flex;flex-wrap:wrap;gap:.5rem 1rem;align-items:flex-end}
.row>div{flex:1 1 10rem;min-width:9rem}
dl.row{margin:0 0 1rem}dl.row dt{font-weight:600;color:var(--muted)}dl.row dd{margin:0}
.error{border-left:4px solid var(--bad);background:#fdecea;padding:.6rem .8rem;margin:0 0 1rem}
.notice{border-left:4px solid var(--good);background:#e8f5ec;padding:.6rem .8rem;margin:0 0 1rem}
.secret{font-family:ui-monospace,monospace;word-break:break-all;background:#fff8d6;padding:.4rem;border:1px dashed var(--warn)}
.table-wrap{overflow-x:auto;position:relative}
table{border-collapse:collapse;width:100%;background:var(--card)}
caption{text-align:left;font-weight:600;padding:.4rem 0}
th,td{padding:.45rem .5rem;border-bottom:1px solid var(--line);text-align:left;vertical-align:top}
th{background:#eef0f4}
td.num,th.num{text-align:right;font-variant-numeric:tabular-nums}
.badge{display:inline-block;padding:.05rem .45rem;border-radius:1rem;font-size:.85rem;border:1px solid currentColor}
.good{color:var(--good)}.warn{color:var(--warn)}.bad{color:var(--bad)}
.pager{display:flex;gap:1rem;margin:1rem 0}
.grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:1rem}
.timeline svg{width:100%;height:auto;display:block}
.timeline .lane-rep{fill:var(--rep)}.timeline .lane-customer{fill:var(--customer)}.timeline .lane-other{fill:var(--other)}
.timeline .q{fill:#fff;stroke:var(--rep);stroke-width:1.5}.timeline .obj{fill:var(--bad)}
.timeline text{font-size:11px;fill:var(--fg)}
.legend{display:flex;flex-wrap:wrap;gap:1rem;list-style:none;padding:0;margin:.5rem 0 0;font-size:.9rem}
.swatch{display:inline-block;width:.8rem;height:.8rem;margin-right:.3rem;vertical-align:middle;border-radius:2px}
.swatch.rep{background:var(--rep)}.swatch.customer{background:var(--customer)}.swatch.q{border:2px solid var(--rep);border-radius:50%}.swatch.obj{background:var(--bad);transform:rotate(45deg)}
ol.transcript{list-style:none;padding:0;margin:0}
ol.transcript li{padding:.35rem .5rem;border-left:3px solid transparent}
ol.transcript li:target{background:#fff8d6;border-left-color:var(--warn)}
ol.transcript .spk{font-weight:600}
ol.transcript .spk.rep{color:var(--rep)}ol.transcript .spk.customer{color:var(--customer)}
.player{position:sticky;top:0;z-index:5;background:var(--bg);padding:.4rem 0}
.player audio{width:100%;max-width:40rem}
ol.transcript time{color:var(--muted);font-variant-numeric:tabular-nums;margin-right:.5rem}
ul.checklist{list-style:none;padding:0}
ul.checklist>li{padding:.4rem 0;border-bottom:1px solid var(--line)}
blockquote{margin:.3rem 0 .3rem 1rem;padding-left:.6rem;border-left:3px solid var(--line)}
.dropzone{border:2px dashed #8a909c;border-radius:.5rem;padding:1.5rem;text-align:center;background:#fff}
.dropzone.over{border-color:var(--accent);background:#eef3ff}
progress{width:100%;max-width:32rem;height:1rem}
.editor{display:grid;grid-template-columns:1fr;gap:1rem}
ol.lines{font-family:ui-monospace,monospace;font-size:.85rem;background:#fff;border:1px solid var(--line);padding:.5rem .5rem .5rem 3.5rem;margin:0;max-height:24rem;overflow:auto}
ol.lines li{white-space:pre-wrap}
ol.lines li.bad{background:#fdecea;outline:1px solid var(--bad)}
@media (max-width:40rem){main{padding:.6rem}th,td{padding:.35rem .3rem}header.top .who{margin-left:0}}
`;

/**
 * Progressive enhancement, for the upload page and a call's live status: without JavaScript the
 * plain form posts and the server redirects, and the status box offers a link instead.
 */
export const JS = `
(function(){
"use strict";
function $(s,r){return (r||document).querySelector(s)}
function text(el,t){if(el)el.textContent=t}
var LABEL={queued:"Queued",transcribing:"Transcribing the audio",analyzing:"Analyzing",done:"Analyzed",failed:"Failed"};
function poll(box){
  var url=box.getAttribute("data-status-url");var out=$(".status-text",box);var link=$(".status-link",box);
  function tick(){
    var x=new XMLHttpRequest();x.open("GET",url);x.setRequestHeader("accept","application/json");
    x.onload=function(){
      if(x.status!==200){text(out,"Could not read the status ("+x.status+").");return}
      var s=JSON.parse(x.responseText);
      text(out,s.label);
      if(s.finished){box.setAttribute("data-finished","true");if(link){link.hidden=false}return}
      setTimeout(tick,1000);
    };
    x.onerror=function(){setTimeout(tick,3000)};
    x.send();
  }
  tick();
}
var boxes=document.querySelectorAll("[data-status-url]");
for(var i=0;i<boxes.length;i++){if(boxes[i].getAttribute("data-finished")!=="true")poll(boxes[i])}
var player=document.getElementById("call-audio");
if(player){document.addEventListener("click",function(e){
  var a=e.target&&e.target.closest?e.target.closest("a[data-seek]"):null;
  if(!a)return;
  var at=parseFloat(a.getAttribute("data-seek"));if(!(at>=0))return;
  try{player.currentTime=at}catch(err){return}
  if(a.classList.contains("play")){e.preventDefault();player.play().catch(function(){});player.focus()}
})}
var form=$("form#upload");
if(!form)return;
var input=$("input[type=file]",form),zone=$(".dropzone",form),chosen=$(".chosen",form);
function showChosen(){text(chosen,input.files&&input.files.length?"Selected: "+input.files[0].name:"")}
input.addEventListener("change",showChosen);
if(zone){
  zone.addEventListener("dragover",function(e){e.preventDefault();zone.classList.add("over")});
  zone.addEventListener("dragleave",function(){zone.classList.remove("over")});
  zone.addEventListener("drop",function(e){e.preventDefault();zone.classList.remove("over");
    if(e.dataTransfer&&e.dataTransfer.files.length){input.files=e.dataTransfer.files;showChosen()}});
}
form.addEventListener("submit",function(e){
  if(!window.FormData)return;
  e.preventDefault();
  var err=$("#upload-error"),prog=$("#upload-progress"),box=$("#upload-status"),btn=$("button[type=submit]",form);
  err.hidden=true;text(err,"");
  if(!input.files||!input.files.length){err.hidden=false;text(err,"Choose a transcript or recording first.");input.focus();return}
  var data=new FormData(form);
  var x=new XMLHttpRequest();
  x.open("POST",form.action);
  x.setRequestHeader("accept","application/json");
  x.setRequestHeader("x-csrf-token",form.elements.csrf.value);
  prog.hidden=false;prog.value=0;btn.disabled=true;
  x.upload.onprogress=function(ev){if(ev.lengthComputable){prog.max=ev.total;prog.value=ev.loaded}};
  x.onload=function(){
    btn.disabled=false;
    var body=null;try{body=JSON.parse(x.responseText)}catch(_){}
    if(x.status>=200&&x.status<300&&body){
      prog.value=prog.max;
      box.hidden=false;box.setAttribute("data-status-url",body.statusUrl);
      var link=$(".status-link",box);link.href=body.url;
      text($(".status-text",box),"Uploaded. Waiting for analysis…");
      poll(box);return;
    }
    prog.hidden=true;err.hidden=false;
    text(err,body&&body.detail?(body.title?body.title+": ":"")+body.detail:"Upload failed ("+x.status+").");
    err.focus();
  };
  x.onerror=function(){btn.disabled=false;prog.hidden=true;err.hidden=false;text(err,"The upload did not reach the server. Check your connection and try again.");err.focus()};
  x.send(data);
});
})();
`;
