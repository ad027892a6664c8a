// SPDX-License-Identifier: GPL-2.0
/*
 * Stack: an exec event built on the stack and sent with
 * bpf_ringbuf_output().  struct event has 4 bytes of padding after pid that
 * nobody writes, so the helper copies uninitialised stack bytes to user
 * space (a classic info leak).  Whether the verifier notices depends on the
 * kernel and on the loader's privileges.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct event {
	__u32 pid;
	/* 4 bytes of padding */
	__u64 ts;
	char comm[16];
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 256 * 1024);
} events SEC(".maps");

SEC("tracepoint/sched/sched_process_exec")
int on_exec(void *ctx)
{
	struct event e;

	e.pid = bpf_get_current_pid_tgid() >> 32;
	e.ts = bpf_ktime_get_ns();
	bpf_get_current_comm(e.comm, sizeof(e.comm));
	bpf_ringbuf_output(&events, &e, sizeof(e), 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
