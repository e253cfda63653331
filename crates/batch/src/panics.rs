//! Turning converter panics into per-file failures, quietly.

use std::any::Any;
use std::cell::{Cell, RefCell};
use std::panic::{self, AssertUnwindSafe, PanicHookInfo};
use std::sync::{Arc, Mutex};

type Hook = Box<dyn Fn(&PanicHookInfo<'_>) + Send + Sync + 'static>;

/// The hook that was in place before the first of the concurrent runs began,
/// and how many runs are going on. Runs can overlap (tests, a library user), so
/// the hook is installed by the first and restored by the last.
struct HookState {
    users: usize,
    previous: Option<Arc<Hook>>,
}

static STATE: Mutex<HookState> = Mutex::new(HookState {
    users: 0,
    previous: None,
});

thread_local! {
    /// Set while this thread runs a conversion inside `catch_unwind`.
    static CAPTURING: Cell<bool> = const { Cell::new(false) };
    /// Where the last captured panic happened, picked up after unwinding.
    static LOCATION: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// While alive, panics in conversions are recorded instead of printed.
pub struct HookGuard(());

impl HookGuard {
    pub fn install() -> Self {
        let mut state = STATE.lock().unwrap_or_else(|e| e.into_inner());
        if state.users == 0 {
            let previous: Arc<Hook> = Arc::new(panic::take_hook());
            let chained = Arc::clone(&previous);
            panic::set_hook(Box::new(move |info| {
                if CAPTURING.with(Cell::get) {
                    let at = info
                        .location()
                        .map(|l| format!("{}:{}:{}", l.file(), l.line(), l.column()));
                    LOCATION.with(|cell| *cell.borrow_mut() = at);
                } else {
                    chained(info);
                }
            }));
            state.previous = Some(previous);
        }
        state.users += 1;
        HookGuard(())
    }
}

impl Drop for HookGuard {
    fn drop(&mut self) {
        let mut state = STATE.lock().unwrap_or_else(|e| e.into_inner());
        state.users = state.users.saturating_sub(1);
        if state.users > 0 || std::thread::panicking() {
            return;
        }
        if let Some(previous) = state.previous.take() {
            // Dropping our hook releases its clone of `previous`, so it can
            // usually be unwrapped and put back exactly as it was.
            drop(panic::take_hook());
            match Arc::try_unwrap(previous) {
                Ok(hook) => panic::set_hook(hook),
                Err(shared) => panic::set_hook(Box::new(move |info| shared(info))),
            }
        }
    }
}

/// Runs `f`, turning a panic into `Err("panicked: <message> at <location>")`.
pub fn catch<T>(f: impl FnOnce() -> T) -> Result<T, String> {
    CAPTURING.with(|c| c.set(true));
    LOCATION.with(|cell| cell.borrow_mut().take());
    let result = panic::catch_unwind(AssertUnwindSafe(f));
    CAPTURING.with(|c| c.set(false));
    result.map_err(|payload| {
        let message = payload_message(payload.as_ref());
        match LOCATION.with(|cell| cell.borrow_mut().take()) {
            Some(at) => format!("panicked: {message} (at {at})"),
            None => format!("panicked: {message}"),
        }
    })
}

fn payload_message(payload: &(dyn Any + Send)) -> String {
    if let Some(s) = payload.downcast_ref::<&str>() {
        (*s).to_string()
    } else if let Some(s) = payload.downcast_ref::<String>() {
        s.clone()
    } else {
        "unknown panic payload".to_string()
    }
}
