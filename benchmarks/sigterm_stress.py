"""Stop searches with SIGTERM at random moments and count those that do not end as an interrupt should.

Each run starts `backshot quick` (or `--verb smart`, `full`) in a fresh folder, waits until a trial trains, sends SIGTERM after a random delay and
checks: exit code 130, no C++ abort or fatal Python error on stderr, no core file, no trial left RUNNING. Busy
loops (`--load`) keep the cores loaded, as the test suite does.

    python benchmarks/sigterm_stress.py --runs 100 --load 2 --long -- --preset tiny --device cpu --data-cache --threads 1 --heartbeat 1 --grace 3
        (two tiny trials of 300 epochs, the epoch-data cache on: about 20 minutes on 2 cores)
    python benchmarks/sigterm_stress.py --runs 16 --max-delay 20      (the default quick search: about 6 minutes)
"""
import argparse, contextlib, os, random, resource, signal, sqlite3, subprocess, sys, tempfile, time
from pathlib import Path

CLI = 'import sys; from backshot_kit.cli import main; sys.exit(main(sys.argv[1:]))'

def running_trials(out:Path) -> int:
    "Trials in state RUNNING in the search's SQLite database (-1 while there is none), read with plain SQL."
    db = out / 'tuning' / 'optuna_study.db'
    if not db.is_file(): return -1
    with contextlib.suppress(sqlite3.OperationalError), contextlib.closing(sqlite3.connect(db, timeout=5)) as c:
        return c.execute("SELECT COUNT(*) FROM trials WHERE state = 'RUNNING'").fetchone()[0]
    return -1

def one_run(out:Path, verb:str, extra:list, delay:float) -> tuple[bool, str]:
    "Start the search, SIGTERM it `delay` s after a trial starts; `(as expected, what happened)`."
    out.mkdir(parents=True)
    p = subprocess.Popen([sys.executable, '-c', CLI, verb, '--out', str(out), '--no-progress', *extra], cwd=out,
                         stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env={**os.environ, 'PYTHONFAULTHANDLER': '1'},
                         preexec_fn=lambda: resource.setrlimit(resource.RLIMIT_CORE, (-1, -1)))
    t0 = time.time()
    while p.poll() is None and time.time() - t0 < 600 and running_trials(out) < 1: time.sleep(0.05)
    time.sleep(delay); p.send_signal(signal.SIGTERM); err = p.communicate()[1]
    cores, left = list(out.rglob('core*')), running_trials(out)
    for c in cores: c.unlink()
    problems = [f'exit code {p.returncode}'] if p.returncode != 130 else []
    problems += [m for m in ('terminate called', 'Fatal Python error') if m in err]
    problems += [f'{len(cores)} core files'] if cores else []
    problems += [f'{left} trials left RUNNING'] if left > 0 else []
    return not problems, '; '.join(problems) or 'interrupted'

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--runs', type=int, default=40); ap.add_argument('--load', type=int, default=0, help='busy loops beside the search')
    ap.add_argument('--max-delay', type=float, default=3., help='SIGTERM between 0 and this many seconds after a trial starts')
    ap.add_argument('--verb', default='quick', choices=('quick', 'full', 'smart'), help='the search to stop (default quick)')
    ap.add_argument('--long', action='store_true', help='search a grid of two 300-epoch trials (batch size 8 and 16) instead')
    ap.add_argument('--seed', type=int, default=0); ap.add_argument('extra', nargs='*', help='options for backshot quick (after --)')
    a = ap.parse_args()
    rng, work = random.Random(a.seed), Path(tempfile.mkdtemp(prefix='backshot-sigterm-'))
    if a.long: (work / 'long.json').write_text('{"batch_size": [8, 16], "epochs": [300]}'); a.extra += ['--grid', str(work / 'long.json')]
    burners = [subprocess.Popen([sys.executable, '-c', 'while 1: pass']) for _ in range(a.load)]
    bad = 0
    try:
        for i in range(a.runs):
            ok, what = one_run(work / f'run{i}', a.verb, a.extra, delay := rng.uniform(0, a.max_delay))
            bad += not ok; print(f'run {i}: SIGTERM {delay:.2f} s into training: {what}', flush=True)
    finally:
        for b in burners: b.kill()
    print(f'{bad} of {a.runs} runs did not end as an interrupt (exit code 130, no abort, no trial left RUNNING); folders in {work}')
    return 1 if bad else 0

if __name__ == '__main__': sys.exit(main())
