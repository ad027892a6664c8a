// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a container-aware exec tracer the way process-tree tools write it:
 * tp_btf/sched_process_exec walks the new task's ancestors (task->real_parent,
 * at most MAX_DEPTH levels, a loop the compiler keeps rolled) to learn whether
 * it descends from a watched tgid, and reports the exec with its depth.
 * The loop's loads are the same instructions on every turn: on the first turn
 * they read through the tracepoint's trusted task pointer, on later turns
 * through the RCU pointer real_parent gave. 6.12 and 6.18 accept that mix of
 * trust (the load is rewritten as an untrusted one); 6.1 knows no trust.
 * The twin drops the record on the way out when the ancestor is too deep:
 * BUG: the reservation is neither submitted nor discarded there, a leak the
 * kernels report after walking the loop.
 * EXPECT: reject
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#define MAX_DEPTH 32

struct exec_event {
	__u32 pid;
	__u32 ancestor_tgid;
	__u32 depth;
	char comm[16];
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 256 * 1024);
} events SEC(".maps");

const volatile __u32 watched_tgid = 1;

SEC("tp_btf/sched_process_exec")
int BPF_PROG(handle_exec, struct task_struct *p, pid_t old_pid, struct linux_binprm *bprm)
{
	struct task_struct *t = p;
	struct exec_event *e;
	__u32 depth, found = 0;

#pragma clang loop unroll(disable)
	for (depth = 0; depth < MAX_DEPTH; depth++) {
		if (t->tgid == watched_tgid) {
			found = 1;
			break;
		}
		if (t->pid == 0)	/* reached the idle task */
			break;
		t = t->real_parent;
		if (!t)
			break;
	}
	if (!found)
		return 0;

	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e)
		return 0;
	e->pid = p->pid;
	e->ancestor_tgid = watched_tgid;
	e->depth = depth;
	if (depth > MAX_DEPTH / 2)
		return 0;	/* BUG: e is never submitted or discarded */
	bpf_get_current_comm(e->comm, sizeof(e->comm));
	bpf_ringbuf_submit(e, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
