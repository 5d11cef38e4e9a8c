//! Integration tests: run the real `factop` binary.

mod classify;
mod evaluate;
mod harness;
mod shared_data;
mod train;
