// The stand-alone login / first-run page. It works without the SPA bundle so a user can always get in.
export const LOGIN_PAGE = `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width,initial-scale=1">
<title>idkarr — log in</title>
<style>
body{font-family:system-ui,sans-serif;background:#1b1d23;color:#e6e6e6;display:grid;place-items:center;min-height:100vh;margin:0}
form{background:#262933;padding:2rem;border-radius:8px;width:min(22rem,90vw);display:grid;gap:.8rem}
label{display:grid;gap:.3rem;font-size:.9rem}input{padding:.55rem;border-radius:4px;border:1px solid #444;background:#1b1d23;color:inherit}
button{padding:.6rem;border:0;border-radius:4px;background:#3b82f6;color:#fff;font-weight:600;cursor:pointer}
#msg{min-height:1.2em;color:#f87171;font-size:.9rem}h1{margin:0 0 .5rem;font-size:1.3rem}
</style></head><body>
<form id="f" aria-labelledby="t"><h1 id="t">Log in to idkarr</h1>
<label>Username <input id="u" name="username" autocomplete="username" required></label>
<label>Password <input id="p" name="password" type="password" autocomplete="current-password" required></label>
<button id="b" type="submit">Log in</button><div id="msg" role="alert"></div></form>
<script>
let setup=false;
fetch('/api/v1/auth/setup').then(r=>r.json()).then(j=>{setup=j.needsSetup;if(setup){t.textContent='Create the idkarr user';b.textContent='Create user';p.autocomplete='new-password';}});
f.addEventListener('submit',async e=>{e.preventDefault();msg.textContent='';
 const body=JSON.stringify({username:u.value,password:p.value});const h={'content-type':'application/json'};
 if(setup){const r=await fetch('/api/v1/auth/setup',{method:'POST',headers:h,body});if(!r.ok){msg.textContent=(await r.json()).detail||'could not create user';return;}}
 const r=await fetch('/api/v1/auth/login',{method:'POST',headers:h,body});
 if(r.ok){const ret=new URLSearchParams(location.search).get('returnUrl');location.href=ret&&ret.startsWith('/')&&!ret.startsWith('//')?ret:'/';}
 else msg.textContent=(await r.json()).detail||'login failed';});
</script></body></html>`;
