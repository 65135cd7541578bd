//! A clamd of the test's own, started by `scripts/clamd.sh` in a temporary directory with
//! a signature database that knows EICAR; stopped when dropped.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use support_api_server::files::FileConfig;

use crate::common::{TempDir, TestApp};

/// A test app whose files are scanned by a clamd of its own; `None` (the test skips) on
/// a machine without clamd, unless `PORTAL_TESTS_NEED_CLAMD` is set, as `make test` sets
/// it: there a missing clamd fails the test instead of passing it unchecked.
pub async fn app_with_clamd() -> Option<(TestApp, Clamd)> {
    let Some(clamd) = Clamd::start() else {
        assert!(
            std::env::var_os("PORTAL_TESTS_NEED_CLAMD").is_none(),
            "clamd is not installed, and PORTAL_TESTS_NEED_CLAMD says the tests need it"
        );
        eprintln!("clamd is not installed: skipped");
        return None;
    };
    let app = TestApp::with_files(FileConfig {
        clamd: Some(clamd.socket()),
        ..Default::default()
    })
    .await;
    Some((app, clamd))
}

pub struct Clamd {
    child: Child,
    dir: TempDir,
}

impl Clamd {
    /// `None` when the machine has no clamd.
    pub fn start() -> Option<Clamd> {
        if Command::new("clamd").arg("--version").output().is_err()
            && !std::path::Path::new("/usr/sbin/clamd").exists()
        {
            return None;
        }
        let dir = TempDir::new();
        let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../../scripts/clamd.sh");
        let mut child = Command::new(script)
            .arg(dir.path())
            .env(
                "PATH",
                format!("/usr/sbin:{}", std::env::var("PATH").unwrap_or_default()),
            )
            .stdout(Stdio::piped())
            .spawn()
            .expect("start scripts/clamd.sh");
        let stdout = child.stdout.take().expect("stdout");
        let mut line = String::new();
        BufReader::new(stdout)
            .read_line(&mut line)
            .expect("clamd's first line");
        assert!(line.starts_with("clamd ready"), "clamd: {line}");
        Some(Clamd { child, dir })
    }

    pub fn socket(&self) -> String {
        self.dir.path().join("clamd.sock").display().to_string()
    }
}

impl Drop for Clamd {
    fn drop(&mut self) {
        // The script's trap stops clamd when the script is terminated.
        let _ = Command::new("kill")
            .arg(self.child.id().to_string())
            .status();
        let _ = self.child.wait();
        if let Ok(pid) = std::fs::read_to_string(self.dir.path().join("clamd.pid")) {
            let _ = Command::new("kill").arg(pid.trim()).status();
        }
    }
}
