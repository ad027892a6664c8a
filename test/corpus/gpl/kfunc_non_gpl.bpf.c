// SPDX-License-Identifier: MIT
/*
 * Tests: a kfunc (bpf_task_from_pid, guarded by an existence test so the
 * object also loads where it is missing) called from an MIT-licensed
 * program.  Calling kernel functions requires a GPL-compatible license.
 * Finding: 6.1, where the kfunc does not exist and the guarded call is
 * dead code left as `call #0`, refuses it as well: the license is checked
 * for every kfunc call instruction before the walk.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

extern struct task_struct *bpf_task_from_pid(s32 pid) __weak __ksym;
extern void bpf_task_release(struct task_struct *p) __weak __ksym;

__u32 init_tgid;

SEC("tp_btf/sched_process_fork")
int on_fork(u64 *ctx)
{
	struct task_struct *t;

	if (!&bpf_task_from_pid)
		return 0;
	t = bpf_task_from_pid(1);
	if (t) {
		init_tgid = t->tgid;
		bpf_task_release(t);
	}
	return 0;
}

char LICENSE[] SEC("license") = "MIT";
