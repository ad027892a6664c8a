// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a kfunc newer than the oldest supported kernel, declared __weak
 * and guarded by a run-time existence test (the bpf_ksym_exists() idiom,
 * written out here because the distribution's libbpf headers predate it).
 * bpf_task_from_pid() appeared in 6.2: on 6.1 libbpf resolves the weak
 * symbol to 0, the guarded branch is dead and the verifier removes it, so
 * the same object loads on both kernels.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

extern struct task_struct *bpf_task_from_pid(s32 pid) __weak __ksym;
extern void bpf_task_release(struct task_struct *p) __weak __ksym;

#define have_kfunc(f) (!!(&(f)))

__u32 parent_tgid;

SEC("tp_btf/sched_process_fork")
int on_fork(u64 *ctx)
{
	struct task_struct *t;

	if (!have_kfunc(bpf_task_from_pid))
		return 0;
	t = bpf_task_from_pid(1);
	if (t) {
		parent_tgid = t->tgid;
		bpf_task_release(t);
	}
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
