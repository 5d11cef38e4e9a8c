//! An ordered parallel map: jobs read on one thread, processed on several, results written in
//! input order with a bounded number of jobs in flight.
//!
//! `classify` uses it to score many documents (files, or the lines of a JSONL stream) on all
//! cores while its output stays byte for byte what one thread writes.

use std::collections::BTreeMap;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Condvar, Mutex};

/// Jobs in flight (read but not yet written) per worker thread.
const WINDOW_PER_THREAD: usize = 8;

/// Run `work` on every job from `jobs` on `threads` worker threads and pass the results to
/// `sink` in the order of the jobs. At most `8 × threads` jobs are in flight, so memory is
/// bounded by the job size, not by the input. The first error (from `jobs`, `work` or `sink`,
/// in job order) stops the run and is returned after everything before it was written, as a
/// sequential loop would. With `threads <= 1` it is that sequential loop.
pub fn ordered_map<J, R, E, I, F, S>(threads: usize, jobs: I, work: F, mut sink: S) -> Result<(), E>
where
    J: Send,
    R: Send,
    E: Send,
    I: Iterator<Item = Result<J, E>> + Send,
    F: Fn(J) -> Result<R, E> + Sync,
    S: FnMut(R) -> Result<(), E>,
{
    if threads <= 1 {
        for job in jobs {
            sink(work(job?)?)?;
        }
        return Ok(());
    }
    let window = threads * WINDOW_PER_THREAD;
    let written = Mutex::new(0usize);
    let progress = Condvar::new();
    let stop = AtomicBool::new(false);
    let (job_tx, job_rx) = mpsc::channel::<(usize, J)>();
    let job_rx = Mutex::new(job_rx);
    let (res_tx, res_rx) = mpsc::channel::<(usize, Result<R, E>)>();
    std::thread::scope(|s| {
        let reader_tx = res_tx.clone();
        let (written, progress, stop, work, job_rx) = (&written, &progress, &stop, &work, &job_rx);
        s.spawn(move || {
            for (seq, job) in jobs.enumerate() {
                let mut w = written.lock().unwrap_or_else(|e| e.into_inner());
                while seq >= *w + window && !stop.load(Ordering::Relaxed) {
                    w = progress.wait(w).unwrap_or_else(|e| e.into_inner());
                }
                drop(w);
                if stop.load(Ordering::Relaxed) {
                    break;
                }
                match job {
                    Ok(job) => {
                        if job_tx.send((seq, job)).is_err() {
                            break;
                        }
                    }
                    Err(e) => {
                        let _ = reader_tx.send((seq, Err(e)));
                        break;
                    }
                }
            }
            // Dropping job_tx lets the workers finish.
        });
        for _ in 0..threads {
            let res_tx = res_tx.clone();
            s.spawn(move || loop {
                let next = job_rx.lock().unwrap_or_else(|e| e.into_inner()).recv();
                let Ok((seq, job)) = next else { break };
                if stop.load(Ordering::Relaxed) || res_tx.send((seq, work(job))).is_err() {
                    break;
                }
            });
        }
        drop(res_tx);
        let mut pending = BTreeMap::new();
        let mut next = 0usize;
        let mut result = Ok(());
        'recv: for (seq, r) in res_rx {
            pending.insert(seq, r);
            while let Some(r) = pending.remove(&next) {
                next += 1;
                if let Err(e) = r.and_then(&mut sink) {
                    result = Err(e);
                    break 'recv;
                }
                *written.lock().unwrap_or_else(|e| e.into_inner()) = next;
                progress.notify_all();
            }
        }
        // On an error: release the reader and let the workers drain.
        stop.store(true, Ordering::Relaxed);
        drop(written.lock().unwrap_or_else(|e| e.into_inner()));
        progress.notify_all();
        result
    })
}

/// `f` applied to `threads` contiguous parts of `items` (at least `min_part` items each, so
/// small inputs stay on one thread), one thread per part, the results in the order of the
/// parts. With one part it is `vec![f(items)]` on the calling thread; a panic in `f` is
/// passed on.
pub fn map_parts<T: Sync, R: Send>(
    items: &[T],
    threads: usize,
    min_part: usize,
    f: impl Fn(&[T]) -> R + Sync,
) -> Vec<R> {
    let n = items.len();
    let threads = threads.clamp(1, n.div_ceil(min_part.max(1)).max(1));
    if threads == 1 {
        return vec![f(items)];
    }
    std::thread::scope(|s| {
        let handles: Vec<_> = (0..threads)
            .map(|t| {
                let (part, f) = (&items[t * n / threads..(t + 1) * n / threads], &f);
                s.spawn(move || f(part))
            })
            .collect();
        handles
            .into_iter()
            .map(|h| h.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            .collect()
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn collect(
        threads: usize,
        n: usize,
        fail_at: Option<usize>,
    ) -> (Vec<usize>, Result<(), String>) {
        let mut out = Vec::new();
        let jobs = (0..n).map(Ok::<usize, String>);
        let r = ordered_map(
            threads,
            jobs,
            |j| {
                // Uneven work so results arrive out of order.
                std::thread::sleep(std::time::Duration::from_micros(
                    ((j * 37) % 11) as u64 * 50,
                ));
                if Some(j) == fail_at {
                    Err(format!("job {j} failed"))
                } else {
                    Ok(j * 2)
                }
            },
            |r| {
                out.push(r);
                Ok(())
            },
        );
        (out, r)
    }

    #[test]
    fn map_parts_covers_every_item_in_order() {
        let items: Vec<usize> = (0..103).collect();
        for (threads, min_part, parts) in
            [(1, 1, 1), (4, 1, 4), (4, 30, 4), (4, 60, 2), (8, 200, 1)]
        {
            let got = map_parts(&items, threads, min_part, |p| p.to_vec());
            assert_eq!(got.len(), parts, "{threads} threads, parts of {min_part}");
            assert_eq!(got.concat(), items);
        }
    }

    #[test]
    fn results_come_in_input_order_whatever_the_threads() {
        let want: Vec<usize> = (0..200).map(|j| j * 2).collect();
        for t in [1, 2, 3, 8] {
            let (out, r) = collect(t, 200, None);
            assert!(r.is_ok());
            assert_eq!(out, want, "threads {t}");
        }
    }

    #[test]
    fn an_error_stops_after_everything_before_it() {
        for t in [1, 2, 4] {
            let (out, r) = collect(t, 100, Some(40));
            assert_eq!(r.unwrap_err(), "job 40 failed");
            assert_eq!(
                out,
                (0..40).map(|j| j * 2).collect::<Vec<_>>(),
                "threads {t}"
            );
        }
    }

    #[test]
    fn sink_and_reader_errors_stop_the_run() {
        let mut seen = 0;
        let r = ordered_map(2, (0..1000).map(Ok::<usize, String>), Ok, |_| {
            seen += 1;
            if seen == 5 {
                Err("closed".to_string())
            } else {
                Ok(())
            }
        });
        assert_eq!(r.unwrap_err(), "closed");
        let jobs = (0..50).map(|j| {
            if j == 20 {
                Err("bad input".to_string())
            } else {
                Ok(j)
            }
        });
        let mut out = Vec::new();
        let r = ordered_map(2, jobs, Ok, |j| {
            out.push(j);
            Ok(())
        });
        assert_eq!(r.unwrap_err(), "bad input");
        assert_eq!(out, (0..20).collect::<Vec<_>>());
    }
}
