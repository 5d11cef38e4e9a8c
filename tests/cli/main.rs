//! Integration tests: run the real `factop` binary.

mod audit;
mod classify;
mod demanding_user;
mod edges;
mod evaluate;
mod explain;
mod fixes;
mod fresh_user;
mod fuzz_corpus;
mod harness;
mod html;
mod inspect;
mod notebook;
mod pipeline;
mod plots;
mod progress;
mod quotations;
mod review;
mod robustness;
mod sentences;
mod shared_data;
mod train;
