//! The browser's own `Math` for the floating-point functions the geography calls.
//!
//! WebAssembly has no instructions for sine, power, logarithm and the like, so Rust links a
//! software copy of them (`libm`, from `compiler_builtins`) into every module: 14 KB of code the
//! page's JavaScript engine already has. Each function below is a strong definition of the C
//! symbol `f64::sin` and the others call, which the linker takes over the standard library's
//! weak one, and it calls the engine's `Math` instead. The results are IEEE doubles to the last
//! bit or within an ulp of `libm`'s, which the map's coordinates, rounded to hundredths of a
//! pixel, never show.

use wasm_bindgen::prelude::wasm_bindgen;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = Math, js_name = sin)]
    fn math_sin(x: f64) -> f64;
    #[wasm_bindgen(js_namespace = Math, js_name = cos)]
    fn math_cos(x: f64) -> f64;
    #[wasm_bindgen(js_namespace = Math, js_name = tan)]
    fn math_tan(x: f64) -> f64;
    #[wasm_bindgen(js_namespace = Math, js_name = asin)]
    fn math_asin(x: f64) -> f64;
    #[wasm_bindgen(js_namespace = Math, js_name = atan)]
    fn math_atan(x: f64) -> f64;
    #[wasm_bindgen(js_namespace = Math, js_name = atan2)]
    fn math_atan2(y: f64, x: f64) -> f64;
    #[wasm_bindgen(js_namespace = Math, js_name = exp)]
    fn math_exp(x: f64) -> f64;
    #[wasm_bindgen(js_namespace = Math, js_name = log)]
    fn math_log(x: f64) -> f64;
    #[wasm_bindgen(js_namespace = Math, js_name = log10)]
    fn math_log10(x: f64) -> f64;
    #[wasm_bindgen(js_namespace = Math, js_name = pow)]
    fn math_pow(x: f64, y: f64) -> f64;
    #[wasm_bindgen(js_namespace = Math, js_name = hypot)]
    fn math_hypot(x: f64, y: f64) -> f64;
}

#[unsafe(no_mangle)]
extern "C" fn sin(x: f64) -> f64 {
    math_sin(x)
}
#[unsafe(no_mangle)]
extern "C" fn cos(x: f64) -> f64 {
    math_cos(x)
}
#[unsafe(no_mangle)]
extern "C" fn tan(x: f64) -> f64 {
    math_tan(x)
}
#[unsafe(no_mangle)]
extern "C" fn asin(x: f64) -> f64 {
    math_asin(x)
}
#[unsafe(no_mangle)]
extern "C" fn atan(x: f64) -> f64 {
    math_atan(x)
}
#[unsafe(no_mangle)]
extern "C" fn atan2(y: f64, x: f64) -> f64 {
    math_atan2(y, x)
}
#[unsafe(no_mangle)]
extern "C" fn exp(x: f64) -> f64 {
    math_exp(x)
}
#[unsafe(no_mangle)]
extern "C" fn log(x: f64) -> f64 {
    math_log(x)
}
#[unsafe(no_mangle)]
extern "C" fn log10(x: f64) -> f64 {
    math_log10(x)
}
#[unsafe(no_mangle)]
extern "C" fn pow(x: f64, y: f64) -> f64 {
    math_pow(x, y)
}
#[unsafe(no_mangle)]
extern "C" fn hypot(x: f64, y: f64) -> f64 {
    math_hypot(x, y)
}
