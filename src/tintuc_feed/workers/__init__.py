"""More than one machine: crawl jobs on an RQ queue over Redis, run by `tintuc-feed worker` processes.

    tintuc-feed run --queue redis://…      schedule.py: APScheduler (its jobs kept in Redis) enqueues one job
                                           per source crawl, never a second while one waits or runs
    tintuc-feed worker --queue redis://…   worker.py: an RQ worker; each job (jobs.crawl_source) runs what
                                           `tintuc-feed crawl --source ID` runs, under a per-source lock,
                                           then publishes under the publish lock (locks.py)

docs/SCALING.md has the design: what runs where, what is locked where, what happens when each part dies.
"""

QUEUE_NAME = "tintuc-crawl"
KEY_PREFIX = "tintuc:"  # every Redis key of ours (RQ's are rq:…)
