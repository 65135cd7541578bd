//! A client of ClamAV's daemon: the INSTREAM command over its Unix or TCP socket. The
//! content goes as length-prefixed chunks ending with an empty one; clamd answers one
//! line, `stream: OK` or `stream: <signature> FOUND`, NUL-terminated (the `z` form).

use std::io;
use std::path::PathBuf;
use std::time::Duration;

use futures_util::StreamExt;
use tokio::io::{AsyncRead, AsyncReadExt, AsyncWrite, AsyncWriteExt};

use super::store::ByteStream;

/// How long one scan may take, connection included, before clamd counts as unreachable.
const SCAN_TIMEOUT: Duration = Duration::from_secs(300);
/// clamd refuses chunks above its `StreamMaxLength`; content is sent in pieces of this.
const CHUNK: usize = 64 * 1024;

/// Where clamd listens: a path is its `LocalSocket`, `host:port` its `TCPSocket`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum ClamdAddr {
    Unix(PathBuf),
    Tcp(String),
}

impl ClamdAddr {
    pub fn parse(text: &str) -> Self {
        if text.contains('/') {
            ClamdAddr::Unix(PathBuf::from(text))
        } else {
            ClamdAddr::Tcp(text.to_owned())
        }
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Verdict {
    Clean,
    /// The signature clamd found.
    Found(String),
}

/// Scans `content` with the clamd at `addr`. Any failure (clamd down, a timeout, an
/// answer that is not a verdict) is an error: the file then stays pending.
pub async fn scan(addr: &ClamdAddr, content: ByteStream) -> io::Result<Verdict> {
    let work = async {
        match addr {
            ClamdAddr::Unix(path) => {
                instream(tokio::net::UnixStream::connect(path).await?, content).await
            }
            ClamdAddr::Tcp(host) => {
                instream(tokio::net::TcpStream::connect(host).await?, content).await
            }
        }
    };
    tokio::time::timeout(SCAN_TIMEOUT, work)
        .await
        .map_err(|_| io::Error::new(io::ErrorKind::TimedOut, "clamd did not answer in time"))?
}

async fn instream<S>(mut socket: S, mut content: ByteStream) -> io::Result<Verdict>
where
    S: AsyncRead + AsyncWrite + Unpin,
{
    socket.write_all(b"zINSTREAM\0").await?;
    while let Some(bytes) = content.next().await {
        for piece in bytes?.chunks(CHUNK) {
            let len = u32::try_from(piece.len()).map_err(io::Error::other)?;
            socket.write_all(&len.to_be_bytes()).await?;
            socket.write_all(piece).await?;
        }
    }
    socket.write_all(&0u32.to_be_bytes()).await?;
    socket.flush().await?;
    let mut answer = Vec::new();
    // One short line; more than this is not clamd.
    (&mut socket).take(4096).read_to_end(&mut answer).await?;
    verdict(&answer)
}

fn verdict(answer: &[u8]) -> io::Result<Verdict> {
    let text = String::from_utf8_lossy(answer);
    let line = text.trim_end_matches(['\0', '\n']).trim();
    let body = line.strip_prefix("stream:").map(str::trim).unwrap_or(line);
    if body == "OK" {
        Ok(Verdict::Clean)
    } else if let Some(signature) = body.strip_suffix(" FOUND") {
        Ok(Verdict::Found(signature.trim().to_owned()))
    } else {
        Err(io::Error::other(format!("clamd answered {line:?}")))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use axum::body::Bytes;

    #[test]
    fn answers_are_read() {
        assert_eq!(verdict(b"stream: OK\0").ok(), Some(Verdict::Clean));
        assert_eq!(
            verdict(b"stream: Eicar-Test-Signature FOUND\0").ok(),
            Some(Verdict::Found("Eicar-Test-Signature".into()))
        );
        assert!(verdict(b"INSTREAM size limit exceeded. ERROR\0").is_err());
        assert!(verdict(b"").is_err());
    }

    /// A fake clamd: reads the chunks as the protocol frames them and answers FOUND when
    /// the content holds `EVIL`, so framing mistakes show up as wrong verdicts.
    async fn fake_clamd(mut socket: tokio::io::DuplexStream) {
        let mut command = [0u8; 10];
        socket.read_exact(&mut command).await.unwrap();
        assert_eq!(&command, b"zINSTREAM\0");
        let mut content = Vec::new();
        loop {
            let mut len = [0u8; 4];
            socket.read_exact(&mut len).await.unwrap();
            let len = u32::from_be_bytes(len) as usize;
            if len == 0 {
                break;
            }
            assert!(len <= CHUNK);
            let mut piece = vec![0; len];
            socket.read_exact(&mut piece).await.unwrap();
            content.extend(piece);
        }
        let found = content.windows(4).any(|w| w == b"EVIL");
        let answer: &[u8] = if found {
            b"stream: Evil FOUND\0"
        } else {
            b"stream: OK\0"
        };
        socket.write_all(answer).await.unwrap();
    }

    async fn scan_with_fake(parts: Vec<Vec<u8>>) -> Verdict {
        let (client, server) = tokio::io::duplex(1024);
        let served = tokio::spawn(fake_clamd(server));
        let stream: ByteStream = Box::pin(futures_util::stream::iter(
            parts.into_iter().map(|p| Ok(Bytes::from(p))),
        ));
        let verdict = instream(client, stream).await.unwrap();
        served.await.unwrap();
        verdict
    }

    #[tokio::test]
    async fn content_is_framed_in_chunks() {
        let big = vec![b'a'; CHUNK * 2 + 5];
        assert_eq!(
            scan_with_fake(vec![big.clone(), b"b".to_vec()]).await,
            Verdict::Clean
        );
        let mut evil = big;
        evil.extend(b"xxEVILxx");
        assert_eq!(
            scan_with_fake(vec![evil]).await,
            Verdict::Found("Evil".into())
        );
    }

    #[tokio::test]
    async fn an_absent_clamd_is_an_error() {
        let addr = ClamdAddr::parse("/nonexistent/clamd.sock");
        let empty: ByteStream = Box::pin(futures_util::stream::empty());
        assert!(scan(&addr, empty).await.is_err());
    }
}
