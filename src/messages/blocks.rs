//! Messages of blocks.

super::catalogue! {}
