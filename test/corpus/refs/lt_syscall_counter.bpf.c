// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a syscall accounting tool on ksyscall probes (BPF_KSYSCALL): openat,
 * read and write each call one global (non-static __noinline) function that
 * updates the per-(pid, syscall) counters in a hash map and, every
 * report_every calls, emits a ring buffer record with the totals. The
 * global function is verified on its own, with its scalar arguments unknown,
 * and ends the reservation on every path; the probes pass their own
 * arguments through bpf_tracing.h's syscall-wrapper aware accessors.
 * EXPECT: accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

#define TASK_COMM_LEN 16

enum { SC_OPENAT = 0, SC_READ = 1, SC_WRITE = 2, SC_MAX = 3 };

struct sc_key {
	__u32 pid;
	__u32 nr;
};

struct sc_val {
	__u64 calls;
	__u64 bytes;
	__u64 first_ns;
	__u64 last_ns;
};

struct sc_report {
	__u32 pid;
	__u32 nr;
	__u64 calls;
	__u64 bytes;
	__u64 span_ns;
	char comm[TASK_COMM_LEN];
};

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 16384);
	__type(key, struct sc_key);
	__type(value, struct sc_val);
} counts SEC(".maps");

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 64 * 1024);
} reports SEC(".maps");

const volatile __u64 report_every = 1024;
const volatile __u32 target_pid = 0;

__noinline int account_syscall(__u32 nr, __u64 bytes)
{
	__u32 pid = bpf_get_current_pid_tgid() >> 32;
	struct sc_key key = { .pid = pid, .nr = nr };
	struct sc_val init = {}, *v;
	struct sc_report *r;
	__u64 now;

	if (nr >= SC_MAX)
		return -1;
	if (target_pid && pid != target_pid)
		return 0;
	now = bpf_ktime_get_ns();
	v = bpf_map_lookup_elem(&counts, &key);
	if (!v) {
		init.first_ns = now;
		bpf_map_update_elem(&counts, &key, &init, BPF_NOEXIST);
		v = bpf_map_lookup_elem(&counts, &key);
		if (!v)
			return 0;
	}
	__sync_fetch_and_add(&v->calls, 1);
	__sync_fetch_and_add(&v->bytes, bytes);
	v->last_ns = now;
	if (!report_every || v->calls % report_every)
		return 0;

	r = bpf_ringbuf_reserve(&reports, sizeof(*r), 0);
	if (!r)
		return 0;
	r->pid = pid;
	r->nr = nr;
	r->calls = v->calls;
	r->bytes = v->bytes;
	r->span_ns = now - v->first_ns;
	if (bpf_get_current_comm(r->comm, sizeof(r->comm))) {
		bpf_ringbuf_discard(r, 0);
		return 0;
	}
	bpf_ringbuf_submit(r, 0);
	return 1;
}

SEC("ksyscall/openat")
int BPF_KSYSCALL(sc_openat, int dfd, const char *pathname, int flags)
{
	account_syscall(SC_OPENAT, 0);
	return 0;
}

SEC("ksyscall/read")
int BPF_KSYSCALL(sc_read, unsigned int fd, char *buf, size_t count)
{
	account_syscall(SC_READ, count);
	return 0;
}

SEC("ksyscall/write")
int BPF_KSYSCALL(sc_write, unsigned int fd, const char *buf, size_t count)
{
	account_syscall(SC_WRITE, count);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
