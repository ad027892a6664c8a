// Tracing programs with BTF-typed contexts: arguments are typed from the
// attach target's prototype in the target kernel's BTF. A maybe-NULL
// tracepoint argument dereferenced unchecked, a write into a kernel
// object and a read past the prototype's arguments are rejected on the
// offending line; walking task->real_parent and a NULL-checked argument
// are accepted.
// REQUIRES: host-btf
// RUN: %clang_bpf -fplugin=%plugin -fplugin-arg-bpfverify-kernel=6.18 -fsyntax-only \
// RUN:   -Xclang -verify -Xclang -verify-ignore-unexpected=note %s
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("tp_btf/sched_pi_setprio")
int BPF_PROG(pi_unchecked, struct task_struct *tsk, struct task_struct *pi_task) // expected-error {{R1 invalid mem access 'trusted_ptr_or_null_'}}
{
	return pi_task->pid; // (the load is folded into the argument read)
}

SEC("tp_btf/sched_pi_setprio")
int BPF_PROG(pi_checked, struct task_struct *tsk, struct task_struct *pi_task)
{
	if (!pi_task)
		return 0;
	return pi_task->pid + tsk->real_parent->tgid;
}

SEC("tp_btf/sched_wakeup")
int BPF_PROG(renice, struct task_struct *p)
{
	p->prio = 120; // expected-error {{only read is supported}}
	return 0;
}

SEC("tp_btf/sched_wakeup")
int BPF_PROG(two_args, struct task_struct *p, struct task_struct *q) // expected-error {{func 'sched_wakeup' doesn't have 2-th argument}}
{
	return q->pid;
}

char LICENSE[] SEC("license") = "GPL";
