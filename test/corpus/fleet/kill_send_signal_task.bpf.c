// SPDX-License-Identifier: GPL-2.0
/*
 * Fleet: an enforcement probe that signals the thread group leader of a
 * task writing to a watched file descriptor, with the bpf_send_signal_task
 * kfunc (new in 6.13), declared as a plain (strong) kernel symbol.
 * ORACLE-VMLINUX: 6.18
 * EXPECT: load_error on 6.1, 6.12 (no such kfunc); reject on 6.18 (kprobe)
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

extern int bpf_send_signal_task(struct task_struct *task, int sig,
				enum pid_type type, u64 value) __ksym;

const volatile int watched_fd = 3;

SEC("kprobe/ksys_write")
int BPF_KPROBE(kill_send_signal_task, unsigned int fd)
{
	struct task_struct *task = bpf_get_current_task_btf();

	if (fd != watched_fd)
		return 0;
	bpf_send_signal_task(task, 9 /* SIGKILL */, PIDTYPE_TGID, 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
