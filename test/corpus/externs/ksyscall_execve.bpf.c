// SPDX-License-Identifier: GPL-2.0
/*
 * Externs: an execsnoop-style probe on execve written with BPF_KSYSCALL.
 * The macro reads the syscall arguments from the inner pt_regs when
 * LINUX_HAS_SYSCALL_WRAPPER (a .kconfig extern libbpf computes at load) is
 * set, through bpf_probe_read_kernel; the file name is then copied with
 * bpf_probe_read_user_str into a ring buffer record.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

struct exec_event {
	__u32 pid;
	__u32 uid;
	char comm[16];
	char filename[128];
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 256 * 1024);
} events SEC(".maps");

SEC("ksyscall/execve")
int BPF_KSYSCALL(trace_execve, const char *filename, const char *const *argv)
{
	struct exec_event *e;

	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e)
		return 0;
	e->pid = bpf_get_current_pid_tgid() >> 32;
	e->uid = (__u32)bpf_get_current_uid_gid();
	bpf_get_current_comm(e->comm, sizeof(e->comm));
	bpf_probe_read_user_str(e->filename, sizeof(e->filename), filename);
	bpf_ringbuf_submit(e, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
