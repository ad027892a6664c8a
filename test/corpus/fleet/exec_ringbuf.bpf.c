// SPDX-License-Identifier: GPL-2.0
/*
 * Fleet: an exec monitor shipped as one object. On every execve() it sends
 * pid, tgid, the TAI timestamp (bpf_ktime_get_tai_ns, a helper since 6.1),
 * comm and the file name to user space through a ring buffer.
 * Built once against the newest kernel's vmlinux.h, loaded on every kernel.
 * ORACLE-VMLINUX: 6.18
 * EXPECT: accept on 6.1, 6.12 and 6.18
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct exec_event {
	__u32 pid;
	__u32 tgid;
	__u64 tai_ns;
	char comm[16];
	char filename[128];
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 256 * 1024);
} events SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_execve")
int exec_ringbuf(struct trace_event_raw_sys_enter *ctx)
{
	__u64 id = bpf_get_current_pid_tgid();
	struct exec_event *e;

	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e)
		return 0;
	e->pid = (__u32)id;
	e->tgid = id >> 32;
	e->tai_ns = bpf_ktime_get_tai_ns();
	bpf_get_current_comm(e->comm, sizeof(e->comm));
	if (bpf_probe_read_user_str(e->filename, sizeof(e->filename),
				    (const char *)ctx->args[0]) < 0) {
		bpf_ringbuf_discard(e, 0);
		return 0;
	}
	bpf_ringbuf_submit(e, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
