// SPDX-License-Identifier: GPL-2.0
/* core_tool.bpf.c — a bench input for bench/btf-db: one object holding the
 * programs of a dozen tracing tools of the execsnoop/opensnoop/biolatency/
 * tcpconnect/runqlat/profile kind, written the way such tools are: CO-RE
 * reads through task_struct, sock and request, hash-map lookups and updates
 * keyed by pid or pointer, ring-buffer events, bounded loops over argv and
 * strings, and log2 histograms. Unlike core_heavy.bpf.c (60 copies of one
 * small probe) the programs differ and their verification is most of the
 * work, as in a real tool. Compiled at bench time against
 * build/vmlinux/vmlinux.h; accepted by the 6.18 profile (and by the live
 * 6.18 kernel: `bpftool prog loadall`). */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

char LICENSE[] SEC("license") = "GPL";

#define TASK_COMM_LEN 16
#define MAX_ARGS 20
#define ARG_LEN 128
#define NAME_LEN 128
#define MAX_SLOTS 27
#define MAX_ENTRIES 10240
#define AF_INET 2
#define AF_INET6 10
#define TASK_RUNNING 0

/* ---- shared maps ---------------------------------------------------- */

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 256 * 1024);
} events SEC(".maps");

struct hist {
	u32 slots[MAX_SLOTS];
	char comm[TASK_COMM_LEN];
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, MAX_ENTRIES);
	__type(key, u32);
	__type(value, u64);
} start_pid SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, MAX_ENTRIES);
	__type(key, u64);
	__type(value, u64);
} start_ptr SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, u32);
	__type(value, struct hist);
} hists SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, u32);
	__type(value, struct hist);
} zero_hist SEC(".maps");

const volatile pid_t targ_tgid = 0;
const volatile uid_t targ_uid = (uid_t)-1;
const volatile bool targ_failed = false;

static __always_inline bool filtered(void)
{
	u64 id = bpf_get_current_pid_tgid();

	if (targ_tgid && (id >> 32) != targ_tgid)
		return true;
	if (targ_uid != (uid_t)-1 && (u32)bpf_get_current_uid_gid() != targ_uid)
		return true;
	return false;
}

/* log2 of a 64-bit value, as the tools' bits.bpf.h writes it */
static __always_inline u64 log2_u32(u32 v)
{
	u32 shift, r;

	r = (v > 0xFFFF) << 4; v >>= r;
	shift = (v > 0xFF) << 3; v >>= shift; r |= shift;
	shift = (v > 0xF) << 2; v >>= shift; r |= shift;
	shift = (v > 0x3) << 1; v >>= shift; r |= shift;
	r |= (v >> 1);
	return r;
}

static __always_inline u64 log2l(u64 v)
{
	u32 hi = v >> 32;

	return hi ? log2_u32(hi) + 32 : log2_u32(v);
}

static __always_inline void hist_add(u32 key, u64 delta)
{
	struct hist *h;
	u32 zero = 0;
	u64 slot;

	h = bpf_map_lookup_elem(&hists, &key);
	if (!h) {
		struct hist *init = bpf_map_lookup_elem(&zero_hist, &zero);

		if (!init)
			return;
		bpf_map_update_elem(&hists, &key, init, BPF_NOEXIST);
		h = bpf_map_lookup_elem(&hists, &key);
		if (!h)
			return;
		bpf_get_current_comm(h->comm, sizeof(h->comm));
	}
	slot = log2l(delta);
	if (slot >= MAX_SLOTS)
		slot = MAX_SLOTS - 1;
	__sync_fetch_and_add(&h->slots[slot], 1);
}

/* ---- execsnoop ---------------------------------------------------------- */

struct exec_event {
	pid_t pid, ppid;
	uid_t uid;
	int retval;
	int args_count;
	unsigned int args_size;
	char comm[TASK_COMM_LEN];
	char args[MAX_ARGS * ARG_LEN];
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, MAX_ENTRIES);
	__type(key, pid_t);
	__type(value, struct exec_event);
} execs SEC(".maps");

static const struct exec_event empty_exec = {};

static __always_inline int exec_enter(const char *filename, const char *const *argv)
{
	struct task_struct *task;
	struct exec_event *e;
	u64 id = bpf_get_current_pid_tgid();
	pid_t pid = id >> 32, tgid = (u32)id;
	int ret, i;

	if (filtered())
		return 0;
	if (bpf_map_update_elem(&execs, &pid, &empty_exec, BPF_NOEXIST))
		return 0;
	e = bpf_map_lookup_elem(&execs, &pid);
	if (!e)
		return 0;
	e->pid = tgid;
	e->uid = (u32)bpf_get_current_uid_gid();
	task = (struct task_struct *)bpf_get_current_task();
	e->ppid = BPF_CORE_READ(task, real_parent, tgid);
	e->args_count = 0;
	e->args_size = 0;
	ret = bpf_probe_read_user_str(e->args, ARG_LEN, filename);
	if (ret < 0)
		return 0;
	if (ret <= ARG_LEN)
		e->args_size += ret;
	else
		e->args[0] = '\0';
	for (i = 1; i < MAX_ARGS; i++) {
		const char *argp = NULL;
		unsigned int off = e->args_size;

		bpf_probe_read_user(&argp, sizeof(argp), &argv[i]);
		if (!argp)
			return 0;
		if (off > MAX_ARGS * ARG_LEN - ARG_LEN)
			return 0;
		ret = bpf_probe_read_user_str(&e->args[off], ARG_LEN, argp);
		if (ret < 0 || ret > ARG_LEN)
			return 0;
		e->args_count++;
		e->args_size += ret;
	}
	return 0;
}

static __always_inline int exec_exit(long ret)
{
	u64 id = bpf_get_current_pid_tgid();
	pid_t pid = id >> 32;
	struct exec_event *e, *out;
	unsigned int len;

	e = bpf_map_lookup_elem(&execs, &pid);
	if (!e)
		return 0;
	if (targ_failed && ret >= 0)
		goto cleanup;
	e->retval = ret;
	bpf_get_current_comm(&e->comm, sizeof(e->comm));
	len = e->args_size;
	if (len > sizeof(e->args))
		len = sizeof(e->args);
	out = bpf_ringbuf_reserve(&events, sizeof(*out), 0);
	if (out) {
		__builtin_memcpy(out, e, sizeof(*out) - sizeof(out->args));
		bpf_probe_read_kernel(out->args, len & (sizeof(out->args) - 1), e->args);
		bpf_ringbuf_submit(out, 0);
	}
cleanup:
	bpf_map_delete_elem(&execs, &pid);
	return 0;
}

SEC("tracepoint/syscalls/sys_enter_execve")
int execsnoop_enter(struct trace_event_raw_sys_enter *ctx)
{
	return exec_enter((const char *)ctx->args[0], (const char *const *)ctx->args[1]);
}

SEC("tracepoint/syscalls/sys_exit_execve")
int execsnoop_exit(struct trace_event_raw_sys_exit *ctx)
{
	return exec_exit(ctx->ret);
}

SEC("tracepoint/syscalls/sys_enter_execveat")
int execsnoop_enter_at(struct trace_event_raw_sys_enter *ctx)
{
	return exec_enter((const char *)ctx->args[1], (const char *const *)ctx->args[2]);
}

SEC("tracepoint/syscalls/sys_exit_execveat")
int execsnoop_exit_at(struct trace_event_raw_sys_exit *ctx)
{
	return exec_exit(ctx->ret);
}

/* ---- opensnoop ---------------------------------------------------------- */

struct open_args {
	const char *fname;
	int flags;
	u32 mode;
};

struct open_event {
	u64 ts;
	pid_t pid;
	uid_t uid;
	int ret;
	int flags;
	u32 mode;
	char comm[TASK_COMM_LEN];
	char fname[NAME_LEN];
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, MAX_ENTRIES);
	__type(key, u32);
	__type(value, struct open_args);
} opens SEC(".maps");

static __always_inline int open_enter(const char *fname, int flags, u32 mode)
{
	u32 tid = (u32)bpf_get_current_pid_tgid();
	struct open_args a = {};

	if (filtered())
		return 0;
	a.fname = fname;
	a.flags = flags;
	a.mode = mode;
	bpf_map_update_elem(&opens, &tid, &a, BPF_ANY);
	return 0;
}

static __always_inline int open_exit(long ret)
{
	u64 id = bpf_get_current_pid_tgid();
	u32 tid = (u32)id;
	struct open_args *a;
	struct open_event *e;

	a = bpf_map_lookup_elem(&opens, &tid);
	if (!a)
		return 0;
	if (targ_failed && ret >= 0)
		goto cleanup;
	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e)
		goto cleanup;
	e->ts = bpf_ktime_get_ns();
	e->pid = id >> 32;
	e->uid = (u32)bpf_get_current_uid_gid();
	e->ret = ret;
	e->flags = a->flags;
	e->mode = a->mode;
	bpf_get_current_comm(&e->comm, sizeof(e->comm));
	bpf_probe_read_user_str(&e->fname, sizeof(e->fname), a->fname);
	bpf_ringbuf_submit(e, 0);
cleanup:
	bpf_map_delete_elem(&opens, &tid);
	return 0;
}

SEC("tracepoint/syscalls/sys_enter_open")
int opensnoop_enter_open(struct trace_event_raw_sys_enter *ctx)
{
	return open_enter((const char *)ctx->args[0], (int)ctx->args[1], (u32)ctx->args[2]);
}

SEC("tracepoint/syscalls/sys_enter_openat")
int opensnoop_enter_openat(struct trace_event_raw_sys_enter *ctx)
{
	return open_enter((const char *)ctx->args[1], (int)ctx->args[2], (u32)ctx->args[3]);
}

SEC("tracepoint/syscalls/sys_exit_open")
int opensnoop_exit_open(struct trace_event_raw_sys_exit *ctx)
{
	return open_exit(ctx->ret);
}

SEC("tracepoint/syscalls/sys_exit_openat")
int opensnoop_exit_openat(struct trace_event_raw_sys_exit *ctx)
{
	return open_exit(ctx->ret);
}

/* ---- biolatency / biosnoop ------------------------------------------------ */

struct bio_event {
	u64 delta_ns;
	u64 sector;
	u32 len;
	u32 dev;
	u32 cmd_flags;
	char disk[32];
};

static __always_inline u32 rq_dev(struct request *rq)
{
	struct gendisk *disk = BPF_CORE_READ(rq, q, disk);

	return disk ? (BPF_CORE_READ(disk, major) << 20) | BPF_CORE_READ(disk, first_minor) : 0;
}

static __always_inline int trace_rq_start(struct request *rq)
{
	u64 ts = bpf_ktime_get_ns();
	u64 key = (u64)rq;

	if (filtered())
		return 0;
	bpf_map_update_elem(&start_ptr, &key, &ts, BPF_ANY);
	return 0;
}

SEC("tp_btf/block_rq_insert")
int BPF_PROG(biolatency_insert, struct request *rq)
{
	return trace_rq_start(rq);
}

SEC("tp_btf/block_rq_issue")
int BPF_PROG(biolatency_issue, struct request *rq)
{
	return trace_rq_start(rq);
}

SEC("tp_btf/block_rq_complete")
int BPF_PROG(biolatency_complete, struct request *rq, int error, unsigned int nr_bytes)
{
	u64 key = (u64)rq, *tsp, now = bpf_ktime_get_ns();
	s64 delta;

	tsp = bpf_map_lookup_elem(&start_ptr, &key);
	if (!tsp)
		return 0;
	delta = (s64)(now - *tsp);
	if (delta >= 0)
		hist_add(rq_dev(rq), delta / 1000);
	bpf_map_delete_elem(&start_ptr, &key);
	return 0;
}

SEC("tp_btf/block_rq_complete")
int BPF_PROG(biosnoop_complete, struct request *rq, int error, unsigned int nr_bytes)
{
	u64 key = (u64)rq, *tsp;
	struct bio_event *e;
	struct gendisk *disk;

	tsp = bpf_map_lookup_elem(&start_ptr, &key);
	if (!tsp)
		return 0;
	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e)
		goto cleanup;
	e->delta_ns = bpf_ktime_get_ns() - *tsp;
	e->sector = BPF_CORE_READ(rq, __sector);
	e->len = BPF_CORE_READ(rq, __data_len);
	e->cmd_flags = BPF_CORE_READ(rq, cmd_flags);
	e->dev = rq_dev(rq);
	disk = BPF_CORE_READ(rq, q, disk);
	if (disk)
		bpf_probe_read_kernel_str(e->disk, sizeof(e->disk), disk->disk_name);
	else
		e->disk[0] = 0;
	bpf_ringbuf_submit(e, 0);
cleanup:
	bpf_map_delete_elem(&start_ptr, &key);
	return 0;
}

SEC("tp_btf/block_rq_complete")
int BPF_PROG(bitesize_complete, struct request *rq, int error, unsigned int nr_bytes)
{
	struct task_struct *t = (struct task_struct *)bpf_get_current_task();
	u32 key = BPF_CORE_READ(t, tgid);

	if (filtered())
		return 0;
	hist_add(key, nr_bytes / 1024);
	return 0;
}

/* ---- tcpconnect / tcpconnlat / tcpretrans / tcplife ----------------------- */

struct tcp_event {
	u32 saddr_v4, daddr_v4;
	u8 saddr_v6[16], daddr_v6[16];
	u64 delta_us;
	u64 rx_b, tx_b;
	pid_t pid;
	u16 lport, dport;
	u16 family;
	u8 oldstate, newstate;
	char comm[TASK_COMM_LEN];
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, MAX_ENTRIES);
	__type(key, u32);
	__type(value, struct sock *);
} sockets SEC(".maps");

static __always_inline void fill_addrs(struct tcp_event *e, struct sock *sk)
{
	e->family = BPF_CORE_READ(sk, __sk_common.skc_family);
	e->lport = BPF_CORE_READ(sk, __sk_common.skc_num);
	e->dport = __builtin_bswap16(BPF_CORE_READ(sk, __sk_common.skc_dport));
	if (e->family == AF_INET) {
		e->saddr_v4 = BPF_CORE_READ(sk, __sk_common.skc_rcv_saddr);
		e->daddr_v4 = BPF_CORE_READ(sk, __sk_common.skc_daddr);
	} else {
		BPF_CORE_READ_INTO(&e->saddr_v6, sk, __sk_common.skc_v6_rcv_saddr.in6_u.u6_addr32);
		BPF_CORE_READ_INTO(&e->daddr_v6, sk, __sk_common.skc_v6_daddr.in6_u.u6_addr32);
	}
}

static __always_inline int connect_enter(struct sock *sk)
{
	u32 tid = (u32)bpf_get_current_pid_tgid();

	if (filtered())
		return 0;
	bpf_map_update_elem(&sockets, &tid, &sk, BPF_ANY);
	return 0;
}

static __always_inline int connect_exit(int ret)
{
	u64 id = bpf_get_current_pid_tgid();
	u32 tid = (u32)id;
	struct sock **skpp;
	struct tcp_event *e;

	skpp = bpf_map_lookup_elem(&sockets, &tid);
	if (!skpp)
		return 0;
	if (ret)
		goto cleanup;
	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e)
		goto cleanup;
	__builtin_memset(e, 0, sizeof(*e));
	fill_addrs(e, *skpp);
	e->pid = id >> 32;
	bpf_get_current_comm(e->comm, sizeof(e->comm));
	bpf_ringbuf_submit(e, 0);
cleanup:
	bpf_map_delete_elem(&sockets, &tid);
	return 0;
}

SEC("kprobe/tcp_v4_connect")
int BPF_KPROBE(tcpconnect_v4, struct sock *sk)
{
	return connect_enter(sk);
}

SEC("kretprobe/tcp_v4_connect")
int BPF_KRETPROBE(tcpconnect_v4_ret, int ret)
{
	return connect_exit(ret);
}

SEC("kprobe/tcp_v6_connect")
int BPF_KPROBE(tcpconnect_v6, struct sock *sk)
{
	return connect_enter(sk);
}

SEC("kretprobe/tcp_v6_connect")
int BPF_KRETPROBE(tcpconnect_v6_ret, int ret)
{
	return connect_exit(ret);
}

SEC("kprobe/tcp_v4_connect")
int BPF_KPROBE(tcpconnlat_v4, struct sock *sk)
{
	u64 key = (u64)sk, ts = bpf_ktime_get_ns();

	if (filtered())
		return 0;
	bpf_map_update_elem(&start_ptr, &key, &ts, BPF_ANY);
	return 0;
}

SEC("kprobe/tcp_rcv_state_process")
int BPF_KPROBE(tcpconnlat_rcv, struct sock *sk)
{
	u64 key = (u64)sk, *tsp;
	struct tcp_event *e;
	s64 delta;

	if (BPF_CORE_READ(sk, __sk_common.skc_state) != TCP_SYN_SENT)
		return 0;
	tsp = bpf_map_lookup_elem(&start_ptr, &key);
	if (!tsp)
		return 0;
	delta = (s64)(bpf_ktime_get_ns() - *tsp);
	if (delta < 0)
		goto cleanup;
	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e)
		goto cleanup;
	__builtin_memset(e, 0, sizeof(*e));
	fill_addrs(e, sk);
	e->delta_us = delta / 1000;
	e->pid = bpf_get_current_pid_tgid() >> 32;
	bpf_get_current_comm(e->comm, sizeof(e->comm));
	bpf_ringbuf_submit(e, 0);
cleanup:
	bpf_map_delete_elem(&start_ptr, &key);
	return 0;
}

SEC("tp_btf/tcp_retransmit_skb")
int BPF_PROG(tcpretrans, const struct sock *sk, const struct sk_buff *skb)
{
	struct tcp_event *e;

	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e)
		return 0;
	__builtin_memset(e, 0, sizeof(*e));
	fill_addrs(e, (struct sock *)sk);
	e->oldstate = BPF_CORE_READ(sk, __sk_common.skc_state);
	e->pid = bpf_get_current_pid_tgid() >> 32;
	bpf_ringbuf_submit(e, 0);
	return 0;
}

SEC("tp_btf/inet_sock_set_state")
int BPF_PROG(tcplife, const struct sock *sk, const int oldstate, const int newstate)
{
	u64 key = (u64)sk, *tsp, now = bpf_ktime_get_ns();
	struct tcp_sock *tp = (struct tcp_sock *)sk;
	struct tcp_event *e;

	if (BPF_CORE_READ(sk, sk_protocol) != IPPROTO_TCP)
		return 0;
	if (newstate < TCP_FIN_WAIT1) {
		bpf_map_update_elem(&start_ptr, &key, &now, BPF_ANY);
		return 0;
	}
	if (newstate != TCP_CLOSE)
		return 0;
	tsp = bpf_map_lookup_elem(&start_ptr, &key);
	if (!tsp)
		return 0;
	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e)
		goto cleanup;
	__builtin_memset(e, 0, sizeof(*e));
	fill_addrs(e, (struct sock *)sk);
	e->delta_us = (now - *tsp) / 1000;
	e->rx_b = BPF_CORE_READ(tp, bytes_received);
	e->tx_b = BPF_CORE_READ(tp, bytes_acked);
	e->oldstate = oldstate;
	e->newstate = newstate;
	e->pid = bpf_get_current_pid_tgid() >> 32;
	bpf_get_current_comm(e->comm, sizeof(e->comm));
	bpf_ringbuf_submit(e, 0);
cleanup:
	bpf_map_delete_elem(&start_ptr, &key);
	return 0;
}

SEC("kprobe/inet_csk_accept")
int BPF_KPROBE(tcpaccept_enter, struct sock *sk)
{
	return connect_enter(sk);
}

SEC("kretprobe/inet_csk_accept")
int BPF_KRETPROBE(tcpaccept_exit, struct sock *newsk)
{
	u64 id = bpf_get_current_pid_tgid();
	u32 tid = (u32)id;
	struct tcp_event *e;

	bpf_map_delete_elem(&sockets, &tid);
	if (!newsk)
		return 0;
	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e)
		return 0;
	__builtin_memset(e, 0, sizeof(*e));
	fill_addrs(e, newsk);
	e->pid = id >> 32;
	bpf_get_current_comm(e->comm, sizeof(e->comm));
	bpf_ringbuf_submit(e, 0);
	return 0;
}

/* ---- runqlat / runqslower / offcputime ----------------------------------- */

static __always_inline int wakeup(struct task_struct *p)
{
	u32 pid = BPF_CORE_READ(p, pid);
	u64 ts = bpf_ktime_get_ns();

	if (!pid)
		return 0;
	bpf_map_update_elem(&start_pid, &pid, &ts, BPF_ANY);
	return 0;
}

SEC("tp_btf/sched_wakeup")
int BPF_PROG(runqlat_wakeup, struct task_struct *p)
{
	return wakeup(p);
}

SEC("tp_btf/sched_wakeup_new")
int BPF_PROG(runqlat_wakeup_new, struct task_struct *p)
{
	return wakeup(p);
}

SEC("tp_btf/sched_switch")
int BPF_PROG(runqlat_switch, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	u32 pid, tgid;
	u64 *tsp;
	s64 delta;

	if (BPF_CORE_READ(prev, __state) == TASK_RUNNING)
		wakeup(prev);
	pid = BPF_CORE_READ(next, pid);
	tgid = BPF_CORE_READ(next, tgid);
	tsp = bpf_map_lookup_elem(&start_pid, &pid);
	if (!tsp)
		return 0;
	delta = (s64)(bpf_ktime_get_ns() - *tsp);
	if (delta >= 0)
		hist_add(tgid, delta / 1000);
	bpf_map_delete_elem(&start_pid, &pid);
	return 0;
}

struct sched_event {
	u64 delta_us;
	pid_t pid, prev_pid;
	char task[TASK_COMM_LEN];
	char prev_task[TASK_COMM_LEN];
};

SEC("tp_btf/sched_switch")
int BPF_PROG(runqslower_switch, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	struct sched_event *e;
	u32 pid = BPF_CORE_READ(next, pid);
	u64 *tsp, delta_us;

	if (BPF_CORE_READ(prev, __state) == TASK_RUNNING)
		wakeup(prev);
	tsp = bpf_map_lookup_elem(&start_pid, &pid);
	if (!tsp)
		return 0;
	delta_us = (bpf_ktime_get_ns() - *tsp) / 1000;
	if (delta_us < 10000)
		goto cleanup;
	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e)
		goto cleanup;
	e->pid = pid;
	e->prev_pid = BPF_CORE_READ(prev, pid);
	e->delta_us = delta_us;
	BPF_CORE_READ_STR_INTO(&e->task, next, comm);
	BPF_CORE_READ_STR_INTO(&e->prev_task, prev, comm);
	bpf_ringbuf_submit(e, 0);
cleanup:
	bpf_map_delete_elem(&start_pid, &pid);
	return 0;
}

struct {
	__uint(type, BPF_MAP_TYPE_STACK_TRACE);
	__uint(key_size, sizeof(u32));
	__uint(value_size, 127 * sizeof(u64));
	__uint(max_entries, 4096);
} stackmap SEC(".maps");

struct stack_key {
	u32 pid;
	u32 tgid;
	int user_stack_id;
	int kern_stack_id;
	char name[TASK_COMM_LEN];
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, MAX_ENTRIES);
	__type(key, struct stack_key);
	__type(value, u64);
} counts SEC(".maps");

static __always_inline void count_stack(void *ctx, struct task_struct *t, u64 val)
{
	struct stack_key key = {};
	u64 *v, one = 0;

	key.pid = BPF_CORE_READ(t, pid);
	key.tgid = BPF_CORE_READ(t, tgid);
	key.user_stack_id = bpf_get_stackid(ctx, &stackmap, BPF_F_USER_STACK);
	key.kern_stack_id = bpf_get_stackid(ctx, &stackmap, 0);
	BPF_CORE_READ_STR_INTO(&key.name, t, comm);
	v = bpf_map_lookup_elem(&counts, &key);
	if (!v) {
		bpf_map_update_elem(&counts, &key, &one, BPF_NOEXIST);
		v = bpf_map_lookup_elem(&counts, &key);
		if (!v)
			return;
	}
	__sync_fetch_and_add(v, val);
}

SEC("tp_btf/sched_switch")
int BPF_PROG(offcputime_switch, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	u32 pid = BPF_CORE_READ(prev, pid);
	u64 ts = bpf_ktime_get_ns(), *tsp;
	s64 delta;

	if (pid && !(BPF_CORE_READ(prev, flags) & 0x00200000 /* PF_KTHREAD */))
		bpf_map_update_elem(&start_pid, &pid, &ts, BPF_ANY);
	pid = BPF_CORE_READ(next, pid);
	tsp = bpf_map_lookup_elem(&start_pid, &pid);
	if (!tsp)
		return 0;
	delta = (s64)(ts - *tsp);
	bpf_map_delete_elem(&start_pid, &pid);
	if (delta <= 0)
		return 0;
	count_stack(ctx, next, delta / 1000);
	return 0;
}

/* ---- profile ------------------------------------------------------------- */

SEC("perf_event")
int profile(struct bpf_perf_event_data *ctx)
{
	struct task_struct *t = (struct task_struct *)bpf_get_current_task();

	if (filtered())
		return 0;
	count_stack(ctx, t, 1);
	return 0;
}

SEC("perf_event")
int profile_kernel_only(struct bpf_perf_event_data *ctx)
{
	struct stack_key key = {};
	u64 *v, one = 1;

	if (!BPF_CORE_READ(ctx, regs.cs) || (BPF_CORE_READ(ctx, regs.cs) & 3))
		return 0;
	key.tgid = bpf_get_current_pid_tgid() >> 32;
	key.kern_stack_id = bpf_get_stackid(ctx, &stackmap, 0);
	key.user_stack_id = -1;
	bpf_get_current_comm(&key.name, sizeof(key.name));
	v = bpf_map_lookup_elem(&counts, &key);
	if (v)
		__sync_fetch_and_add(v, 1);
	else
		bpf_map_update_elem(&counts, &key, &one, BPF_NOEXIST);
	return 0;
}

/* ---- exitsnoop / oomkill / killsnoop / sigsnoop ---------------------------- */

struct task_event {
	u64 start_time, exit_time;
	pid_t pid, tid, ppid;
	int sig;
	int exit_code;
	u32 cgroup_level;
	char comm[TASK_COMM_LEN];
	char pcomm[TASK_COMM_LEN];
};

SEC("tracepoint/sched/sched_process_exit")
int exitsnoop(struct trace_event_raw_sched_process_template *ctx)
{
	struct task_struct *t = (struct task_struct *)bpf_get_current_task();
	u64 id = bpf_get_current_pid_tgid();
	struct task_event *e;

	if (filtered() || (u32)(id >> 32) != (u32)id)
		return 0;
	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e)
		return 0;
	e->start_time = BPF_CORE_READ(t, start_time);
	e->exit_time = bpf_ktime_get_ns();
	e->pid = id >> 32;
	e->tid = (u32)id;
	e->ppid = BPF_CORE_READ(t, real_parent, tgid);
	e->sig = BPF_CORE_READ(t, exit_code) & 0xff;
	e->exit_code = BPF_CORE_READ(t, exit_code) >> 8;
	e->cgroup_level = BPF_CORE_READ(t, cgroups, dfl_cgrp, level);
	bpf_get_current_comm(e->comm, sizeof(e->comm));
	BPF_CORE_READ_STR_INTO(&e->pcomm, t, real_parent, comm);
	bpf_ringbuf_submit(e, 0);
	return 0;
}

SEC("kprobe/oom_kill_process")
int BPF_KPROBE(oomkill, struct oom_control *oc, const char *message)
{
	struct task_event *e;
	struct task_struct *victim = BPF_CORE_READ(oc, chosen);

	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e)
		return 0;
	__builtin_memset(e, 0, sizeof(*e));
	e->pid = bpf_get_current_pid_tgid() >> 32;
	e->tid = BPF_CORE_READ(victim, tgid);
	e->exit_code = BPF_CORE_READ(oc, totalpages);
	bpf_get_current_comm(e->comm, sizeof(e->comm));
	BPF_CORE_READ_STR_INTO(&e->pcomm, victim, comm);
	bpf_ringbuf_submit(e, 0);
	return 0;
}

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, MAX_ENTRIES);
	__type(key, u32);
	__type(value, struct task_event);
} signals SEC(".maps");

static __always_inline int kill_enter(pid_t tpid, int sig)
{
	u64 id = bpf_get_current_pid_tgid();
	u32 tid = (u32)id;
	struct task_event e = {};

	if (filtered())
		return 0;
	e.pid = id >> 32;
	e.tid = tpid;
	e.sig = sig;
	bpf_get_current_comm(e.comm, sizeof(e.comm));
	bpf_map_update_elem(&signals, &tid, &e, BPF_ANY);
	return 0;
}

static __always_inline int kill_exit(int ret)
{
	u32 tid = (u32)bpf_get_current_pid_tgid();
	struct task_event *e, *out;

	e = bpf_map_lookup_elem(&signals, &tid);
	if (!e)
		return 0;
	if (targ_failed && ret >= 0)
		goto cleanup;
	out = bpf_ringbuf_reserve(&events, sizeof(*out), 0);
	if (!out)
		goto cleanup;
	*out = *e;
	out->exit_code = ret;
	bpf_ringbuf_submit(out, 0);
cleanup:
	bpf_map_delete_elem(&signals, &tid);
	return 0;
}

SEC("tracepoint/syscalls/sys_enter_kill")
int killsnoop_enter_kill(struct trace_event_raw_sys_enter *ctx)
{
	return kill_enter((pid_t)ctx->args[0], (int)ctx->args[1]);
}

SEC("tracepoint/syscalls/sys_exit_kill")
int killsnoop_exit_kill(struct trace_event_raw_sys_exit *ctx)
{
	return kill_exit(ctx->ret);
}

SEC("tracepoint/syscalls/sys_enter_tkill")
int killsnoop_enter_tkill(struct trace_event_raw_sys_enter *ctx)
{
	return kill_enter((pid_t)ctx->args[0], (int)ctx->args[1]);
}

SEC("tracepoint/syscalls/sys_exit_tkill")
int killsnoop_exit_tkill(struct trace_event_raw_sys_exit *ctx)
{
	return kill_exit(ctx->ret);
}

SEC("tracepoint/syscalls/sys_enter_tgkill")
int killsnoop_enter_tgkill(struct trace_event_raw_sys_enter *ctx)
{
	return kill_enter((pid_t)ctx->args[1], (int)ctx->args[2]);
}

SEC("tracepoint/syscalls/sys_exit_tgkill")
int killsnoop_exit_tgkill(struct trace_event_raw_sys_exit *ctx)
{
	return kill_exit(ctx->ret);
}

SEC("tp_btf/signal_generate")
int BPF_PROG(sigsnoop, int sig, struct kernel_siginfo *info, struct task_struct *task,
	     int group, int result)
{
	struct task_event *e;

	if (filtered() || (targ_failed && !result))
		return 0;
	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e)
		return 0;
	e->pid = bpf_get_current_pid_tgid() >> 32;
	e->tid = BPF_CORE_READ(task, pid);
	e->ppid = BPF_CORE_READ(task, tgid);
	e->sig = sig;
	e->exit_code = result;
	e->start_time = 0;
	e->exit_time = 0;
	e->cgroup_level = 0;
	bpf_get_current_comm(e->comm, sizeof(e->comm));
	BPF_CORE_READ_STR_INTO(&e->pcomm, task, comm);
	bpf_ringbuf_submit(e, 0);
	return 0;
}

/* ---- syscount / funclatency-style entry/exit pairs -------------------------- */

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, u32);
	__type(value, u64);
} syscall_counts SEC(".maps");

SEC("tracepoint/raw_syscalls/sys_enter")
int syscount_enter(struct trace_event_raw_sys_enter *ctx)
{
	u64 id = bpf_get_current_pid_tgid();
	u32 tid = (u32)id;
	u64 ts = bpf_ktime_get_ns();

	if (filtered())
		return 0;
	bpf_map_update_elem(&start_pid, &tid, &ts, BPF_ANY);
	return 0;
}

SEC("tracepoint/raw_syscalls/sys_exit")
int syscount_exit(struct trace_event_raw_sys_exit *ctx)
{
	u32 tid = (u32)bpf_get_current_pid_tgid();
	u32 nr = (u32)ctx->id;
	u64 *tsp, *cnt, zero = 0;

	if (targ_failed && ctx->ret >= 0)
		return 0;
	tsp = bpf_map_lookup_elem(&start_pid, &tid);
	if (tsp) {
		hist_add(nr, (bpf_ktime_get_ns() - *tsp) / 1000);
		bpf_map_delete_elem(&start_pid, &tid);
	}
	cnt = bpf_map_lookup_elem(&syscall_counts, &nr);
	if (!cnt) {
		bpf_map_update_elem(&syscall_counts, &nr, &zero, BPF_NOEXIST);
		cnt = bpf_map_lookup_elem(&syscall_counts, &nr);
		if (!cnt)
			return 0;
	}
	__sync_fetch_and_add(cnt, 1);
	return 0;
}

/* funclatency-style pairs on kernel functions: entry stamps the thread,
 * return adds the latency to a histogram keyed by the caller's tgid */
#define LAT_PAIR(NAME, FN)                                                      \
SEC("kprobe/" #FN)                                                              \
int BPF_KPROBE(NAME##_entry)                                                    \
{                                                                               \
	u32 tid = (u32)bpf_get_current_pid_tgid();                              \
	u64 ts = bpf_ktime_get_ns();                                            \
	if (filtered())                                                         \
		return 0;                                                       \
	bpf_map_update_elem(&start_pid, &tid, &ts, BPF_ANY);                    \
	return 0;                                                               \
}                                                                               \
SEC("kretprobe/" #FN)                                                           \
int BPF_KRETPROBE(NAME##_return)                                                \
{                                                                               \
	u64 id = bpf_get_current_pid_tgid();                                    \
	u32 tid = (u32)id;                                                      \
	u64 *tsp = bpf_map_lookup_elem(&start_pid, &tid);                       \
	if (!tsp)                                                               \
		return 0;                                                       \
	hist_add(id >> 32, (bpf_ktime_get_ns() - *tsp) / 1000);                 \
	bpf_map_delete_elem(&start_pid, &tid);                                  \
	return 0;                                                               \
}

LAT_PAIR(fsync_lat, vfs_fsync_range)
LAT_PAIR(mutex_lat, mutex_lock)

/* ---- vfsstat / filetop / filelife / fsslower --------------------------------- */

enum { S_READ, S_WRITE, S_FSYNC, S_OPEN, S_CREATE, S_MAXSTAT };

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, S_MAXSTAT);
	__type(key, u32);
	__type(value, u64);
} vfs_stats SEC(".maps");

struct file_event {
	u64 delta_ns;
	u64 size, offset;
	u64 inode;
	pid_t pid;
	u32 dev;
	char type;
	char comm[TASK_COMM_LEN];
	char name[NAME_LEN];
};

static __always_inline void stat_inc(u32 key)
{
	u64 *v = bpf_map_lookup_elem(&vfs_stats, &key);

	if (v)
		(*v)++;
}

static __always_inline int file_event(struct file *file, u64 size, char type)
{
	struct file_event *e;
	struct dentry *de;
	struct qstr name;

	if (filtered())
		return 0;
	if (BPF_CORE_READ(file, f_inode, i_mode) & 0040000 /* S_IFDIR */)
		return 0;
	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e)
		return 0;
	de = BPF_CORE_READ(file, f_path.dentry);
	name = BPF_CORE_READ(de, d_name);
	bpf_probe_read_kernel_str(e->name, sizeof(e->name), name.name);
	e->inode = BPF_CORE_READ(file, f_inode, i_ino);
	e->dev = BPF_CORE_READ(file, f_inode, i_sb, s_dev);
	e->offset = BPF_CORE_READ(file, f_pos);
	e->size = size;
	e->type = type;
	e->delta_ns = 0;
	e->pid = bpf_get_current_pid_tgid() >> 32;
	bpf_get_current_comm(e->comm, sizeof(e->comm));
	bpf_ringbuf_submit(e, 0);
	return 0;
}

SEC("kprobe/vfs_read")
int BPF_KPROBE(vfsstat_read, struct file *file, char *buf, size_t count)
{
	stat_inc(S_READ);
	return file_event(file, count, 'R');
}

SEC("kprobe/vfs_write")
int BPF_KPROBE(vfsstat_write, struct file *file, const char *buf, size_t count)
{
	stat_inc(S_WRITE);
	return file_event(file, count, 'W');
}

SEC("kprobe/vfs_fsync_range")
int BPF_KPROBE(vfsstat_fsync, struct file *file)
{
	stat_inc(S_FSYNC);
	return file_event(file, 0, 'F');
}

SEC("kprobe/vfs_open")
int BPF_KPROBE(vfsstat_open, struct path *path, struct file *file)
{
	stat_inc(S_OPEN);
	return file_event(file, 0, 'O');
}

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, MAX_ENTRIES);
	__type(key, struct dentry *);
	__type(value, u64);
} births SEC(".maps");

SEC("kprobe/vfs_create")
int BPF_KPROBE(filelife_create, void *arg0, void *arg1, struct dentry *dentry)
{
	u64 ts = bpf_ktime_get_ns();

	stat_inc(S_CREATE);
	if (filtered())
		return 0;
	bpf_map_update_elem(&births, &dentry, &ts, BPF_ANY);
	return 0;
}

SEC("kprobe/vfs_unlink")
int BPF_KPROBE(filelife_unlink, void *arg0, struct inode *dir, struct dentry *dentry)
{
	struct file_event *e;
	struct qstr name;
	u64 *tsp;

	tsp = bpf_map_lookup_elem(&births, &dentry);
	if (!tsp)
		return 0;
	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e)
		goto cleanup;
	e->delta_ns = bpf_ktime_get_ns() - *tsp;
	name = BPF_CORE_READ(dentry, d_name);
	bpf_probe_read_kernel_str(e->name, sizeof(e->name), name.name);
	e->inode = BPF_CORE_READ(dentry, d_inode, i_ino);
	e->dev = BPF_CORE_READ(dir, i_sb, s_dev);
	e->size = BPF_CORE_READ(dentry, d_inode, i_size);
	e->offset = 0;
	e->type = 'D';
	e->pid = bpf_get_current_pid_tgid() >> 32;
	bpf_get_current_comm(e->comm, sizeof(e->comm));
	bpf_ringbuf_submit(e, 0);
cleanup:
	bpf_map_delete_elem(&births, &dentry);
	return 0;
}

/* fsslower: file operations slower than a threshold, entry and exit */
struct fs_args {
	struct file *fp;
	u64 start;
	u64 offset;
	u64 count;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, MAX_ENTRIES);
	__type(key, u32);
	__type(value, struct fs_args);
} fs_starts SEC(".maps");

const volatile u64 min_lat_ns = 10000000;

static __always_inline int fs_entry(struct file *fp, u64 count)
{
	u32 tid = (u32)bpf_get_current_pid_tgid();
	struct fs_args a = {};

	if (filtered())
		return 0;
	a.fp = fp;
	a.start = bpf_ktime_get_ns();
	a.offset = BPF_CORE_READ(fp, f_pos);
	a.count = count;
	bpf_map_update_elem(&fs_starts, &tid, &a, BPF_ANY);
	return 0;
}

static __always_inline int fs_exit(long ret, char type)
{
	u64 id = bpf_get_current_pid_tgid();
	u32 tid = (u32)id;
	struct fs_args *a;
	struct file_event *e;
	struct file *fp;
	struct dentry *de;
	struct qstr name;
	s64 delta;

	a = bpf_map_lookup_elem(&fs_starts, &tid);
	if (!a)
		return 0;
	delta = (s64)(bpf_ktime_get_ns() - a->start);
	if (delta < 0 || (u64)delta < min_lat_ns)
		goto cleanup;
	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e)
		goto cleanup;
	e->delta_ns = delta;
	e->offset = a->offset;
	e->size = ret > 0 ? ret : a->count;
	e->type = type;
	fp = a->fp;
	de = BPF_CORE_READ(fp, f_path.dentry);
	name = BPF_CORE_READ(de, d_name);
	bpf_probe_read_kernel_str(e->name, sizeof(e->name), name.name);
	e->inode = BPF_CORE_READ(fp, f_inode, i_ino);
	e->dev = BPF_CORE_READ(fp, f_inode, i_sb, s_dev);
	e->pid = id >> 32;
	bpf_get_current_comm(e->comm, sizeof(e->comm));
	bpf_ringbuf_submit(e, 0);
cleanup:
	bpf_map_delete_elem(&fs_starts, &tid);
	return 0;
}

SEC("kprobe/ext4_file_read_iter")
int BPF_KPROBE(fsslower_ext4_read, struct kiocb *iocb, struct iov_iter *to)
{
	return fs_entry(BPF_CORE_READ(iocb, ki_filp), BPF_CORE_READ(to, count));
}

SEC("kretprobe/ext4_file_read_iter")
int BPF_KRETPROBE(fsslower_ext4_read_ret, long ret)
{
	return fs_exit(ret, 'R');
}

SEC("kprobe/ext4_file_write_iter")
int BPF_KPROBE(fsslower_ext4_write, struct kiocb *iocb, struct iov_iter *from)
{
	return fs_entry(BPF_CORE_READ(iocb, ki_filp), BPF_CORE_READ(from, count));
}

SEC("kretprobe/ext4_file_write_iter")
int BPF_KRETPROBE(fsslower_ext4_write_ret, long ret)
{
	return fs_exit(ret, 'W');
}

SEC("kprobe/ext4_sync_file")
int BPF_KPROBE(fsslower_ext4_fsync, struct file *file)
{
	return fs_entry(file, 0);
}

SEC("kretprobe/ext4_sync_file")
int BPF_KRETPROBE(fsslower_ext4_fsync_ret, long ret)
{
	return fs_exit(ret, 'F');
}

/* ---- mountsnoop / bindsnoop / capable ------------------------------------- */

struct mount_event {
	u64 flags;
	pid_t pid;
	int ret;
	u32 mnt_ns;
	char comm[TASK_COMM_LEN];
	char src[NAME_LEN];
	char dest[NAME_LEN];
	char fs[32];
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 1024);
	__type(key, u32);
	__type(value, struct mount_event);
} mounts SEC(".maps");

static const struct mount_event empty_mount = {};

SEC("tracepoint/syscalls/sys_enter_mount")
int mountsnoop_enter(struct trace_event_raw_sys_enter *ctx)
{
	u32 tid = (u32)bpf_get_current_pid_tgid();
	struct task_struct *t = (struct task_struct *)bpf_get_current_task();
	struct mount_event *m;

	if (filtered())
		return 0;
	if (bpf_map_update_elem(&mounts, &tid, &empty_mount, BPF_ANY))
		return 0;
	m = bpf_map_lookup_elem(&mounts, &tid);
	if (!m)
		return 0;
	m->flags = ctx->args[3];
	m->mnt_ns = BPF_CORE_READ(t, nsproxy, mnt_ns, ns.inum);
	bpf_probe_read_user_str(m->src, sizeof(m->src), (const void *)ctx->args[0]);
	bpf_probe_read_user_str(m->dest, sizeof(m->dest), (const void *)ctx->args[1]);
	bpf_probe_read_user_str(m->fs, sizeof(m->fs), (const void *)ctx->args[2]);
	return 0;
}

SEC("tracepoint/syscalls/sys_exit_mount")
int mountsnoop_exit(struct trace_event_raw_sys_exit *ctx)
{
	u64 id = bpf_get_current_pid_tgid();
	u32 tid = (u32)id;
	struct mount_event *m, *e;

	m = bpf_map_lookup_elem(&mounts, &tid);
	if (!m)
		return 0;
	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e)
		goto cleanup;
	*e = *m;
	e->pid = id >> 32;
	e->ret = ctx->ret;
	bpf_get_current_comm(e->comm, sizeof(e->comm));
	bpf_ringbuf_submit(e, 0);
cleanup:
	bpf_map_delete_elem(&mounts, &tid);
	return 0;
}

struct bind_event {
	u8 addr[16];
	u64 ts;
	pid_t pid;
	int ret;
	u16 port;
	u16 family;
	u8 opts;
	u32 bound_dev_if;
	char comm[TASK_COMM_LEN];
};

struct inet_sock___old {
	__u8 bind_address_no_port:1;
} __attribute__((preserve_access_index));

static __always_inline int bind_exit(struct socket *sock, int ret, u16 family)
{
	struct sock *sk = BPF_CORE_READ(sock, sk);
	struct inet_sock *inet = (struct inet_sock *)sk;
	struct bind_event *e;

	if (!sk)
		return 0;
	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e)
		return 0;
	__builtin_memset(e, 0, sizeof(*e));
	e->ts = bpf_ktime_get_ns();
	e->pid = bpf_get_current_pid_tgid() >> 32;
	e->ret = ret;
	e->family = family;
	e->port = __builtin_bswap16(BPF_CORE_READ(inet, inet_sport));
	e->bound_dev_if = BPF_CORE_READ(sk, __sk_common.skc_bound_dev_if);
	/* the bit moved into inet_flags in 6.6; older kernels have the bitfield */
	if (bpf_core_field_exists(struct inet_sock___old, bind_address_no_port))
		e->opts = BPF_CORE_READ_BITFIELD_PROBED((struct inet_sock___old *)inet,
							bind_address_no_port);
	else
		e->opts = (BPF_CORE_READ(inet, inet_flags) >> 18) & 1;
	if (family == AF_INET)
		bpf_probe_read_kernel(e->addr, 4, &inet->inet_saddr);
	else
		BPF_CORE_READ_INTO(e->addr, sk, __sk_common.skc_v6_rcv_saddr.in6_u.u6_addr32);
	bpf_get_current_comm(e->comm, sizeof(e->comm));
	bpf_ringbuf_submit(e, 0);
	return 0;
}

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, MAX_ENTRIES);
	__type(key, u32);
	__type(value, struct socket *);
} binds SEC(".maps");

SEC("kprobe/inet_bind")
int BPF_KPROBE(bindsnoop_v4, struct socket *sock)
{
	u32 tid = (u32)bpf_get_current_pid_tgid();

	if (filtered())
		return 0;
	bpf_map_update_elem(&binds, &tid, &sock, BPF_ANY);
	return 0;
}

SEC("kretprobe/inet_bind")
int BPF_KRETPROBE(bindsnoop_v4_ret, int ret)
{
	u32 tid = (u32)bpf_get_current_pid_tgid();
	struct socket **sp = bpf_map_lookup_elem(&binds, &tid);

	if (!sp)
		return 0;
	bind_exit(*sp, ret, AF_INET);
	bpf_map_delete_elem(&binds, &tid);
	return 0;
}

SEC("kprobe/inet6_bind")
int BPF_KPROBE(bindsnoop_v6, struct socket *sock)
{
	u32 tid = (u32)bpf_get_current_pid_tgid();

	if (filtered())
		return 0;
	bpf_map_update_elem(&binds, &tid, &sock, BPF_ANY);
	return 0;
}

SEC("kretprobe/inet6_bind")
int BPF_KRETPROBE(bindsnoop_v6_ret, int ret)
{
	u32 tid = (u32)bpf_get_current_pid_tgid();
	struct socket **sp = bpf_map_lookup_elem(&binds, &tid);

	if (!sp)
		return 0;
	bind_exit(*sp, ret, AF_INET6);
	bpf_map_delete_elem(&binds, &tid);
	return 0;
}

struct cap_event {
	pid_t pid, tgid;
	uid_t uid;
	int cap;
	int audit;
	u32 userns;
	char comm[TASK_COMM_LEN];
};

SEC("kprobe/cap_capable")
int BPF_KPROBE(capable, const struct cred *cred, struct user_namespace *targ_ns, int cap,
	       int cap_opt)
{
	u64 id = bpf_get_current_pid_tgid();
	struct cap_event *e;

	if (filtered() || cap >= 64)
		return 0;
	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e)
		return 0;
	e->pid = (u32)id;
	e->tgid = id >> 32;
	e->uid = BPF_CORE_READ(cred, uid.val);
	e->cap = cap;
	e->audit = (cap_opt & 0x2) == 0;
	e->userns = BPF_CORE_READ(targ_ns, ns.inum);
	bpf_get_current_comm(e->comm, sizeof(e->comm));
	bpf_ringbuf_submit(e, 0);
	return 0;
}

/* ---- hardirqs / softirqs / cpudist ----------------------------------------- */

struct {
	__uint(type, BPF_MAP_TYPE_PERCPU_ARRAY);
	__uint(max_entries, 1);
	__type(key, u32);
	__type(value, u64);
} irq_start SEC(".maps");

SEC("tp_btf/irq_handler_entry")
int BPF_PROG(hardirq_entry, int irq, struct irqaction *action)
{
	u32 zero = 0;
	u64 *ts = bpf_map_lookup_elem(&irq_start, &zero);

	if (ts)
		*ts = bpf_ktime_get_ns();
	return 0;
}

SEC("tp_btf/irq_handler_exit")
int BPF_PROG(hardirq_exit, int irq, struct irqaction *action)
{
	u32 zero = 0;
	u64 *ts = bpf_map_lookup_elem(&irq_start, &zero);
	char name[32];
	u32 key = 0;
	int i;

	if (!ts || !*ts)
		return 0;
	bpf_probe_read_kernel_str(name, sizeof(name), BPF_CORE_READ(action, name));
	/* a cheap hash of the handler's name for the histogram key */
	for (i = 0; i < (int)sizeof(name) && name[i]; i++)
		key = key * 31 + name[i];
	hist_add(key, (bpf_ktime_get_ns() - *ts) / 1000);
	*ts = 0;
	return 0;
}

SEC("tp_btf/softirq_entry")
int BPF_PROG(softirq_entry, unsigned int vec_nr)
{
	u32 zero = 0;
	u64 *ts = bpf_map_lookup_elem(&irq_start, &zero);

	if (ts)
		*ts = bpf_ktime_get_ns();
	return 0;
}

SEC("tp_btf/softirq_exit")
int BPF_PROG(softirq_exit, unsigned int vec_nr)
{
	u32 zero = 0;
	u64 *ts = bpf_map_lookup_elem(&irq_start, &zero);

	if (!ts || !*ts || vec_nr >= 10)
		return 0;
	hist_add(vec_nr, (bpf_ktime_get_ns() - *ts) / 1000);
	*ts = 0;
	return 0;
}

SEC("tp_btf/sched_switch")
int BPF_PROG(cpudist_switch, bool preempt, struct task_struct *prev, struct task_struct *next)
{
	u32 prev_pid = BPF_CORE_READ(prev, pid), pid = BPF_CORE_READ(next, pid);
	u64 ts = bpf_ktime_get_ns(), *tsp;

	tsp = bpf_map_lookup_elem(&start_pid, &prev_pid);
	if (tsp && ts > *tsp)
		hist_add(BPF_CORE_READ(prev, tgid), (ts - *tsp) / 1000);
	if (pid)
		bpf_map_update_elem(&start_pid, &pid, &ts, BPF_ANY);
	return 0;
}

/* ---- readahead / cachestat -------------------------------------------------- */

SEC("kprobe/page_cache_ra_unbounded")
int BPF_KPROBE(readahead_enter, struct readahead_control *ractl, unsigned long nr_to_read)
{
	struct address_space *mapping = BPF_CORE_READ(ractl, mapping);
	u32 key = (u32)BPF_CORE_READ(mapping, host, i_ino);

	if (filtered())
		return 0;
	hist_add(key, nr_to_read);
	return 0;
}

enum { C_ACCESS, C_ADD, C_DIRTY, C_MISS, C_MAX };

SEC("kprobe/folio_mark_accessed")
int BPF_KPROBE(cachestat_access, struct folio *folio)
{
	stat_inc(C_ACCESS);
	return 0;
}

SEC("kprobe/filemap_add_folio")
int BPF_KPROBE(cachestat_add, struct address_space *mapping, struct folio *folio)
{
	stat_inc(C_ADD);
	if (BPF_CORE_READ(mapping, nrpages) > 1024)
		stat_inc(C_MISS);
	return 0;
}

SEC("kprobe/folio_mark_dirty")
int BPF_KPROBE(cachestat_dirty, struct folio *folio)
{
	struct address_space *mapping = BPF_CORE_READ(folio, mapping);

	stat_inc(C_DIRTY);
	if (mapping && BPF_CORE_READ(mapping, host, i_sb, s_magic) == 0xEF53 /* ext4 */)
		stat_inc(C_MISS);
	return 0;
}

/* ---- tcptop / tcpstates ---------------------------------------------------- */

struct ip_key {
	u32 saddr, daddr;
	u16 lport, dport;
	pid_t pid;
};

struct traffic {
	u64 sent, received;
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, MAX_ENTRIES);
	__type(key, struct ip_key);
	__type(value, struct traffic);
} traffic SEC(".maps");

static __always_inline int tcp_traffic(struct sock *sk, long size, bool receiving)
{
	struct ip_key key = {};
	struct traffic *t, zero = {};

	if (filtered() || BPF_CORE_READ(sk, __sk_common.skc_family) != AF_INET)
		return 0;
	key.pid = bpf_get_current_pid_tgid() >> 32;
	key.saddr = BPF_CORE_READ(sk, __sk_common.skc_rcv_saddr);
	key.daddr = BPF_CORE_READ(sk, __sk_common.skc_daddr);
	key.lport = BPF_CORE_READ(sk, __sk_common.skc_num);
	key.dport = __builtin_bswap16(BPF_CORE_READ(sk, __sk_common.skc_dport));
	t = bpf_map_lookup_elem(&traffic, &key);
	if (!t) {
		bpf_map_update_elem(&traffic, &key, &zero, BPF_NOEXIST);
		t = bpf_map_lookup_elem(&traffic, &key);
		if (!t)
			return 0;
	}
	if (receiving)
		__sync_fetch_and_add(&t->received, size);
	else
		__sync_fetch_and_add(&t->sent, size);
	return 0;
}

SEC("kprobe/tcp_sendmsg")
int BPF_KPROBE(tcptop_send, struct sock *sk, struct msghdr *msg, size_t size)
{
	return tcp_traffic(sk, size, false);
}

SEC("kprobe/tcp_cleanup_rbuf")
int BPF_KPROBE(tcptop_recv, struct sock *sk, int copied)
{
	if (copied <= 0)
		return 0;
	return tcp_traffic(sk, copied, true);
}

SEC("tracepoint/sock/inet_sock_set_state")
int tcpstates(struct trace_event_raw_inet_sock_set_state *ctx)
{
	struct sock *sk = (struct sock *)ctx->skaddr;
	u64 key = (u64)sk, *tsp, now = bpf_ktime_get_ns();
	struct tcp_event *e;

	if (ctx->protocol != IPPROTO_TCP)
		return 0;
	tsp = bpf_map_lookup_elem(&start_ptr, &key);
	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e)
		goto out;
	__builtin_memset(e, 0, sizeof(*e));
	e->delta_us = tsp ? (now - *tsp) / 1000 : 0;
	e->family = ctx->family;
	e->lport = ctx->sport;
	e->dport = ctx->dport;
	bpf_probe_read_kernel(&e->saddr_v4, sizeof(e->saddr_v4), ctx->saddr);
	bpf_probe_read_kernel(&e->daddr_v4, sizeof(e->daddr_v4), ctx->daddr);
	e->oldstate = ctx->oldstate;
	e->newstate = ctx->newstate;
	e->tx_b = BPF_CORE_READ((struct tcp_sock *)sk, bytes_acked);
	e->pid = bpf_get_current_pid_tgid() >> 32;
	bpf_get_current_comm(e->comm, sizeof(e->comm));
	bpf_ringbuf_submit(e, 0);
out:
	if (ctx->newstate == TCP_CLOSE)
		bpf_map_delete_elem(&start_ptr, &key);
	else
		bpf_map_update_elem(&start_ptr, &key, &now, BPF_ANY);
	return 0;
}
