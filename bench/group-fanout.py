#!/usr/bin/env python3
"""SIP side of the group fan-out benchmark (bench/group-fanout.sh), Python 3 standard library only.

One UDP socket plays every device and the sender, so that send and arrival times share one clock:

  * registers each member mK (K = 1..N) with the contact <sip:mK@127.0.0.1:PORT> (REGISTER, 401, REGISTER with
    digest credentials, 200);
  * answers 200 OK to every MESSAGE it receives and records its arrival time: the kernel's receive timestamp
    (SO_TIMESTAMPNS, CLOCK_REALTIME), so that a busy Python thread does not inflate the figures; the time the
    thread read the packet is recorded too, to show that lag;
  * sends the group MESSAGEs as the sender: MESSAGE, 407, MESSAGE with Proxy-Authorization (RFC 2617 digest, MD5,
    qop=auth, a fresh nonce for every message, as SIPp does in the pager benchmark), 202.

Phases: registration; WARMUP messages as in the throughput phase (not counted: the JIT); LATENCY messages one at
a time, each waiting for all N copies; THROUGHPUT messages with at most CONCURRENCY group MESSAGE transactions in
flight (a slot is free again when the sender's 202 arrives), then the wait for every copy.

Writes into --out: messages.csv (one line per group message), copies.csv (one line per copy received),
results.json (the figures the shell script prints), and prints a short log on stderr.
"""

import argparse
import hashlib
import json
import os
import queue
import socket
import statistics
import struct
import sys
import threading
import time
import uuid

# Linux: SO_TIMESTAMPNS (= SCM_TIMESTAMPNS) is 35 on x86 and arm; Python's socket module does not name it.
SO_TIMESTAMPNS = getattr(socket, "SO_TIMESTAMPNS", 35)
T1 = 0.5  # RFC 3261 timer T1: first retransmission of a request after 500 ms, doubling up to T2 = 4 s
T2 = 4.0


def log(text):
    print("group-fanout.py: " + text, file=sys.stderr, flush=True)


def now_ns():
    return time.time_ns()  # CLOCK_REALTIME, the clock of SO_TIMESTAMPNS


def header(lines, *names):
    """The value of the first header with one of these names (lower case, long and compact form)."""
    for line in lines:
        colon = line.find(b":")
        if colon > 0 and line[:colon].strip().lower() in names:
            return line[colon + 1:].strip()
    return None


def digest_param(challenge, name):
    """A parameter of a Digest challenge (quoted or not)."""
    lower = challenge.lower()
    i = lower.find(name + "=")
    while i > 0 and lower[i - 1] not in " ,":
        i = lower.find(name + "=", i + 1)
    if i < 0:
        return None
    value = challenge[i + len(name) + 1:].lstrip()
    if value.startswith('"'):
        return value[1:value.index('"', 1)]
    return value.split(",")[0].strip()


def authorization(challenge, user, password, method, uri):
    realm = digest_param(challenge, "realm")
    nonce = digest_param(challenge, "nonce")
    qop = digest_param(challenge, "qop")
    ha1 = hashlib.md5(f"{user}:{realm}:{password}".encode()).hexdigest()
    ha2 = hashlib.md5(f"{method}:{uri}".encode()).hexdigest()
    if qop and "auth" in [q.strip() for q in qop.split(",")]:
        cnonce = uuid.uuid4().hex[:16]
        nc = "00000001"
        response = hashlib.md5(f"{ha1}:{nonce}:{nc}:{cnonce}:auth:{ha2}".encode()).hexdigest()
        return (f'Digest username="{user}", realm="{realm}", nonce="{nonce}", uri="{uri}", '
                f'response="{response}", algorithm=MD5, cnonce="{cnonce}", qop=auth, nc={nc}')
    response = hashlib.md5(f"{ha1}:{nonce}:{ha2}".encode()).hexdigest()
    return (f'Digest username="{user}", realm="{realm}", nonce="{nonce}", uri="{uri}", '
            f'response="{response}", algorithm=MD5')


class Endpoint:
    """The UDP socket, its reader thread, client transactions and the record of received MESSAGEs."""

    def __init__(self, port, server, members):
        self.server = server
        self.port = port
        self.sock = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4 * 1024 * 1024)
        self.sock.setsockopt(socket.SOL_SOCKET, socket.SO_SNDBUF, 1024 * 1024)
        try:
            self.sock.setsockopt(socket.SOL_SOCKET, SO_TIMESTAMPNS, 1)
            self.kernel_timestamps = True
        except OSError:
            self.kernel_timestamps = False
        self.sock.bind(("127.0.0.1", port))
        self.members = members
        self.lock = threading.Lock()
        self.pending = {}        # (Call-ID, CSeq) -> queue of (status, reason, header lines, arrival ns)
        self.copies = {}         # token -> {member: (kernel ns, read ns)}
        self.waiting = {}        # token -> Event set when all members have their copy
        self.records = []        # (token, member, kernel ns, read ns) in arrival order
        self.duplicates = 0      # copies received again (a retransmission by the server: our 200 was late)
        self.unexpected = 0      # MESSAGEs without a benchmark token
        self.total_copies = 0
        self.retransmissions = {}  # method -> requests we sent again because no answer came within T1, 2T1, ...
        self.all_done = threading.Event()
        self.expected_total = None
        self.stopping = False
        self.reader = threading.Thread(target=self.read_loop, name="sip-reader", daemon=True)
        self.reader.start()

    # ------------------------------------------------------------------ receiving
    def read_loop(self):
        sock = self.sock
        while not self.stopping:
            try:
                data, ancdata, _flags, addr = sock.recvmsg(65535, 64)
            except OSError:
                if self.stopping:
                    return
                raise
            if self.stopping or addr is None:
                return  # the socket was shut down
            read_ns = now_ns()
            kernel_ns = read_ns
            for level, kind, value in ancdata:
                if level == socket.SOL_SOCKET and kind == SO_TIMESTAMPNS and len(value) >= 16:
                    sec, nsec = struct.unpack("qq", value[:16])
                    kernel_ns = sec * 1_000_000_000 + nsec
            try:
                self.on_packet(data, addr, kernel_ns, read_ns)
            except Exception as e:  # a packet we do not understand must not stop the devices
                log(f"could not handle a packet from {addr}: {e!r}")

    def on_packet(self, data, addr, kernel_ns, read_ns):
        end = data.find(b"\r\n\r\n")
        head = data if end < 0 else data[:end]
        lines = head.split(b"\r\n")
        first = lines[0]
        if first.startswith(b"SIP/2.0 "):
            status = int(first[8:11])
            key = (header(lines, b"call-id", b"i"), header(lines, b"cseq"))
            with self.lock:
                q = self.pending.get(key)
            if q is not None:
                q.put((status, first[12:].decode(errors="replace"), lines, kernel_ns))
            return
        method = first.split(b" ", 1)[0]
        if method == b"ACK":
            return
        self.answer(lines, addr)
        if method != b"MESSAGE":
            return
        # Request-URI sip:mK@127.0.0.1:port -> member mK
        uri = first.split(b" ")[1]
        member = uri[4:uri.index(b"@")].decode() if uri.startswith(b"sip:") and b"@" in uri else uri.decode()
        body = data[end + 4:] if end >= 0 else b""
        t = body.find(b"imdn.Message-ID: ")
        if t < 0:
            with self.lock:
                self.unexpected += 1
            return
        token = body[t + 17:body.index(b"\r\n", t)].decode()
        with self.lock:
            got = self.copies.setdefault(token, {})
            if member in got:
                self.duplicates += 1
                return
            got[member] = (kernel_ns, read_ns)
            self.records.append((token, member, kernel_ns, read_ns))
            self.total_copies += 1
            if len(got) == self.members:
                event = self.waiting.get(token)
                if event is not None:
                    event.set()
            if self.expected_total is not None and self.total_copies >= self.expected_total:
                self.all_done.set()

    def answer(self, lines, addr):
        out = [b"SIP/2.0 200 OK"]
        for line in lines[1:]:
            colon = line.find(b":")
            if colon <= 0:
                continue
            name = line[:colon].strip().lower()
            if name in (b"via", b"v", b"from", b"f", b"call-id", b"i", b"cseq"):
                out.append(line)
            elif name in (b"to", b"t"):
                out.append(line if b";tag=" in line else line + b";tag=gf" + uuid.uuid4().hex[:8].encode())
        out.append(b"Content-Length: 0")
        self.sock.sendto(b"\r\n".join(out) + b"\r\n\r\n", addr)

    # ------------------------------------------------------------------ client transactions
    def transaction(self, call_id, cseq, packet, timeout=32.0):
        """Sends a request and returns its final response (status, reason, lines, arrival ns) with UDP
        retransmissions (RFC 3261 17.1.2.2); None after timeout. Returns also the time the request was sent."""
        key = (call_id.encode(), cseq.encode())
        q = queue.Queue()
        with self.lock:
            self.pending[key] = q
        try:
            sent_ns = now_ns()
            self.sock.sendto(packet, self.server)
            deadline = time.monotonic() + timeout
            interval = T1
            provisional = False
            while True:
                left = deadline - time.monotonic()
                if left <= 0:
                    return None, sent_ns
                try:
                    status, reason, lines, at = q.get(timeout=min(interval, left))
                except queue.Empty:
                    if not provisional:
                        self.sock.sendto(packet, self.server)
                        method = packet[:packet.index(b" ")].decode()
                        with self.lock:
                            self.retransmissions[method] = self.retransmissions.get(method, 0) + 1
                    interval = min(interval * 2, T2)
                    continue
                if status >= 200:
                    return (status, reason, lines, at), sent_ns
                provisional = True
                interval = T2
        finally:
            with self.lock:
                self.pending.pop(key, None)

    def request(self, method, uri, from_user, to_uri, call_id, cseq, extra=(), content_type=None, body=b""):
        branch = "z9hG4bK" + uuid.uuid4().hex
        lines = [f"{method} {uri} SIP/2.0",
                 f"Via: SIP/2.0/UDP 127.0.0.1:{self.port};branch={branch};rport",
                 "Max-Forwards: 70",
                 f"From: <{from_user}>;tag={call_id[:12]}",
                 f"To: <{to_uri}>",
                 f"Call-ID: {call_id}",
                 f"CSeq: {cseq} {method}"]
        lines += list(extra)
        if content_type:
            lines.append(f"Content-Type: {content_type}")
        lines.append(f"Content-Length: {len(body)}")
        return ("\r\n".join(lines) + "\r\n\r\n").encode() + body

    def with_digest(self, method, uri, from_user, to_uri, user, password, auth_uri, header_pair, extra=(),
                    content_type=None, body=b""):
        """One request answered with 401/407 and sent again with credentials. Returns (first sent ns,
        authenticated sent ns, final response)."""
        call_id = uuid.uuid4().hex + "@127.0.0.1"
        packet = self.request(method, uri, from_user, to_uri, call_id, 1, extra, content_type, body)
        first, first_ns = self.transaction(call_id, f"1 {method}", packet)
        if first is None:
            return first_ns, None, None
        status, _reason, lines, _at = first
        challenge_name, credentials_name = header_pair
        if status not in (401, 407):
            return first_ns, None, first
        challenge = header(lines, challenge_name.lower().encode()).decode()
        creds = f"{credentials_name}: " + authorization(challenge, user, password, method, auth_uri)
        packet = self.request(method, uri, from_user, to_uri, call_id, 2, [creds] + list(extra), content_type,
                              body)
        final, auth_ns = self.transaction(call_id, f"2 {method}", packet)
        return first_ns, auth_ns, final

    def retransmitted(self, method):
        with self.lock:
            return self.retransmissions.get(method, 0)

    def close(self):
        self.stopping = True
        try:
            self.sock.shutdown(socket.SHUT_RDWR)
        except OSError:
            pass
        self.sock.close()


def cpu_seconds(pid):
    """User + system CPU seconds of a process so far (/proc/PID/stat), None if it cannot be read."""
    if pid is None:
        return None
    try:
        with open(f"/proc/{pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")
    except (OSError, ValueError, IndexError):
        return None


def thread_kind(name):
    """What a JVM thread does, from its native name (15 characters at most)."""
    if name.startswith(("C1 ", "C2 ", "Sweeper")):
        return "jit"
    if name.startswith(("GC ", "G1 ", "VM Thread")):
        return "gc"
    if name.startswith(("opencpm-", "MessageProcesso", "sip-timers", "DefaultSipTimer")):
        return "sip"  # the SIP stack's threads, which run the servlets: the CF and the PF
    return "other"


def cpu_by_kind(pid):
    """CPU seconds so far of the process's threads by kind (see thread_kind); {} if it cannot be read."""
    out = {}
    if pid is None:
        return out
    hz = os.sysconf("SC_CLK_TCK")
    try:
        tasks = os.listdir(f"/proc/{pid}/task")
    except OSError:
        return out
    for tid in tasks:
        try:
            with open(f"/proc/{pid}/task/{tid}/stat") as f:
                raw = f.read()
        except OSError:
            continue  # the thread ended
        name = raw[raw.index("(") + 1:raw.rindex(")")]
        fields = raw[raw.rindex(")") + 1:].split()
        kind = thread_kind(name)
        out[kind] = out.get(kind, 0.0) + (int(fields[11]) + int(fields[12])) / hz
    return out


def machine_busy_seconds():
    """CPU seconds all processors spent on anything but idle and iowait so far, and of those on interrupts
    (irq and softirq, where loopback UDP is carried), from /proc/stat; (None, None) if it cannot be read."""
    try:
        with open("/proc/stat") as f:
            ticks = [int(x) for x in f.readline().split()[1:]]
        hz = os.sysconf("SC_CLK_TCK")
        return (sum(ticks[:8]) - ticks[3] - ticks[4]) / hz, (ticks[5] + ticks[6]) / hz
    except (OSError, ValueError, IndexError):
        return None, None


def udp_drops(port):
    """Datagrams the kernel dropped for a full receive buffer on the UDP sockets bound to this local port
    (/proc/net/udp, last column), None if it cannot be read."""
    try:
        with open("/proc/net/udp") as f:
            rows = f.read().splitlines()[1:]
    except OSError:
        return None
    total = None
    for row in rows:
        fields = row.split()
        if len(fields) >= 13 and int(fields[1].split(":")[1], 16) == port:
            total = (total or 0) + int(fields[-1])
    return total


class PhaseMeter:
    """Over a phase: its wall time, the CPU time of the server's JVM, of this process and of the whole machine
    (the rest is other work on the machine), and the datagrams dropped by the kernel for full receive buffers at
    the server's and at the devices' socket."""

    def __init__(self, server_pid, server_port, device_port):
        self.server_pid, self.server_port, self.device_port = server_pid, server_port, device_port
        self.wall = time.monotonic()
        self.server = cpu_seconds(server_pid)
        self.kinds = cpu_by_kind(server_pid)
        self.own = sum(os.times()[:2])
        self.machine = machine_busy_seconds()
        self.drops = (udp_drops(server_port), udp_drops(device_port))

    def result(self):
        wall = time.monotonic() - self.wall
        server = cpu_seconds(self.server_pid)
        machine = machine_busy_seconds()
        drops = (udp_drops(self.server_port), udp_drops(self.device_port))
        diff = lambda a, b: None if a is None or b is None else a - b  # noqa: E731
        return {"wall_s": wall,
                "cpus": os.cpu_count(),
                "server_cpu_s": diff(server, self.server),
                # threads that ended during the phase are missing: a lower bound per kind
                "server_cpu_by_thread_s": {k: v - self.kinds.get(k, 0.0) for k, v in
                                           sorted(cpu_by_kind(self.server_pid).items())},
                "bench_cpu_s": sum(os.times()[:2]) - self.own,
                "machine_busy_s": diff(machine[0], self.machine[0]),
                "interrupts_s": diff(machine[1], self.machine[1]),
                "server_socket_drops": diff(drops[0], self.drops[0]),
                "device_socket_drops": diff(drops[1], self.drops[1])}


def percentile(values, p):
    """Nearest-rank percentile, as pager-sipp.sh computes it."""
    if not values:
        return None
    v = sorted(values)
    i = max(1, min(len(v), int(len(v) * p / 100)))
    return v[i - 1]


def main():
    a = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    a.add_argument("--server", default="127.0.0.1:15260")
    a.add_argument("--port", type=int, default=15270, help="the devices' and the sender's local UDP port")
    a.add_argument("--domain", default="opencpm.test")
    a.add_argument("--group", default="fanout", help="the group's id: sip:ID@domain")
    a.add_argument("--sender", default="sender")
    a.add_argument("--member-prefix", default="m", help="members are PREFIX1 .. PREFIXN")
    a.add_argument("--members", type=int, default=500)
    a.add_argument("--register-concurrency", type=int, default=10)
    a.add_argument("--warmup", type=int, default=200)
    a.add_argument("--latency", type=int, default=20)
    a.add_argument("--throughput", type=int, default=200)
    a.add_argument("--concurrency", type=int, default=4)
    a.add_argument("--pause", type=float, default=0.2, help="seconds between two one-at-a-time messages")
    a.add_argument("--server-pid", type=int, help="the server's JVM: its CPU time per phase is reported")
    a.add_argument("--copy-timeout", type=float, default=60.0, help="seconds to wait for a message's copies")
    a.add_argument("--out", default=".")
    args = a.parse_args()

    host, port = args.server.rsplit(":", 1)
    server = (host, int(port))
    domain = args.domain
    group_uri = f"sip:{args.group}@{domain}"
    sender_uri = f"sip:{args.sender}@{domain}"
    members = [f"{args.member_prefix}{k}" for k in range(1, args.members + 1)]
    n = len(members)
    ep = Endpoint(args.port, server, n)
    log(f"UDP 127.0.0.1:{args.port}, server {args.server}, kernel receive timestamps: "
        f"{'yes' if ep.kernel_timestamps else 'no (user-space times)'}")

    # ---------------------------------------------------------------- registration
    t0 = time.monotonic()
    work = queue.Queue()
    for m in members:
        work.put(m)
    failures = []

    def register_worker():
        while True:
            try:
                m = work.get_nowait()
            except queue.Empty:
                return
            aor = f"sip:{m}@{domain}"
            _f, _a, final = ep.with_digest(
                "REGISTER", f"sip:{domain}", aor, aor, m, f"{m}-password", f"sip:{domain}",
                ("WWW-Authenticate", "Authorization"),
                extra=[f"Contact: <sip:{m}@127.0.0.1:{args.port}>", "Expires: 3600"])
            if final is None or final[0] != 200:
                failures.append((m, None if final is None else final[0]))

    threads = [threading.Thread(target=register_worker) for _ in range(args.register_concurrency)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    if failures:
        log(f"REGISTER failed for {len(failures)} members, e.g. {failures[:5]}")
        sys.exit(2)
    register_s = time.monotonic() - t0
    log(f"registered {n} members in {register_s:.1f}s")

    # ---------------------------------------------------------------- the sender
    counter = [0]
    counter_lock = threading.Lock()
    messages = []  # dicts, one per group message

    def send_group_message(phase):
        with counter_lock:
            counter[0] += 1
            seq = counter[0]
        token = f"gf-{phase}-{seq}-{uuid.uuid4().hex[:8]}"
        event = threading.Event()
        with ep.lock:
            ep.waiting[token] = event
        body = (f"From: <{sender_uri}>\r\nTo: <{group_uri}>\r\nDateTime: 2026-01-01T00:00:00Z\r\n"
                f"NS: imdn <urn:ietf:params:imdn>\r\nimdn.Message-ID: {token}\r\nSubject: benchmark\r\n\r\n"
                f"Content-Type: text/plain;charset=UTF-8\r\n\r\nbenchmark group message {seq}\r\n").encode()
        first_ns, auth_ns, final = ep.with_digest(
            "MESSAGE", group_uri, sender_uri, group_uri, args.sender, f"{args.sender}-password", group_uri,
            ("Proxy-Authenticate", "Proxy-Authorization"), content_type="message/cpim", body=body)
        record = {"phase": phase, "seq": seq, "token": token, "first_sent_ns": first_ns,
                  "auth_sent_ns": auth_ns, "status": None if final is None else final[0],
                  "reason": None if final is None else final[1],
                  "final_ns": None if final is None else final[3], "event": event}
        with counter_lock:
            messages.append(record)
        return record

    def copy_times(token):
        with ep.lock:
            got = dict(ep.copies.get(token, {}))
        return sorted(k for k, _r in got.values()), len(got)

    def one_at_a_time(phase, count):
        lost = 0
        for _ in range(count):
            time.sleep(args.pause)  # lets the server finish with the previous message's 200s first
            r = send_group_message(phase)
            if r["status"] != 202:
                raise SystemExit(f"group MESSAGE answered {r['status']} {r['reason']} (expected 202)")
            if not r["event"].wait(args.copy_timeout):
                lost += 1
                log(f"{phase}: only {copy_times(r['token'])[1]} of {n} copies after {args.copy_timeout}s")
        return lost

    def concurrently(phase, count):
        """count group messages, at most --concurrency in flight (a slot frees on the 202); then the wait for all
        their copies. Returns (first send ns, last 202 ns, all copies arrived, refusals)."""
        with ep.lock:
            ep.all_done.clear()
            ep.expected_total = ep.total_copies + count * n
            if ep.total_copies >= ep.expected_total:
                ep.all_done.set()
        left = [count]
        refused = []

        def worker():
            while True:
                with counter_lock:
                    if left[0] == 0:
                        return
                    left[0] -= 1
                r = send_group_message(phase)
                if r["status"] != 202:
                    refused.append(r["status"])

        start = now_ns()
        workers = [threading.Thread(target=worker) for _ in range(args.concurrency)]
        for t in workers:
            t.start()
        for t in workers:
            t.join()
        sent_all = now_ns()
        return start, sent_all, ep.all_done.wait(args.copy_timeout), refused

    # JIT: the first few thousand copies are much slower; the warm-up runs like the throughput phase.
    log(f"warm-up: {args.warmup} group messages, at most {args.concurrency} in flight ...")
    _s, _e, warm, warm_refused = concurrently("warmup", args.warmup)
    if not warm or warm_refused:
        log(f"warm-up: copies missing or messages refused ({warm_refused[:5]})")
    time.sleep(2.0)  # the server's last 200s, timers and retransmissions of the warm-up
    log(f"latency: {args.latency} group messages, one at a time ...")
    meter = PhaseMeter(args.server_pid, server[1], args.port)
    before = ep.retransmitted("MESSAGE")
    lost_latency = one_at_a_time("latency", args.latency)
    latency_cpu = meter.result()
    latency_retransmissions = ep.retransmitted("MESSAGE") - before

    # ---------------------------------------------------------------- throughput
    log(f"throughput: {args.throughput} group messages, at most {args.concurrency} in flight ...")
    time.sleep(1.0)
    meter = PhaseMeter(args.server_pid, server[1], args.port)
    before = ep.retransmitted("MESSAGE")
    tp_start, tp_sent_all, complete, bad = concurrently("throughput", args.throughput)
    throughput_cpu = meter.result()
    throughput_retransmissions = ep.retransmitted("MESSAGE") - before
    time.sleep(1.0)  # late retransmissions show up as duplicates
    ep.close()

    # ---------------------------------------------------------------- results
    os.makedirs(args.out, exist_ok=True)
    with open(os.path.join(args.out, "copies.csv"), "w") as f:
        f.write("token,member,kernel_ns,read_ns\n")
        for token, member, k, r in ep.records:
            f.write(f"{token},{member},{k},{r}\n")
    ms = lambda ns: ns / 1e6  # noqa: E731
    with open(os.path.join(args.out, "messages.csv"), "w") as f:
        f.write("phase,seq,token,status,first_sent_ns,auth_sent_ns,final_ns,copies,first_copy_ns,last_copy_ns\n")
        for r in sorted(messages, key=lambda x: x["seq"]):
            times, count = copy_times(r["token"])
            r["copies"] = count
            r["first_copy_ns"] = times[0] if times else None
            r["last_copy_ns"] = times[-1] if times else None
            f.write(",".join(str(r[c]) for c in ("phase", "seq", "token", "status", "first_sent_ns",
                                                   "auth_sent_ns", "final_ns", "copies", "first_copy_ns",
                                                   "last_copy_ns")) + "\n")

    lat = [r for r in messages if r["phase"] == "latency" and r["copies"] == n]

    def stats(values):
        return {"p50": percentile(values, 50), "p99": percentile(values, 99), "max": max(values) if values else None,
                "mean": statistics.fmean(values) if values else None}

    tp = [r for r in messages if r["phase"] == "throughput"]
    tp_tokens = {r["token"] for r in tp}
    tp_copies = [k for token, _m, k, _r in ep.records if token in tp_tokens]
    last_copy = max(tp_copies) if tp_copies else tp_sent_all
    duration_s = (last_copy - tp_start) / 1e9
    lag = [r - k for _t, _m, k, r in ep.records]
    results = {
        "members": n,
        "register_s": register_s,
        "kernel_timestamps": ep.kernel_timestamps,
        "latency": {
            "messages": args.latency, "complete": len(lat), "lost": lost_latency,
            "sender_retransmissions": latency_retransmissions,
            # from the first (unauthenticated) MESSAGE: what a client that never caches a nonce sees
            "last_copy_ms": stats([ms(r["last_copy_ns"] - r["first_sent_ns"]) for r in lat]),
            "first_copy_ms": stats([ms(r["first_copy_ns"] - r["first_sent_ns"]) for r in lat]),
            # from the authenticated MESSAGE: the CF's own work (auth check, group, N copies) and the devices' 200s
            "last_copy_after_auth_ms": stats([ms(r["last_copy_ns"] - r["auth_sent_ns"]) for r in lat]),
            "first_copy_after_auth_ms": stats([ms(r["first_copy_ns"] - r["auth_sent_ns"]) for r in lat]),
            "accepted_202_after_auth_ms": stats([ms(r["final_ns"] - r["auth_sent_ns"]) for r in lat]),
            "spread_ms": stats([ms(r["last_copy_ns"] - r["first_copy_ns"]) for r in lat]),
        },
        "throughput": {
            "messages": args.throughput, "concurrency": args.concurrency, "refused": len(bad),
            "sender_retransmissions": throughput_retransmissions,
            "accepted": sum(1 for r in tp if r["status"] == 202),
            "copies_expected": args.throughput * n, "copies_received": len(tp_copies), "complete": complete,
            "sending_s": (tp_sent_all - tp_start) / 1e9,
            "duration_s": duration_s,
            "group_messages_per_s": len(tp) / duration_s if duration_s > 0 else None,
            "copies_per_s": len(tp_copies) / duration_s if duration_s > 0 else None,
            "accepted_202_after_auth_ms": stats([ms(r["final_ns"] - r["auth_sent_ns"]) for r in tp
                                                 if r["final_ns"] and r["auth_sent_ns"]]),
        },
        "cpu": {"latency": latency_cpu, "throughput": throughput_cpu},
        "duplicates": ep.duplicates,
        "retransmissions": ep.retransmissions,  # all phases, registration included
        "unexpected": ep.unexpected,
        "reader_lag_ms": stats([ms(x) for x in lag]),
    }
    with open(os.path.join(args.out, "results.json"), "w") as f:
        json.dump(results, f, indent=2)
    ok = (len(lat) == args.latency and complete and not bad and len(tp_copies) == args.throughput * n)
    log("done" if ok else "done, with losses or refusals (see results.json)")
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
