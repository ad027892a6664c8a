// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_ksym_exists() guards a weak kfunc the older kernel lacks:
 * where the kernel has it the address is a read-only pointer the branch
 * keeps; where it does not, libbpf loads 0 and the guarded call is dead.
 * EXPECT: 6.18 accept, 6.12 accept, 6.1 accept
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

extern struct task_struct *bpf_task_from_pid(s32 pid) __ksym __weak;
extern struct task_struct *bpf_task_acquire(struct task_struct *p) __ksym __weak;
extern void bpf_task_release(struct task_struct *p) __ksym __weak;

#ifndef bpf_ksym_exists
#define bpf_ksym_exists(sym) (!!(&(sym)))   /* libbpf's idiom */
#endif

__u64 init_seen;

SEC("tp_btf/sched_process_exit")
int BPF_PROG(on_exit, struct task_struct *p)
{
	struct task_struct *init;

	if (!bpf_ksym_exists(bpf_task_from_pid))
		return 0;
	init = bpf_task_from_pid(1);
	if (!init)
		return 0;
	if (init->tgid == 1)
		__sync_fetch_and_add(&init_seen, 1);
	bpf_task_release(init);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
