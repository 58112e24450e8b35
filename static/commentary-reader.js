// commentary-reader.js — the one script a host page loads (as a module, no inline script).
// It defines <commentary-reader src="…/commentary.bundle">, gives each element an open
// shadow root, loads the WebAssembly core once per page (when the first element comes near the
// viewport), and mounts/unmounts the widget. A src naming a commentary.md (an editor's folder
// that was not compiled) is compiled in the browser by a second module, loaded only then
// (the core tells the two apart by the file's first bytes).
import init, { mount, stylesheet } from './commentary-reader-core.js';

// `make dist` writes the wasm file's SRI hash here, so the browser checks the module it
// compiles too (the snippet's `integrity` covers this file, `modulepreload` the glue).
const WASM_INTEGRITY = null;
const WASM_URL = new URL('./commentary-reader-core_bg.wasm', import.meta.url);
const COMPILER_INTEGRITY = null;
const COMPILER_URL = new URL('./commentary-reader-compiler_bg.wasm', import.meta.url);
// Start a little before the element scrolls into view, so it is ready when it arrives.
const NEAR = '600px 0px';

let core = null;   // Promise of the initialised core, shared by every element on the page
let sheet = null;  // One constructed stylesheet, adopted by every shadow root
let compiler = null;  // Promise of the compiler module, loaded for the first commentary.md

// Compiles the folder of the commentary.md at `url` (its text already fetched: `source`) to a
// bundle (a Uint8Array). A failure to load the module rejects (the widget offers a retry, which loads
// it again).
function compile(url, assets, source) {
  compiler ??= (async () => {
    const module = await import('./commentary-reader-compiler.js');
    const wasm = COMPILER_INTEGRITY ? fetch(COMPILER_URL, { integrity: COMPILER_INTEGRITY }) : COMPILER_URL;
    await module.default({ module_or_path: wasm });
    return module;
  })().catch((error) => { compiler = null; throw error; });
  return compiler.then((module) => module.compile(url, assets, source));
}

function loadCore() {
  core ??= (async () => {
    const wasm = WASM_INTEGRITY ? fetch(WASM_URL, { integrity: WASM_INTEGRITY }) : WASM_URL;
    await init({ module_or_path: wasm });
    sheet = new CSSStyleSheet();
    sheet.replaceSync(stylesheet());
  })();
  return core;
}

// Starts fetching `src` (as the core would: same URL, its own abort controller) so the file
// arrives while the core loads. The core adopts the request, with its timeout.
function prefetch(src) {
  if (!src || !src.trim()) return null;
  try {
    const url = new URL(src, document.baseURI).href;
    const controller = new AbortController();
    const response = fetch(url, { signal: controller.signal });
    response.catch(() => {});  // the core reports failures; nothing is unhandled here
    return { url, response, controller };
  } catch {
    return null;  // not a URL: the core says so
  }
}

class CommentaryReader extends HTMLElement {
  static observedAttributes = ['src', 'lang', 'theme', 'map', 'cards', 'debug'];
  #handle = null;
  #generation = 0;
  #near = null;  // IntersectionObserver waiting for the element to come near the viewport
  #early = null;  // the request for src, started before the core is ready

  connectedCallback() {
    this.#whenNear(() => this.#start());
  }

  disconnectedCallback() {
    this.#near?.disconnect();
    this.#near = null;
    this.#stop();
  }

  attributeChangedCallback(_name, oldValue, newValue) {
    if (oldValue !== newValue && this.isConnected && this.#handle) {
      this.#stop();
      this.#start();
    }
  }

  #whenNear(then) {
    if (this.#handle || this.#near) return;
    if (!('IntersectionObserver' in window) || this.#nearNow()) { then(); return; }
    this.#near = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      this.#near.disconnect();
      this.#near = null;
      then();
    }, { rootMargin: NEAR });
    this.#near.observe(this);
  }

  // Already within the margin (the common case: the widget is the page's article): start now
  // rather than a frame later, when the observer would first report.
  #nearNow() {
    const box = this.getBoundingClientRect();
    const margin = 600;
    return box.bottom >= -margin && box.top <= innerHeight + margin && box.right >= 0 && box.left <= innerWidth;
  }

  async #start() {
    const generation = ++this.#generation;
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    if (!root.firstChild) root.append(document.createElement('slot'));  // fallback stays visible
    // The commentary downloads while the core compiles; the core takes this request over.
    this.#early = prefetch(this.getAttribute('src'));
    try {
      await loadCore();
    } catch (error) {
      this.#fail(root, `the widget's code could not be loaded (${error?.message ?? error})`);
      return;
    }
    // Removed or restarted while the core was loading: a newer start owns the element.
    if (generation !== this.#generation || !this.isConnected) return;
    root.adoptedStyleSheets = [sheet];
    root.replaceChildren();
    try {
      const early = this.#early;
      this.#early = null;
      this.#handle = mount(this, root, new URL('./', import.meta.url).href, compile, early);
    } catch (error) {
      this.#fail(root, String(error?.message ?? error));
    }
  }

  #stop() {
    this.#early?.controller.abort();
    this.#early = null;
    this.#generation++;
    if (this.#handle) {
      this.#handle.destroy();
      this.#handle.free();
      this.#handle = null;
    }
  }

  // Without the core there is no Rust to render the error: say it with plain DOM, keep the
  // host's fallback content visible through the slot.
  #fail(root, message) {
    const box = document.createElement('div');
    box.setAttribute('role', 'alert');
    box.textContent = `This commentary could not be shown: ${message}`;
    root.replaceChildren(box, document.createElement('slot'));
    this.dispatchEvent(new CustomEvent('commentary-reader:error', {
      bubbles: true, composed: true, detail: { src: this.getAttribute('src'), message },
    }));
  }
}

if (!customElements.get('commentary-reader')) {
  customElements.define('commentary-reader', CommentaryReader);
}
