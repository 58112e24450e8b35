// commentary-reader-frame.js — for host pages that embed the reader as an iframe:
//   <iframe data-commentary-reader src="https://host.example/commentary-reader/embed.html?src=…" title="…"></iframe>
//   <script type="module" src="https://host.example/commentary-reader/commentary-reader-frame.js"></script>
// It sets each such iframe's height to its content's. A message is believed only if it comes
// from that iframe's window AND from the origin of its src (pym.js trusted any origin by
// default, which let any framed page drive its host), and only if it is a plain height.
const MAX_HEIGHT = 100000;

window.addEventListener('message', (event) => {
  const data = event.data;
  if (!data || typeof data !== 'object' || data.type !== 'commentary-reader:size') return;
  const height = Number(data.height);
  if (!Number.isFinite(height) || height < 0 || height > MAX_HEIGHT) return;
  for (const frame of document.querySelectorAll('iframe[data-commentary-reader]')) {
    if (event.source !== frame.contentWindow) continue;
    let origin;
    try { origin = new URL(frame.src, location.href).origin; } catch { return; }
    if (event.origin !== origin) return;
    frame.style.height = `${Math.ceil(height)}px`;  // CSSOM: allowed under a strict style-src
    return;
  }
});
