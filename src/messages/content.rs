//! Messages of content.

super::catalogue! {}
