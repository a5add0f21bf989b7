//! rosactl as a library: the binary (`main.rs`) only parses arguments and calls [`run`];
//! tests drive the same code.

pub mod aws;
pub mod calllog;
pub mod cli;
pub mod cluster;
pub mod commands;
pub mod confirm;
pub mod deploy;
pub mod detach;
pub mod exit;
pub mod files;
pub mod interrupt;
#[cfg(test)]
mod layers;
pub mod output;
pub mod pace;
pub mod payloads;
pub mod platform;
pub mod settings;

pub use exit::{Exit, Failure};
