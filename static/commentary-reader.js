// commentary-reader.js — the one script a host page loads (as a module, no inline script).
// It defines <commentary-reader src="…/commentary.bundle">, gives each element an open
// shadow root, loads the WebAssembly core once per page (when the first element comes near the
// viewport), and mounts/unmounts the widget. A src naming a commentary.md (an editor's folder
// that was not compiled) is compiled in the browser by a second module, loaded only then
// (the core tells the two apart by the file's first bytes).
//
// A page made by `commentary-reader build --site` (index.html, embed.html) has the commentary
// prerendered in the element's declarative shadow root: readable before any script, and with
// this one hydrated in place (the core checks the page against the bundle first and renders
// afresh, with a warning, if they differ).
import init, { mount, hydrate } from './commentary-reader-core.js';

// `make dist` writes the wasm file's SRI hash here, so the browser checks the module it
// compiles too (the snippet's `integrity` covers this file, `modulepreload` the glue).
const WASM_INTEGRITY = null;
const WASM_URL = new URL('./commentary-reader-core_bg.wasm', import.meta.url);
const COMPILER_INTEGRITY = null;
const COMPILER_URL = new URL('./commentary-reader-compiler_bg.wasm', import.meta.url);
// The widget's stylesheet, one file for prerendered pages and for the roots made here (a
// <link>: the strict policy refuses inline styles). `make dist` writes its SRI hash here too.
const CSS_INTEGRITY = null;
const CSS_URL = new URL('./commentary-reader.css', import.meta.url).href;
// Start a little before the element scrolls into view, so it is ready when it arrives.
const NEAR = '600px 0px';

let core = null;   // Promise of the initialised core, shared by every element on the page
let compiler = null;  // Promise of the compiler module, loaded for the first commentary.md

// Compiles the folder of the commentary.md at `url` (its text already fetched: `source`) to a
// bundle (a Uint8Array): in its translation `lang` if given. A failure to load the module
// rejects (the widget offers a retry, which loads it again).
function compile(url, assets, source, lang) {
  compiler ??= (async () => {
    const module = await import('./commentary-reader-compiler.js');
    const wasm = COMPILER_INTEGRITY ? fetch(COMPILER_URL, { integrity: COMPILER_INTEGRITY }) : COMPILER_URL;
    await module.default({ module_or_path: wasm });
    return module;
  })().catch((error) => { compiler = null; throw error; });
  return compiler.then((module) => module.compile(url, assets, source, lang));
}

// Lets the page run its other tasks first (input, rendering): `scheduler.yield()` where the
// browser has it (the continuation keeps its place ahead of other work), else a new task.
function yieldToPage() {
  return globalThis.scheduler?.yield ? globalThis.scheduler.yield() : new Promise((resolve) => setTimeout(resolve, 0));
}

function loadCore() {
  core ??= (async () => {
    const wasm = WASM_INTEGRITY ? fetch(WASM_URL, { integrity: WASM_INTEGRITY }) : WASM_URL;
    await init({ module_or_path: wasm });
    // The breakdown of the time to ready (`make bench`): the core compiled and instantiated.
    performance.mark('commentary-reader:core');
  })();
  return core;
}

// The stylesheet's <link> for a shadow root, and a promise that it has loaded (or failed: the
// widget still works unstyled rather than not at all).
function stylesheetLink() {
  const link = document.createElement('link');
  link.rel = 'stylesheet';
  link.href = CSS_URL;
  if (CSS_INTEGRITY) link.integrity = CSS_INTEGRITY;
  const loaded = new Promise((resolve) => { link.onload = link.onerror = resolve; });
  return { link, loaded };
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

// A bundle handed over in memory (`element.bundle = bytes`, the editors' preview page): the
// core adopts it as the answer to `src` (or to a URL of one of the commentary's languages), as
// it adopts a prefetch, and nothing is fetched.
function given(src, bytes) {
  try {
    const url = new URL(src || 'commentary.bundle', document.baseURI).href;
    return { url, response: Promise.resolve(new Response(bytes)), controller: new AbortController() };
  } catch {
    return null;
  }
}

class CommentaryReader extends HTMLElement {
  static observedAttributes = ['src', 'lang', 'theme', 'map', 'cards', 'heading-level', 'debug'];
  #handle = null;
  #bundle = null;  // bytes given in memory, rendered in place of what `src` names
  #translations = null;  // with #bundle: its translations' bundles, by language tag
  #generation = 0;
  #near = null;  // IntersectionObserver waiting for the element to come near the viewport
  #early = null;  // the request for src, started before the core is ready

  get bundle() { return this.#bundle; }

  // With `bundle`, the bundles of its translations by language tag ({ ru: bytes }), for the
  // language switch; set it before `bundle`.
  get translations() { return this.#translations; }

  set translations(bundles) { this.#translations = bundles ?? null; }

  // The core asks for one of the commentary's languages by its URL and tag: the bundle given
  // for it, if any (`src`'s is `bundle`).
  #memory = (url, lang) => {
    if (!this.#bundle) return undefined;
    const src = new URL(this.getAttribute('src') || 'commentary.bundle', document.baseURI).href;
    const bytes = url === src ? this.#bundle : this.#translations?.[lang];
    return bytes ? given(url, bytes) : undefined;
  };

  set bundle(bytes) {
    this.#bundle = bytes ?? null;
    if (!this.isConnected) return;
    this.#stop();
    this.#whenNear(() => this.#start());
  }

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

  // Starts when the element comes within NEAR of the viewport, by the observer's report (after
  // the browser's own layout), even when already in view: measuring now forced a layout of the
  // whole page mid-load (70 ms at 4x CPU on the seed's reading page, bench/profile-tasks.mjs).
  #whenNear(then) {
    if (this.#handle || this.#near) return;
    if (!('IntersectionObserver' in window)) { then(); return; }
    this.#near = new IntersectionObserver((entries) => {
      if (!entries.some((e) => e.isIntersecting)) return;
      this.#near.disconnect();
      this.#near = null;
      then();
    }, { rootMargin: NEAR });
    this.#near.observe(this);
  }

  async #start() {
    const generation = ++this.#generation;
    // A prerendered page: the declarative shadow root is already attached, with its stylesheet
    // and the stamped rendering, which the core hydrates.
    // (`:scope` matches nothing in a shadow root: its children are looked at directly.)
    const children = [...(this.shadowRoot?.children ?? [])];
    const prerendered = children.find((el) => el.matches('.cr-root[data-cr-prerender]'));
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    let sheet = null;
    if (!prerendered) {
      if (!root.firstChild) root.append(document.createElement('slot'));  // fallback stays visible
      sheet = children.some((el) => el.matches('link[rel="stylesheet"]')) ? null : stylesheetLink();
      if (sheet) root.prepend(sheet.link);
    }
    // The commentary downloads while the core compiles; the core takes this request over.
    this.#early = this.#bundle ? given(this.getAttribute('src'), this.#bundle) : prefetch(this.getAttribute('src'));
    try {
      await Promise.all([loadCore(), sheet?.loaded]);
    } catch (error) {
      this.#fail(root, `the widget's code could not be loaded (${error?.message ?? error})`, Boolean(prerendered));
      return;
    }
    // The core was compiled and instantiated in the task that ends here: what it does next
    // goes in a task of its own, so the page can answer a tap in between.
    await yieldToPage();
    // Removed or restarted while the core was loading: a newer start owns the element.
    if (generation !== this.#generation || !this.isConnected) return;
    const early = this.#early;
    this.#early = null;
    const assets = new URL('./', import.meta.url).href;
    if (prerendered) {
      let handle;
      try {
        handle = await hydrate(this, prerendered, assets, compile, early, this.#memory);
      } catch (error) {
        // The prerendered text stays as it is: still readable.
        this.#fail(root, String(error?.message ?? error), true);
        return;
      }
      if (generation !== this.#generation) { handle.destroy(); handle.free(); return; }
      this.#handle = handle;
      return;
    }
    for (const node of [...root.childNodes]) if (node.nodeName !== 'LINK') node.remove();
    try {
      this.#handle = mount(this, root, assets, compile, early, this.#memory);
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
  // A prerendered element (`keep`) keeps its text, readable as it is; the message goes to the
  // console.
  #fail(root, message, keep = false) {
    if (keep) {
      console.error(`commentary-reader: ${message}`);
    } else {
      const box = document.createElement('div');
      box.setAttribute('role', 'alert');
      box.textContent = `This commentary could not be shown: ${message}`;
      root.replaceChildren(box, document.createElement('slot'));
    }
    this.dispatchEvent(new CustomEvent('commentary-reader:error', {
      bubbles: true, composed: true, detail: { src: this.getAttribute('src'), message },
    }));
  }
}

if (!customElements.get('commentary-reader')) {
  customElements.define('commentary-reader', CommentaryReader);
}
