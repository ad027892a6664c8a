// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: kfuncs of the generic set are open to tc programs too: a
 * classifier that checks init is alive with bpf_task_from_pid() and
 * releases it before deciding.
 * EXPECT: 6.18 accept, 6.12 accept, 6.1 reject (kfunc missing)
 */
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

extern struct task_struct *bpf_task_from_pid(s32 pid) __ksym __weak;
extern struct task_struct *bpf_task_acquire(struct task_struct *p) __ksym __weak;
extern void bpf_task_release(struct task_struct *p) __ksym __weak;

#define TC_ACT_OK 0
#define TC_ACT_SHOT 2

SEC("tc")
int tc_init_alive(struct __sk_buff *skb)
{
	struct task_struct *init = bpf_task_from_pid(1);
	int verdict = TC_ACT_SHOT;

	if (!init)
		return verdict;
	if (!(init->flags & 0x4 /* PF_EXITING */))
		verdict = TC_ACT_OK;
	bpf_task_release(init);
	return verdict;
}

char LICENSE[] SEC("license") = "GPL";
