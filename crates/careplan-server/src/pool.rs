//! The render pool: a fixed number of threads off the async runtime, behind
//! an admission count that bounds the queue.
//!
//! A request is *admitted* when fewer than `workers + queue` requests hold a
//! place; otherwise it is refused at once ([`PoolError::Full`], 429). An
//! admitted request waits for its result until its deadline; past it the
//! request gives up its place ([`PoolError::TimedOut`], 503) and a worker
//! that reaches the job later skips it. A Typst compilation cannot be
//! interrupted, so a job already running when its deadline passes runs to
//! its end and its result is dropped; at most `workers` such jobs exist at
//! a time, so the channel never holds more than `workers + queue + workers`
//! jobs.

use std::panic::AssertUnwindSafe;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::mpsc;
use std::sync::{Arc, Mutex};
use std::time::Instant;

use tokio::sync::oneshot;

type Job = Box<dyn FnOnce() + Send>;

/// Why the pool gave no result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PoolError {
    /// Every place is taken: the request is refused (429).
    Full,
    /// The deadline passed before the result was ready (503).
    TimedOut,
    /// The job failed without a result (a fault in careplan; 500).
    Lost,
}

/// Counts the pool shows in `/metrics`.
#[derive(Debug, Default)]
pub struct PoolStats {
    /// Jobs waiting for a worker.
    pub queued: AtomicUsize,
    /// Workers running a job.
    pub busy: AtomicUsize,
    /// Jobs skipped because their request had given up.
    pub skipped: AtomicUsize,
}

/// A fixed set of threads that run jobs from a shared channel.
#[derive(Debug)]
pub struct Pool {
    sender: Mutex<Option<mpsc::Sender<Job>>>,
    admitted: Arc<AtomicUsize>,
    capacity: usize,
    workers: usize,
    stats: Arc<PoolStats>,
    threads: Mutex<Vec<std::thread::JoinHandle<()>>>,
}

/// A place held in the pool; given back when dropped.
struct Place(Arc<AtomicUsize>);

impl Drop for Place {
    fn drop(&mut self) {
        self.0.fetch_sub(1, Ordering::AcqRel);
    }
}

impl Pool {
    /// A pool of `workers` threads (at least one) and `queue` waiting places.
    pub fn new(workers: usize, queue: usize) -> std::io::Result<Pool> {
        let workers = workers.max(1);
        let (sender, receiver) = mpsc::channel::<Job>();
        let receiver = Arc::new(Mutex::new(receiver));
        let stats = Arc::new(PoolStats::default());
        let mut threads = Vec::with_capacity(workers);
        for i in 0..workers {
            let receiver = Arc::clone(&receiver);
            let stats = Arc::clone(&stats);
            threads.push(
                std::thread::Builder::new()
                    .name(format!("careplan-render-{i}"))
                    .spawn(move || work(&receiver, &stats))?,
            );
        }
        Ok(Pool {
            sender: Mutex::new(Some(sender)),
            admitted: Arc::new(AtomicUsize::new(0)),
            capacity: workers + queue,
            workers,
            stats,
            threads: Mutex::new(threads),
        })
    }

    /// How many threads run jobs.
    pub fn workers(&self) -> usize {
        self.workers
    }

    /// How many requests the pool admits at a time (workers + queue).
    pub fn capacity(&self) -> usize {
        self.capacity
    }

    /// The pool's counts.
    pub fn stats(&self) -> &PoolStats {
        &self.stats
    }

    /// Requests holding a place now.
    pub fn admitted(&self) -> usize {
        self.admitted.load(Ordering::Acquire)
    }

    fn admit(&self) -> Option<Place> {
        let mut now = self.admitted.load(Ordering::Acquire);
        loop {
            if now >= self.capacity {
                return None;
            }
            match self.admitted.compare_exchange_weak(
                now,
                now + 1,
                Ordering::AcqRel,
                Ordering::Acquire,
            ) {
                Ok(_) => return Some(Place(Arc::clone(&self.admitted))),
                Err(seen) => now = seen,
            }
        }
    }

    /// Runs `f` on a worker and waits for its result until `deadline`.
    pub async fn run<T, F>(&self, deadline: Instant, f: F) -> Result<T, PoolError>
    where
        T: Send + 'static,
        F: FnOnce() -> T + Send + 'static,
    {
        let place = self.admit().ok_or(PoolError::Full)?;
        let (tx, rx) = oneshot::channel::<T>();
        let stats = Arc::clone(&self.stats);
        let job: Job = Box::new(move || {
            if tx.is_closed() || Instant::now() >= deadline {
                stats.skipped.fetch_add(1, Ordering::Relaxed);
                return;
            }
            if let Ok(out) = std::panic::catch_unwind(AssertUnwindSafe(f)) {
                // The request may have given up meanwhile: nothing to do.
                let _ = tx.send(out);
            }
        });
        {
            let sender = self.sender.lock().map_err(|_| PoolError::Lost)?;
            let sender = sender.as_ref().ok_or(PoolError::Lost)?;
            self.stats.queued.fetch_add(1, Ordering::AcqRel);
            if sender.send(job).is_err() {
                self.stats.queued.fetch_sub(1, Ordering::AcqRel);
                return Err(PoolError::Lost);
            }
        }
        let result = tokio::time::timeout_at(deadline.into(), rx).await;
        drop(place);
        match result {
            Ok(Ok(v)) => Ok(v),
            Ok(Err(_)) => Err(PoolError::Lost),
            Err(_) => Err(PoolError::TimedOut),
        }
    }

    /// Stops taking jobs and waits for the workers to finish those they have.
    pub fn shut_down(&self) {
        if let Ok(mut sender) = self.sender.lock() {
            sender.take();
        }
        let threads = match self.threads.lock() {
            Ok(mut t) => std::mem::take(&mut *t),
            Err(_) => return,
        };
        for t in threads {
            let _ = t.join();
        }
    }
}

fn work(receiver: &Mutex<mpsc::Receiver<Job>>, stats: &PoolStats) {
    loop {
        let job = match receiver.lock() {
            Ok(r) => r.recv(),
            Err(_) => return,
        };
        let Ok(job) = job else { return };
        stats.queued.fetch_sub(1, Ordering::AcqRel);
        stats.busy.fetch_add(1, Ordering::AcqRel);
        job();
        stats.busy.fetch_sub(1, Ordering::AcqRel);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::time::Duration;

    fn later(ms: u64) -> Instant {
        Instant::now() + Duration::from_millis(ms)
    }

    #[tokio::test]
    async fn runs_jobs_and_refuses_beyond_its_places() {
        let pool = Arc::new(Pool::new(1, 1).unwrap());
        assert_eq!(pool.run(later(1000), || 2 + 2).await, Ok(4));
        // One running and one waiting hold both places; a third is refused.
        let (go_tx, go_rx) = std::sync::mpsc::channel::<()>();
        let p = Arc::clone(&pool);
        let first = tokio::spawn(async move {
            p.run(later(5000), move || {
                go_rx.recv_timeout(Duration::from_secs(5)).is_ok()
            })
            .await
        });
        while pool.stats().busy.load(Ordering::Acquire) == 0 {
            tokio::task::yield_now().await;
        }
        let p = Arc::clone(&pool);
        let second = tokio::spawn(async move { p.run(later(5000), || 7).await });
        while pool.admitted() < 2 {
            tokio::task::yield_now().await;
        }
        assert_eq!(pool.run(later(1000), || 0).await, Err(PoolError::Full));
        go_tx.send(()).unwrap();
        assert_eq!(first.await.unwrap(), Ok(true));
        assert_eq!(second.await.unwrap(), Ok(7));
        assert_eq!(pool.admitted(), 0);
    }

    #[tokio::test]
    async fn a_late_request_gives_up_its_place_and_its_job_is_skipped() {
        let pool = Arc::new(Pool::new(1, 4).unwrap());
        let (go_tx, go_rx) = std::sync::mpsc::channel::<()>();
        let p = Arc::clone(&pool);
        let blocker = tokio::spawn(async move {
            p.run(later(5000), move || {
                go_rx.recv_timeout(Duration::from_secs(5)).is_ok()
            })
            .await
        });
        while pool.stats().busy.load(Ordering::Acquire) == 0 {
            tokio::task::yield_now().await;
        }
        // Waits behind the blocker past its 20 ms budget.
        assert_eq!(pool.run(later(20), || 1).await, Err(PoolError::TimedOut));
        assert_eq!(pool.admitted(), 1, "the late request's place is free");
        go_tx.send(()).unwrap();
        assert_eq!(blocker.await.unwrap(), Ok(true));
        assert_eq!(pool.run(later(1000), || 3).await, Ok(3));
        assert_eq!(pool.stats().skipped.load(Ordering::Acquire), 1);
        pool.shut_down();
        assert_eq!(pool.run(later(1000), || 3).await, Err(PoolError::Lost));
    }
}
