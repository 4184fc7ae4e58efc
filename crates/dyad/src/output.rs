//! Output: JSON Lines on stdout.
