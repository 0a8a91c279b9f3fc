//! The signal that stops the gateway: SIGTERM or Ctrl-C.

use std::time::Duration;

/// Completes on the first Ctrl-C or SIGTERM, and logs it.
pub async fn shutdown_signal(grace: Duration) {
    let ctrl_c = async {
        if tokio::signal::ctrl_c().await.is_err() {
            std::future::pending::<()>().await;
        }
    };
    #[cfg(unix)]
    let terminate = async {
        match tokio::signal::unix::signal(tokio::signal::unix::SignalKind::terminate()) {
            Ok(mut signal) => {
                signal.recv().await;
            }
            Err(_) => std::future::pending::<()>().await,
        }
    };
    #[cfg(not(unix))]
    let terminate = std::future::pending::<()>();
    let signal = tokio::select! {
        () = ctrl_c => "Ctrl-C",
        () = terminate => "SIGTERM",
    };
    tracing::info!(
        target: crate::logging::TARGET,
        grace_seconds = grace.as_secs_f64(),
        "{signal}: shutting down"
    );
}
