#!/usr/bin/env python3
"""Turns a bench/run results directory into results.md (and chart.png with --chart).

Reads, all optional except results.csv: results.csv (round,scenario,rps,p50_ms,p99_ms,p999_ms,
errors,rss_mb), warmup.csv (scenario,slices,last_rps,stable), soak.csv (seconds,rss_mb),
soak.txt, idle.txt (key=value), startup.csv (target,run,ms), meta.txt (key=value).
Medians over rounds; ratios are taken per round against nginx_proxy_pass of the same round,
then the median of those ratios is shown.
"""
import argparse
import csv
import os
import shutil
import statistics
import subprocess
import sys

BASELINE = "nginx_proxy_pass"
DESCRIPTIONS = {
    "direct": "wrk → nginx upstream, no proxy in between (what the load side can do)",
    "nginx_proxy_pass": "nginx `proxy_pass` to the upstream, keep-alive pool (the baseline)",
    "none": "Gatehouse route with `auth: none`",
    "api_key": "Gatehouse `auth: api-key`, one key (phantom-token cache hit)",
    "jwt_hit": "Gatehouse `auth: jwt`, one token (verified-token cache hit)",
    "jwt_miss": "Gatehouse `auth: jwt`, tokens round-robin, more than the verifier cache holds",
    "post_64k": "Gatehouse `auth: none`, 64 KiB POST streamed to the upstream",
    "nginx_post_64k": "nginx `proxy_pass`, 64 KiB POST, `proxy_request_buffering off`",
    "routes_10k": "Gatehouse with 10,000 routes, a route in the middle of the table",
    "keys_1000": "Gatehouse `auth: api-key`, 1,000 distinct keys round-robin",
}
STARTUP_AIMS_MS = {"serve": 1500, "demo": 3000}


def read_kv(path):
    values = {}
    if os.path.exists(path):
        with open(path) as f:
            for line in f:
                key, sep, value = line.rstrip("\n").partition("=")
                if sep:
                    values[key] = value
    return values


def read_csv(path):
    if not os.path.exists(path):
        return []
    with open(path, newline="") as f:
        return list(csv.DictReader(f))


def fmt(value, digits):
    return "–" if value is None else f"{value:.{digits}f}"


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("dir")
    parser.add_argument("--chart", action="store_true")
    args = parser.parse_args()
    d = args.dir

    rows = read_csv(os.path.join(d, "results.csv"))
    meta = read_kv(os.path.join(d, "meta.txt"))
    order, by = [], {}
    for row in rows:
        name = row["scenario"]
        if name not in by:
            order.append(name)
            by[name] = {}
        by[name][row["round"]] = row
    warmup = {row["scenario"]: row for row in read_csv(os.path.join(d, "warmup.csv"))}

    def column(name, key):
        return [float(r[key]) for r in by[name].values()]

    def ratio(name, key):
        base = by.get(BASELINE)
        if not base:
            return None
        ratios = [float(r[key]) / float(base[rnd][key]) for rnd, r in by[name].items()
                  if rnd in base and float(base[rnd][key]) > 0]
        return statistics.median(ratios) if ratios else None

    out = []
    out.append(f"# bench/run — {meta.get('started', '')}")
    out.append("")
    out.append(f"Machine: {meta.get('cpu', '?')}, {meta.get('cores', '?')} cores; {meta.get('java', '?')}; "
               f"{meta.get('nginx', '?')}; {meta.get('wrk', '?')}. Gatehouse pinned to CPU {meta.get('sut_cpu', '?')}, "
               f"wrk and the nginx upstream to CPU {meta.get('load_cpu', '?')}.")
    out.append(f"Settings: ROUNDS={meta.get('rounds')} DURATION={meta.get('duration')} s "
               f"CONNECTIONS={meta.get('connections')} WARMUP_SLICES={meta.get('warmup_slices')} "
               f"SOAK={meta.get('soak')} s{' (smoke)' if meta.get('smoke') == '1' else ''}.")
    out.append("")
    out.append("## Throughput and latency (medians over rounds)")
    out.append("")
    out.append("| scenario | requests/s | p50 ms | p99 ms | p99.9 ms | errors (all rounds) | RSS MB "
               "| rps vs nginx proxy_pass | p99 vs nginx proxy_pass |")
    out.append("|---|---:|---:|---:|---:|---:|---:|---:|---:|")
    medians = {}
    for name in order:
        rps = statistics.median(column(name, "rps"))
        p99 = statistics.median(column(name, "p99_ms"))
        medians[name] = (rps, p99)
        rr, pr = ratio(name, "rps"), ratio(name, "p99_ms")
        out.append(f"| {name} | {fmt(rps, 0)} | {fmt(statistics.median(column(name, 'p50_ms')), 3)} "
                   f"| {fmt(p99, 3)} | {fmt(statistics.median(column(name, 'p999_ms')), 3)} "
                   f"| {int(sum(column(name, 'errors')))} | {fmt(statistics.median(column(name, 'rss_mb')), 0)} "
                   f"| {'–' if rr is None else f'{rr:.2f}x'} | {'–' if pr is None else f'{pr:.2f}x'} |")
    out.append("")
    out.append("| scenario | what | warm-up |")
    out.append("|---|---|---|")
    for name in order:
        w = warmup.get(name)
        if not w:
            note = "none"
        else:
            note = f"{w['slices']} × 5 s" + ("" if w["stable"] == "1" else " (did not settle; measured anyway)")
        out.append(f"| {name} | {DESCRIPTIONS.get(name, '')} | {note} |")
    out.append("")
    if meta.get("jwt_tokens"):
        out.append(f"`jwt_miss` sends {meta['jwt_tokens']} distinct tokens round-robin at a verifier cache of "
                   "10,000 entries (the sdk default). Caffeine's admission policy may keep part of the set "
                   "cached, so this is a working set the cache cannot hold, not 100 % misses: at least "
                   f"{max(0, 1 - 10000 / int(meta['jwt_tokens'])):.0%} of the requests miss.")
        out.append("")

    idle = read_kv(os.path.join(d, "idle.txt"))
    soak = read_csv(os.path.join(d, "soak.csv"))
    if idle or soak:
        out.append("## Memory")
        out.append("")
    if idle:
        total = float(idle["rss_idle_mb"])
        out.append(f"- **{idle['connections']} idle keep-alive connections** (gateway-only `serve`, same JVM flags): "
                   f"RSS {idle['rss_before_mb']} MB before, **{total:.0f} MB** holding them "
                   f"({idle['per_connection_kb']} KB per connection); {idle['still_alive']} still served a "
                   f"request afterwards. Aim < 256 MB total: **{'met' if total < 256 else 'not met'}**.")
    if soak:
        soak_info = read_kv(os.path.join(d, "soak.txt"))
        t = [float(r["seconds"]) for r in soak]
        m = [float(r["rss_mb"]) for r in soak]
        # Trend over the samples after the first minute (or the second half of a short soak).
        start = min(60.0, t[-1] / 2)
        pts = [(a, b) for a, b in zip(t, m) if a >= start] or list(zip(t, m))
        slope = 0.0
        if len(pts) >= 2:
            mt = statistics.mean(a for a, _ in pts)
            mm = statistics.mean(b for _, b in pts)
            den = sum((a - mt) ** 2 for a, _ in pts)
            slope = sum((a - mt) * (b - mm) for a, b in pts) / den * 60 if den else 0.0
        window_min = (pts[-1][0] - pts[0][0]) / 60
        growth = slope * window_min
        if window_min < 2:
            verdict = "too short to judge a trend (needs SOAK ≥ 180)"
        elif abs(growth) <= 0.05 * statistics.mean(m):
            verdict = "no growth trend"
        else:
            verdict = "grows" if growth > 0 else "shrinks"
        out.append(f"- **Sustained load** ({soak_info.get('scenario', '?')}, {t[-1]:.0f} s, "
                   f"{soak_info.get('rps', '?')} requests/s, {soak_info.get('errors', '?')} errors): RSS "
                   f"{m[0]:.0f} MB at the start, {m[-1]:.0f} MB at the end, max {max(m):.0f} MB; "
                   f"trend {slope:+.2f} MB/min from {pts[0][0]:.0f} s to {pts[-1][0]:.0f} s "
                   f"({growth:+.1f} MB): **{verdict}** "
                   "(flat = the trend adds up to less than 5 % of the mean). Samples every 10 s in `soak.csv`.")
    if idle or soak:
        out.append("")

    startup = read_csv(os.path.join(d, "startup.csv"))
    if startup:
        out.append("## Start-up (process start to the first proxied 200)")
        out.append("")
        out.append("| command | runs (ms) | median ms | aim |")
        out.append("|---|---|---:|---|")
        targets = []
        for row in startup:
            if row["target"] not in targets:
                targets.append(row["target"])
        for target in targets:
            ms = [float(r["ms"]) for r in startup if r["target"] == target]
            median = statistics.median(ms)
            aim = STARTUP_AIMS_MS.get(target)
            verdict = "" if aim is None else f"< {aim / 1000:g} s: {'met' if median < aim else 'not met'}"
            label = {"serve": "`serve` (gateway role, `/none/`)",
                     "demo": "`./gatehouse demo` (`GET /orders` with alice's key)"}.get(target, target)
            out.append(f"| {label} | {', '.join(f'{v:.0f}' for v in ms)} | {median:.0f} | {verdict} |")
        out.append("")

    if args.chart and medians:
        chart = make_chart(d, order, medians)
        if chart:
            out.append(f"![requests/s and p99 per scenario]({os.path.basename(chart)})")
            out.append("")
    out.append("Raw rows: `results.csv`; logs: `logs/`.")
    with open(os.path.join(d, "results.md"), "w") as f:
        f.write("\n".join(out) + "\n")


def make_chart(d, order, medians):
    gnuplot = shutil.which("gnuplot")
    if not gnuplot:
        print("report.py: gnuplot not found, no chart", file=sys.stderr)
        return None
    data = os.path.join(d, "chart.dat")
    with open(data, "w") as f:
        for name in order:
            f.write(f"{name} {medians[name][0]:.0f} {medians[name][1]:.3f}\n")
    png = os.path.join(d, "chart.png")
    script = f"""
set terminal pngcairo size 1100,900 font ",10"
set output '{png}'
set datafile separator ' '
set style data histograms
set style histogram clustered gap 1
set style fill solid 0.8 border -1
set boxwidth 0.8
set grid ytics
set xtics rotate by -30 left noenhanced
set key off
set yrange [0:*]
set multiplot layout 2,1 title "bench/run — medians ({os.path.basename(os.path.abspath(d))})"
set title "requests/s (higher is better)"
set format y "%.0s%c"
plot '{data}' using 2:xtic(1) linecolor rgb "#3b75af", '' using 0:2:(sprintf("%.0f", $2)) with labels offset 0,0.7 notitle
set title "p99 latency, ms (lower is better)"
set format y "%g"
plot '{data}' using 3:xtic(1) linecolor rgb "#c0504d", '' using 0:3:(sprintf("%.2f", $3)) with labels offset 0,0.7 notitle
unset multiplot
"""
    result = subprocess.run([gnuplot], input=script, text=True, capture_output=True)
    if result.returncode != 0:
        print(f"report.py: gnuplot failed: {result.stderr.strip()}", file=sys.stderr)
        return None
    return png


if __name__ == "__main__":
    main()
