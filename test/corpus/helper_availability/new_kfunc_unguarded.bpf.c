// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: the same 6.2+ kfunc (bpf_task_from_pid) declared __weak but
 * called WITHOUT the existence guard.  Fine on 6.18.  On 6.1 this libbpf
 * (1.1) leaves the unresolved weak kfunc as `call #0`; the 6.1 verifier
 * skips such a call without setting R0, so the refusal is about reading
 * R0 afterwards, not about the missing function.
 */
// EXPECT: 6.1 reject, 6.18 accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

extern struct task_struct *bpf_task_from_pid(s32 pid) __weak __ksym;
extern void bpf_task_release(struct task_struct *p) __weak __ksym;

__u32 init_tgid;

SEC("tp_btf/sched_process_fork")
int on_fork(u64 *ctx)
{
	struct task_struct *t = bpf_task_from_pid(1);

	if (t) {
		init_tgid = t->tgid;
		bpf_task_release(t);
	}
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
