//! Search caches shared by all threads: a free list.
//!
//! `regex_automata`'s own pool gives the thread that made it a cache of its
//! own and every other thread caches from a stack, one for each thread that
//! searches: with the worker's conversion threads in one process, every
//! pattern had a cache per thread, each lazy DFA learning the same states
//! again (and holding them: most of the process's memory beyond the
//! compiled rules). Here a search takes any free cache and puts it back
//! when done, so a pattern has as many caches as threads searching it at
//! the same moment (mostly one). Which cache a search uses never changes
//! what it finds.

use std::ops::{Deref, DerefMut};
use std::sync::Mutex;

/// Free caches of one pattern.
pub(crate) struct Shared<T> {
    free: Mutex<Vec<Box<T>>>,
}

impl<T> Shared<T> {
    pub(crate) fn new() -> Shared<T> {
        Shared {
            free: Mutex::new(Vec::new()),
        }
    }

    /// A free cache, or one made by `create` when none is free.
    pub(crate) fn get(&self, create: impl FnOnce() -> T) -> Guard<'_, T> {
        let free = self.free.lock().unwrap_or_else(|e| e.into_inner()).pop();
        Guard {
            shared: self,
            value: Some(free.unwrap_or_else(|| Box::new(create()))),
        }
    }
}

impl<T> std::fmt::Debug for Shared<T> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Shared").finish_non_exhaustive()
    }
}

/// A clone starts with no caches of its own.
impl<T> Clone for Shared<T> {
    fn clone(&self) -> Shared<T> {
        Shared::new()
    }
}

/// A cache taken from a [`Shared`], put back when dropped.
pub(crate) struct Guard<'a, T> {
    shared: &'a Shared<T>,
    value: Option<Box<T>>,
}

impl<T> Deref for Guard<'_, T> {
    type Target = T;
    fn deref(&self) -> &T {
        self.value.as_ref().expect("a cache until dropped")
    }
}

impl<T> DerefMut for Guard<'_, T> {
    fn deref_mut(&mut self) -> &mut T {
        self.value.as_mut().expect("a cache until dropped")
    }
}

impl<T> Drop for Guard<'_, T> {
    fn drop(&mut self) {
        if let Some(value) = self.value.take() {
            let mut free = self.shared.free.lock().unwrap_or_else(|e| e.into_inner());
            free.push(value);
        }
    }
}
