//! JavaScript bindings: converts types at the boundary and holds no analysis logic.

use crate::report::OffsetUnit;
use crate::Options;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Sends a panic's message to the console before the trap reaches JavaScript, which
/// shows the user an error and keeps their text.
#[wasm_bindgen(start)]
fn start() {
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&format!("article-analyser: {info}").into());
    }));
}

/// Analyses `text` and returns the report as a plain object with UTF-16 offsets (what
/// JavaScript strings use). `options` is an object with the fields of `Options`, or
/// undefined.
#[wasm_bindgen]
pub fn analyse(text: &str, options: JsValue) -> Result<JsValue, JsError> {
    let mut options: Options = if options.is_undefined() || options.is_null() {
        Options::default()
    } else {
        serde_wasm_bindgen::from_value(options)
            .map_err(|e| JsError::new(&format!("bad options: {e}")))?
    };
    options.offsets = OffsetUnit::Utf16;
    let report = crate::analyse_with_clock(text, &options, performance_now)
        .map_err(|e| JsError::new(&e.to_string()))?;
    // One JSON string parsed by the engine is much faster than building the object
    // field by field across the boundary.
    let json = serde_json::to_string(&report).map_err(|e| JsError::new(&e.to_string()))?;
    js_sys::JSON::parse(&json).map_err(|_| JsError::new("the report is not valid JSON"))
}

/// The input size limit in UTF-8 bytes, so the page can warn before calling `analyse`.
#[wasm_bindgen(js_name = maxInputBytes)]
pub fn max_input_bytes() -> usize {
    crate::MAX_INPUT_BYTES
}

/// `performance.now()` in a window or a worker; the object is looked up once, since the
/// lookup costs more than the call and every stage is timed.
fn performance_now() -> f64 {
    thread_local! {
        static PERFORMANCE: Option<web_sys::Performance> =
            js_sys::Reflect::get(&js_sys::global(), &JsValue::from_str("performance"))
                .ok()
                .and_then(|p| p.dyn_into::<web_sys::Performance>().ok());
    }
    PERFORMANCE.with(|p| p.as_ref().map_or(0.0, |p| p.now()))
}

/// Talc in place of Rust's default wasm allocator (dlmalloc): the analysis makes many small
/// short-lived allocations, and a whole pass over the benchmark corpus runs about 1.5% faster.
#[global_allocator]
static TALC: talc::wasm::WasmDynamicTalc = talc::wasm::new_wasm_dynamic_allocator();
