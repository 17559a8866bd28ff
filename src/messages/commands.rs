//! Messages of the commands: what `build`, `check`, `serve`, `new` and `init` print, and the
//! words around every diagnostic.

super::catalogue! {
    /// The label of an error on the terminal.
    fn error_label() {
        nl: "fout",
        en: "error",
    }
    /// The label of a warning on the terminal.
    fn warning_label() {
        nl: "waarschuwing",
        en: "warning",
    }
    /// The label of a hint on the terminal.
    fn hint_label() {
        nl: "tip",
        en: "help",
    }
    /// The last line of a build that failed.
    fn build_failed(count) {
        nl: "de build is mislukt met {count} fout(en); de vorige output is niet veranderd",
        en: "the build failed with {count} error(s); the previous output is unchanged",
    }
}
