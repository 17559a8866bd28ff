//! Messages of check.

super::catalogue! {}
