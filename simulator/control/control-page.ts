// A small page at /_sim/ for humans: devices (what they hold, their faults) with trigger buttons, demo rate,
// webhook target, active faults, recent deliveries.
// Static HTML + fetch against the control API; no build step.
export function renderControlPage(): string {
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>Tuya Cloud simulator</title>
<style>
 body{font:14px system-ui,sans-serif;margin:24px;color:#1d2433;background:#f6f7f9}
 h1{font-size:20px} section{background:#fff;border:1px solid #dde1e7;border-radius:8px;padding:12px 16px;margin:12px 0}
 button{margin:2px;padding:3px 8px;border:1px solid #9aa5b5;border-radius:4px;background:#fff;cursor:pointer}
 button:hover{background:#eef2f7} .off{color:#b42318} .on{color:#067647} pre{max-height:240px;overflow:auto;background:#f0f2f5;padding:8px}
 table{border-collapse:collapse} td,th{padding:2px 8px;text-align:left;border-bottom:1px solid #eee}
</style></head><body>
<h1>Tuya Cloud simulator — control</h1>
<section><b>Demo traffic</b> <input id="rate" type="number" min="0" value="0" style="width:6em"> events/min
 <button onclick="post('/_sim/demo',{perMinute:Number(rate.value)})">Apply</button>
 &nbsp; <b>Webhook</b> <input id="hook" placeholder="http://localhost:3000/api/webhooks/tuya" size="40">
 <button onclick="post('/_sim/webhook',{url:hook.value||null})">Set</button></section>
<section><b>Active faults</b> <button onclick="clearFaults()">Clear all</button><pre id="faults"></pre></section>
<section id="devices">Loading devices…</section>
<section><b>Last result</b><pre id="out"></pre></section>
<section><b>Recent deliveries</b> <button onclick="loadDeliveries()">Refresh</button><div id="deliveries"></div></section>
<script>
const out=document.getElementById('out');
const esc=v=>String(v).replace(/[&<>"']/g,c=>'&#'+c.charCodeAt(0)+';');
async function post(url,body){const r=await fetch(url,{method:'POST',headers:{'content-type':'application/json'},body:JSON.stringify(body)});out.textContent=JSON.stringify(await r.json(),null,2);loadDevices();loadDeliveries();loadFaults();}
async function loadFaults(){document.getElementById('faults').textContent=JSON.stringify(await (await fetch('/_sim/faults')).json(),null,2);}
async function clearFaults(){await fetch('/_sim/faults',{method:'DELETE',headers:{'content-type':'application/json'}});loadFaults();loadDevices();}
async function loadDevices(){
 const devices=await (await fetch('/_sim/devices')).json();
 const rows=await Promise.all(devices.map(async d=>{const full=await (await fetch('/_sim/devices/'+d.id)).json();
  const buttons=full.triggers.map(k=>'<button data-d="'+d.id+'" data-k="'+k+'">'+k.replace('_',' ')+'</button>').join('');
  const faults=full.faults.map(f=>' <span class="off">fault '+f.code+(f.remaining===undefined?'':' ×'+f.remaining)+'</span>').join('');
  const held=' <small>'+full.persons.length+' persons · '+full.faces.length+' faces · '+full.cards.length+' cards · '+full.pins.length+' PINs · '+full.members.length+' members · '+full.tempPasswords.length+' temp passwords</small>';
  return '<div><b>'+esc(d.name)+'</b> <small>'+esc(d.id)+' · '+esc(d.category)+'</small> <span class="'+(d.online?'on">online':'off">offline')+'</span>'+faults+held+'<br>'+buttons+'</div>';}));
 const el=document.getElementById('devices');el.innerHTML=rows.join('<hr>');
 el.querySelectorAll('button').forEach(b=>b.onclick=()=>post('/_sim/devices/'+b.dataset.d+'/trigger',{kind:b.dataset.k}));
}
async function loadDeliveries(){
 const d=await (await fetch('/_sim/deliveries')).json();
 const items=d.items.slice(-15).reverse().map(m=>'<tr><td>'+m.createdAt+'</td><td>'+m.protocol+'</td><td>'+(m.sourceId||'')+'</td><td>'+m.mq+'</td><td>'+(m.webhook?m.webhook.state:'–')+'</td></tr>').join('');
 document.getElementById('deliveries').innerHTML='<p>'+JSON.stringify(d.counts)+'</p><table><tr><th>time</th><th>protocol</th><th>source id</th><th>MQ</th><th>webhook</th></tr>'+items+'</table>';
}
loadDevices();loadDeliveries();loadFaults();
</script></body></html>`
}
