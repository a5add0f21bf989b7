//! rosactl as a library: the binary (`main.rs`) only parses arguments and calls [`run`];
//! tests drive the same code.

pub mod cli;
pub mod commands;
pub mod exit;
pub mod output;
pub mod payloads;

pub use exit::{Exit, Failure};
