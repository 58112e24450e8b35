// Live reload for `make serve` (`trunk serve`), as an external module so the strict
// Content-Security-Policy the development server sends (`script-src 'self'`) allows it: Trunk's
// own reload script is inline, which that policy refuses (Trunk.toml turns it off).
//
// scripts/package.mjs adds this file, and a <script type="module"> tag for it in every page, to
// development builds only; release builds (`make build`, `make dist`) never contain it.
//
// Trunk's server keeps a WebSocket at /.well-known/trunk/ws that says `{"type":"reload"}` after
// each successful rebuild and `{"type":"buildFailure","data":{"reason":…}}` after a failed one.
// A lost connection (Trunk restarted) is retried every two seconds, and the page reloads once it
// is back, since Trunk has then rebuilt. A page whose first connection fails is not served by
// Trunk (a debug build copied to a static server): it is left alone.
const socketUrl = new URL('../.well-known/trunk/ws', import.meta.url);
socketUrl.protocol = socketUrl.protocol === 'https:' ? 'wss:' : 'ws:';

let banner = null;

/** Shows a failed build at the top of the page (styled through the CSSOM: CSP-safe). */
function showFailure(reason) {
  console.error(`commentary-reader dev server: the build failed\n${reason}`);
  if (!banner) {
    banner = document.createElement('pre');
    banner.setAttribute('role', 'alert');
    for (const [property, value] of Object.entries({
      position: 'fixed', inset: '0 0 auto 0', 'z-index': '2147483647', margin: '0', padding: '1rem',
      'max-height': '50vh', overflow: 'auto', background: '#fff4f4', color: '#5c0000',
      'border-bottom': '3px solid #b00020', font: '13px/1.4 ui-monospace, monospace', 'white-space': 'pre-wrap',
    })) banner.style.setProperty(property, value);
    document.body.prepend(banner);
  }
  banner.textContent = `Build failed (the page reloads when it builds again):\n\n${reason}`;
}

let everOpen = false;

function connect(reloadOnOpen) {
  const socket = new WebSocket(socketUrl);
  socket.addEventListener('open', () => {
    everOpen = true;
    if (reloadOnOpen) window.location.reload();
  });
  socket.addEventListener('message', (event) => {
    let message;
    try {
      message = JSON.parse(event.data);
    } catch {
      return;
    }
    if (message.type === 'reload') window.location.reload();
    else if (message.type === 'buildFailure') showFailure(message.data?.reason ?? 'unknown reason');
  });
  socket.addEventListener('close', () => {
    if (everOpen) setTimeout(() => connect(true), 2000);
  });
}

connect(false);
