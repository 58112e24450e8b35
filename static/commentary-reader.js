// commentary-reader.js — the one script a host page loads (as a module, no inline script).
// It defines <commentary-reader src="…/commentary.md">, gives each element an open shadow
// root, loads the WebAssembly core once per page, and mounts/unmounts the widget.
import init, { mount, stylesheet } from './commentary-reader-core.js';

let core = null;   // Promise of the initialised core, shared by every element on the page
let sheet = null;  // One constructed stylesheet, adopted by every shadow root

function loadCore() {
  core ??= init({ module_or_path: new URL('./commentary-reader-core_bg.wasm', import.meta.url) }).then(() => {
    sheet = new CSSStyleSheet();
    sheet.replaceSync(stylesheet());
  });
  return core;
}

class CommentaryReader extends HTMLElement {
  static observedAttributes = ['src', 'lang'];
  #handle = null;
  #generation = 0;

  connectedCallback() {
    this.#start();
  }

  disconnectedCallback() {
    this.#stop();
  }

  attributeChangedCallback(_name, oldValue, newValue) {
    if (oldValue !== newValue && this.isConnected && this.#handle) {
      this.#stop();
      this.#start();
    }
  }

  async #start() {
    const generation = ++this.#generation;
    const root = this.shadowRoot ?? this.attachShadow({ mode: 'open' });
    try {
      await loadCore();
    } catch (error) {
      this.#fail(root, `the widget's code could not be loaded (${error?.message ?? error})`);
      return;
    }
    // Removed or restarted while the core was loading: a newer start owns the element.
    if (generation !== this.#generation || !this.isConnected) return;
    root.adoptedStyleSheets = [sheet];
    try {
      this.#handle = mount(this, root, new URL('./', import.meta.url).href);
    } catch (error) {
      this.#fail(root, String(error?.message ?? error));
    }
  }

  #stop() {
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
