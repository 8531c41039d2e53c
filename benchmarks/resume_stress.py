"""Stop `backshot train` at random moments (SIGTERM, SIGINT or SIGKILL), resume it until it finishes, and compare
every epoch's validation loss with a run never stopped.

    python benchmarks/resume_stress.py --runs 12      (tiny runs of 60 epochs: about 8 minutes on 2 CPU cores)
"""
import argparse, json, os, random, signal, subprocess, sys, tempfile
from pathlib import Path

CLI = 'import sys; from backshot_kit.cli import main; sys.exit(main(sys.argv[1:]))'

def history(out:Path) -> list: return json.loads((out / 'unet1d_best_history.json').read_text())

def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument('--runs', type=int, default=12); ap.add_argument('--epochs', type=int, default=60)
    ap.add_argument('--seed', type=int, default=2)
    a = ap.parse_args()
    rng, work = random.Random(a.seed), Path(tempfile.mkdtemp(prefix='backshot-resume-'))
    env = {**os.environ, 'OMP_NUM_THREADS': '1'}
    start = [sys.executable, '-c', CLI, 'train', '--preset', 'tiny', '--device', 'cpu', '--set', f'epochs={a.epochs}',
             '--set', f'early_stopping_patience={a.epochs + 1}']
    r = subprocess.run([*start, '--out', str(work / 'unbroken')], capture_output=True, text=True, env=env)
    if r.returncode: sys.exit(f'the unbroken run failed:\n{r.stderr[-2000:]}')
    ref, bad, stops = history(work / 'unbroken'), 0, 0
    for i in range(a.runs):
        out, events = work / f'run{i}', []
        while len(events) < 30:
            fresh = not (out / 'unet1d_last.pth').is_file()
            p = subprocess.Popen([*start, '--out', str(out)] if fresh else [sys.executable, '-c', CLI, 'train', '--resume', str(out)],
                                 stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, env=env)
            sig = rng.choice([signal.SIGTERM, signal.SIGKILL, signal.SIGINT, None, None])
            if sig is not None:
                try: p.wait(rng.uniform(3, 9))
                except subprocess.TimeoutExpired: p.send_signal(sig); stops += 1
            err = p.communicate()[1]
            events.append(f"{sig.name if sig else 'none'}:{p.returncode}")
            if 'Traceback' in err or 'terminate called' in err or 'Fatal Python' in err: events.append('error'); break
            if p.returncode == 0: break
        h = history(out) if (out / 'unet1d_best_history.json').is_file() else []
        same = events[-1].endswith(':0') and len(h) == len(ref) and all(
            abs(x['val_loss'] - y['val_loss']) <= 1e-5 * max(1., abs(y['val_loss'])) for x, y in zip(h, ref))
        bad += not same
        print(f"run {i}: {' '.join(events)}; {len(h)} epochs, {'as the unbroken run' if same else 'DIFFERENT'}", flush=True)
    print(f'{stops} stops in {a.runs} runs; {bad} runs differ from the unbroken one or failed; folders in {work}')
    return 1 if bad else 0

if __name__ == '__main__': sys.exit(main())
