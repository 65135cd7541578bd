//! A clamd of the test's own, started by `scripts/clamd.sh` in a temporary directory with
//! a signature database that knows EICAR; stopped when dropped.

use std::io::{BufRead, BufReader};
use std::process::{Child, Command, Stdio};

use crate::common::TempDir;

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
