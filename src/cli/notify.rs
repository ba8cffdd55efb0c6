//! `foi due --check --notify`: a desktop notification too, where a notification service
//! runs. Where none does (a server, a container, cron without a desktop session) nothing
//! happens and nothing is said: the lines on standard output and the exit status are
//! the check's answer either way.

/// Show `summary` with `body` as a desktop notification, if one can be shown.
pub fn notify(summary: &str, body: &str) {
    if !session_bus_likely() {
        return;
    }
    // Any failure (no service, no bus, refused) is the "none runs" case: ignored.
    let _ = notify_rust::Notification::new()
        .appname("foi")
        .summary(summary)
        .body(body)
        .show();
}

/// On Linux and the BSDs notifications go over the desktop session's D-Bus: without its
/// address (cron, ssh, a container) there is nobody to show one, so don't even try.
#[cfg(all(unix, not(target_os = "macos")))]
fn session_bus_likely() -> bool {
    std::env::var_os("DBUS_SESSION_BUS_ADDRESS").is_some_and(|a| !a.is_empty())
        || std::env::var_os("XDG_RUNTIME_DIR")
            .is_some_and(|d| std::path::Path::new(&d).join("bus").exists())
}

/// macOS and Windows have a notification centre in every session.
#[cfg(not(all(unix, not(target_os = "macos"))))]
fn session_bus_likely() -> bool {
    true
}
