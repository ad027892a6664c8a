// SPDX-License-Identifier: GPL-2.0
/*
 * Fleet: kill_send_signal_task with a weak kfunc called only when the kernel
 * has it, else bpf_send_signal. EXPECT: accept on 6.1 and 6.12 (the call is
 * dead there); reject on 6.18, which has the kfunc but not for kprobes.
 * ORACLE-VMLINUX: 6.18
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

extern int bpf_send_signal_task(struct task_struct *task, int sig,
				enum pid_type type, u64 value) __ksym __weak;

const volatile int watched_fd = 3;

SEC("kprobe/ksys_write")
int BPF_KPROBE(kill_send_signal_weak, unsigned int fd)
{
	if (fd != watched_fd)
		return 0;
	if (bpf_send_signal_task)
		bpf_send_signal_task(bpf_get_current_task_btf(), 9, PIDTYPE_TGID, 0);
	else
		bpf_send_signal(9);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
