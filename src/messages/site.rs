//! Messages of site.

super::catalogue! {}
