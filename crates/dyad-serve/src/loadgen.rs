//! A loopback load generator for `dyad serve` benchmarks: a few keep-alive
//! HTTP/1.1 connections over plain TCP, each sending its next request as soon
//! as the last answer is read (closed loop), timing every request.

use std::io::{BufRead, BufReader, Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, Instant};

/// What a run measured. Latencies are per request, from writing it to having
/// read the whole body.
#[derive(Debug, Clone, PartialEq)]
pub struct LoadReport {
    pub requests: usize,
    /// Answers other than 200, and connections that failed.
    pub errors: usize,
    pub seconds: f64,
    pub requests_per_second: f64,
    pub p50_ms: f64,
    pub p90_ms: f64,
    pub p99_ms: f64,
    pub max_ms: f64,
    /// Mean body size, bytes.
    pub mean_bytes: f64,
}

/// Reads one response; returns its status and body length.
fn read_response(r: &mut BufReader<TcpStream>) -> std::io::Result<(u16, usize)> {
    let mut line = String::new();
    r.read_line(&mut line)?;
    let status: u16 = line
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .ok_or_else(|| std::io::Error::other(format!("bad status line {line:?}")))?;
    let mut length: Option<usize> = None;
    let mut chunked = false;
    loop {
        line.clear();
        if r.read_line(&mut line)? == 0 {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        let l = line.trim_end();
        if l.is_empty() {
            break;
        }
        if let Some((k, v)) = l.split_once(':') {
            let k = k.trim().to_ascii_lowercase();
            if k == "content-length" {
                length = v.trim().parse().ok();
            } else if k == "transfer-encoding" && v.to_ascii_lowercase().contains("chunked") {
                chunked = true;
            }
        }
    }
    if chunked {
        let mut total = 0;
        loop {
            line.clear();
            r.read_line(&mut line)?;
            let size = usize::from_str_radix(line.trim().split(';').next().unwrap_or(""), 16)
                .map_err(|_| std::io::Error::other("bad chunk size"))?;
            let mut buf = vec![0; size + 2];
            r.read_exact(&mut buf)?;
            if size == 0 {
                return Ok((status, total));
            }
            total += size;
        }
    }
    let n = length.ok_or_else(|| std::io::Error::other("no content-length"))?;
    let mut buf = vec![0; n];
    r.read_exact(&mut buf)?;
    Ok((status, n))
}

/// One connection's latencies (ms), errors, body bytes, and when its first
/// timed request was sent.
type Tally = (Vec<f64>, usize, usize, Option<Instant>);

fn percentile(sorted: &[f64], p: f64) -> f64 {
    if sorted.is_empty() {
        return 0.0;
    }
    let i = ((sorted.len() as f64 - 1.0) * p).round() as usize;
    sorted[i.min(sorted.len() - 1)]
}

/// Sends `paths` round-robin over `connections` connections to `addr` for
/// `duration` (after `warmup` untimed requests per connection) and reports.
pub fn run(
    addr: SocketAddr,
    paths: &[String],
    connections: usize,
    duration: Duration,
    warmup: usize,
) -> std::io::Result<LoadReport> {
    if paths.is_empty() {
        return Err(std::io::Error::other("no paths to request"));
    }
    let deadline = Instant::now() + duration;
    let results: Vec<std::io::Result<Tally>> = std::thread::scope(|scope| {
        let handles: Vec<_> = (0..connections.max(1))
            .map(|c| {
                scope.spawn(move || -> std::io::Result<Tally> {
                    let stream = TcpStream::connect(addr)?;
                    stream.set_nodelay(true)?;
                    let mut writer = stream.try_clone()?;
                    let mut reader = BufReader::with_capacity(1 << 16, stream);
                    let mut lat = Vec::new();
                    let (mut errors, mut bytes) = (0, 0);
                    let mut i = c;
                    let mut sent = 0usize;
                    let mut first: Option<Instant> = None;
                    loop {
                        let timed = sent >= warmup;
                        if timed && Instant::now() >= deadline {
                            break;
                        }
                        let path = &paths[i % paths.len()];
                        i += 1;
                        let t = Instant::now();
                        write!(
                            writer,
                            "GET {path} HTTP/1.1\r\nHost: {addr}\r\nConnection: keep-alive\r\n\r\n"
                        )?;
                        let (status, n) = read_response(&mut reader)?;
                        sent += 1;
                        if !timed {
                            continue;
                        }
                        first.get_or_insert(t);
                        lat.push(t.elapsed().as_secs_f64() * 1000.0);
                        bytes += n;
                        if status != 200 {
                            errors += 1;
                        }
                    }
                    Ok((lat, errors, bytes, first))
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|h| {
                h.join()
                    .unwrap_or_else(|_| Err(std::io::Error::other("a load thread panicked")))
            })
            .collect()
    });
    let end = Instant::now();
    let mut all = Vec::new();
    let (mut errors, mut bytes) = (0, 0);
    // Requests per second over the timed window only (warm-up excluded).
    let mut timed_from = end;
    for r in results {
        match r {
            Ok((lat, e, b, first)) => {
                if let Some(f) = first {
                    timed_from = timed_from.min(f);
                }
                all.extend(lat);
                errors += e;
                bytes += b;
            }
            Err(_) => errors += 1,
        }
    }
    let seconds = (end - timed_from).as_secs_f64();
    all.sort_by(f64::total_cmp);
    let n = all.len();
    Ok(LoadReport {
        requests: n,
        errors,
        seconds,
        requests_per_second: n as f64 / seconds.max(1e-9),
        p50_ms: percentile(&all, 0.50),
        p90_ms: percentile(&all, 0.90),
        p99_ms: percentile(&all, 0.99),
        max_ms: all.last().copied().unwrap_or(0.0),
        mean_bytes: if n == 0 { 0.0 } else { bytes as f64 / n as f64 },
    })
}
