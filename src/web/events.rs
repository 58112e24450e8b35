//! The element's public events: `commentary-reader:ready`, `commentary-reader:error`.
//! They bubble and are composed, so a host listening on `document` hears them.

use wasm_bindgen::JsValue;
use web_sys::{CustomEvent, CustomEventInit, HtmlElement};

/// Dispatches `commentary-reader:<name>` on `host` with a plain-object `detail`.
pub fn dispatch(host: &HtmlElement, name: &str, detail: &[(&str, &str)]) {
    let object = js_sys::Object::new();
    for (key, value) in detail {
        // Setting a property on a fresh plain object cannot fail.
        let _ = js_sys::Reflect::set(&object, &JsValue::from_str(key), &JsValue::from_str(value));
    }
    let init = CustomEventInit::new();
    init.set_bubbles(true);
    init.set_composed(true);
    init.set_detail(&object);
    if let Ok(event) = CustomEvent::new_with_event_init_dict(&format!("commentary-reader:{name}"), &init) {
        let _ = host.dispatch_event(&event);
    }
}
