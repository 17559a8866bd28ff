//! Messages of yaml.

super::catalogue! {}
