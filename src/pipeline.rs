//! An ordered parallel map: jobs read on one thread, processed on several, results written in
//! input order with a bounded number of jobs in flight.
//!
//! `classify` uses it to score many documents (files, or the lines of a JSONL stream) on all
//! cores while its output stays byte for byte what one thread writes.

use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::{mpsc, Mutex};
use std::thread::Thread;

/// Jobs in flight (read but not yet written) per worker thread.
const WINDOW_PER_THREAD: usize = 8;

/// Where a worker leaves the result of job `seq` for the writer: slot `seq % window` (the
/// reader never has more than `window` jobs in flight). The worker fills it and then raises
/// `ready`; the writer locks it only once `ready` is up, so neither ever waits for a lock the
/// other holds (on a busy machine a thread can be preempted while it holds one, and whoever
/// waits for it then sleeps a whole time slice).
struct Slot<T> {
    ready: AtomicBool,
    value: Mutex<Option<T>>,
}

impl<T> Slot<T> {
    fn new() -> Self {
        Slot {
            ready: AtomicBool::new(false),
            value: Mutex::new(None),
        }
    }

    fn put(&self, v: T) {
        *self.value.lock().unwrap_or_else(|e| e.into_inner()) = Some(v);
        self.ready.store(true, Ordering::Release);
    }

    fn take(&self) -> Option<T> {
        if !self.ready.load(Ordering::Acquire) {
            return None;
        }
        self.ready.store(false, Ordering::Relaxed);
        self.value.lock().unwrap_or_else(|e| e.into_inner()).take()
    }
}

/// Stops the run if its thread panics (the writer would otherwise wait for a result that never
/// comes); the scope then passes the panic on.
struct PanicGuard<'a> {
    stop: &'a AtomicBool,
    writer: &'a Thread,
}

impl Drop for PanicGuard<'_> {
    fn drop(&mut self) {
        if std::thread::panicking() {
            self.stop.store(true, Ordering::Release);
            self.writer.unpark();
        }
    }
}

/// Run `work` on every job from `jobs` on `threads` worker threads and pass the results to
/// `sink` in the order of the jobs. At most `8 × threads` jobs are in flight, so memory is
/// bounded by the job size, not by the input. The first error (from `jobs`, `work` or `sink`,
/// in job order) stops the run and is returned after everything before it was written, as a
/// sequential loop would. With `threads <= 1` it is that sequential loop.
///
/// One thread reads the jobs, `threads` workers run `work`, and the calling thread runs
/// `sink`. Results and the reader's window travel through atomics and `park`/`unpark`, not
/// through locks that the writer shares with a worker (see `Slot`).
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
    let slots: Vec<Slot<Result<R, E>>> = (0..window).map(|_| Slot::new()).collect();
    // Jobs written so far, and how many results there will be once the reader is done.
    let written = AtomicUsize::new(0);
    let total = AtomicUsize::new(usize::MAX);
    let stop = AtomicBool::new(false);
    let writer = std::thread::current();
    let (job_tx, job_rx) = mpsc::channel::<(usize, J)>();
    let job_rx = Mutex::new(job_rx);
    std::thread::scope(|s| {
        let (slots, written, total, stop, writer, work, job_rx) =
            (&slots, &written, &total, &stop, &writer, &work, &job_rx);
        let reader = s.spawn(move || {
            let _guard = PanicGuard { stop, writer };
            let mut n = 0;
            for (seq, job) in jobs.enumerate() {
                while seq >= written.load(Ordering::Acquire) + window
                    && !stop.load(Ordering::Acquire)
                {
                    std::thread::park();
                }
                if stop.load(Ordering::Acquire) {
                    break;
                }
                n = seq + 1;
                match job {
                    Ok(job) => {
                        if job_tx.send((seq, job)).is_err() {
                            break;
                        }
                    }
                    Err(e) => {
                        slots[seq % window].put(Err(e));
                        break;
                    }
                }
            }
            total.store(n, Ordering::Release);
            writer.unpark();
            // Dropping job_tx lets the workers finish.
        });
        for _ in 0..threads {
            s.spawn(move || {
                let _guard = PanicGuard { stop, writer };
                loop {
                    let next = job_rx.lock().unwrap_or_else(|e| e.into_inner()).recv();
                    let Ok((seq, job)) = next else { break };
                    if stop.load(Ordering::Acquire) {
                        break;
                    }
                    slots[seq % window].put(work(job));
                    writer.unpark();
                }
            });
        }
        let mut next = 0usize;
        let mut result = Ok(());
        while !stop.load(Ordering::Acquire) {
            let Some(r) = slots[next % window].take() else {
                // `total` is stored after the reader's last job was sent or its error put.
                if next >= total.load(Ordering::Acquire) {
                    break;
                }
                // A worker or the reader unparks after putting a result or storing `total`;
                // an unpark that came first makes this return at once.
                std::thread::park();
                continue;
            };
            next += 1;
            if let Err(e) = r.and_then(&mut sink) {
                result = Err(e);
                break;
            }
            written.store(next, Ordering::Release);
            reader.thread().unpark();
        }
        // Done, or on an error: release the reader and let the workers drain.
        stop.store(true, Ordering::Release);
        reader.thread().unpark();
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
    fn a_panicking_worker_or_reader_is_passed_on_not_waited_for() {
        for t in [2, 3] {
            let r = std::panic::catch_unwind(|| {
                ordered_map(
                    t,
                    (0..100).map(Ok::<usize, String>),
                    |j| {
                        assert!(j != 30, "job {j}");
                        Ok(j)
                    },
                    |_| Ok(()),
                )
            });
            assert!(r.is_err(), "threads {t}");
            let jobs = (0..100).map(|j| {
                assert!(j != 30, "reading job {j}");
                Ok::<usize, String>(j)
            });
            let r = std::panic::catch_unwind(|| ordered_map(t, jobs, Ok, |_| Ok(())));
            assert!(r.is_err(), "threads {t}");
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
