// embed.html's only script: puts one <commentary-reader> in the page from the URL's parameters
// and tells the embedding page its height, so a host script (commentary-reader-frame.js) can
// size the iframe. The height goes to the host's origin only, never to '*'.
const params = new URLSearchParams(location.search);
const element = document.createElement('commentary-reader');
for (const name of ['src', 'lang', 'theme', 'map', 'cards']) {
  const value = params.get(name);
  if (value !== null) element.setAttribute(name, value);
}
document.documentElement.style.background = 'transparent';
document.body.style.margin = '0';
document.body.append(element);

function hostOrigin() {
  const given = params.get('origin');
  if (given) return given;
  if (location.ancestorOrigins?.length) return location.ancestorOrigins[0];
  try { return new URL(document.referrer).origin; } catch { return null; }
}

const target = window.parent !== window ? hostOrigin() : null;
if (target && target !== 'null') {
  let last = -1;
  const send = () => {
    const height = Math.ceil(document.documentElement.getBoundingClientRect().height);
    if (height === last) return;
    last = height;
    window.parent.postMessage({ type: 'commentary-reader:size', height }, target);
  };
  new ResizeObserver(send).observe(document.documentElement);
  send();
}
