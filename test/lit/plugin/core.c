// CO-RE: the plugin resolves the relocations against the target kernel's
// BTF as libbpf would before loading. Reads through vmlinux.h types and a
// ___flavor are accepted; a field no kernel has is poisoned by libbpf and
// rejected where it is reachable, with a note naming the relocation; the
// same read guarded by bpf_core_field_exists() is dead code and accepted.
// The rejection reads as libbpf reports it at load ("failed to resolve
// CO-RE relocation …"); the kernel's own message is a note.
// REQUIRES: host-btf
// RUN: %clang_bpf -fplugin=%plugin -fplugin-arg-bpfverify-kernel=6.18 -fsyntax-only \
// RUN:   -Xclang -verify -Xclang -verify-ignore-unexpected=note %s
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

struct task_struct___v2 {
	int pid;
	int no_such_field;
} __attribute__((preserve_access_index));

SEC("kprobe/do_unlinkat")
int BPF_KPROBE(good, int dfd, struct filename *name)
{
	struct task_struct *t = (void *)bpf_get_current_task();
	struct task_struct___v2 *t2 = (void *)t;

	bpf_printk("%d %d %d", BPF_CORE_READ(t, real_parent, tgid), BPF_CORE_READ(t2, pid), dfd);
	return 0;
}

SEC("kprobe/do_unlinkat")
int guarded(struct pt_regs *ctx)
{
	struct task_struct___v2 *t = (void *)bpf_get_current_task();

	if (bpf_core_field_exists(t->no_such_field))
		return BPF_CORE_READ(t, no_such_field);
	return 0;
}

SEC("kprobe/do_unlinkat")
int unguarded(struct pt_regs *ctx)
{
	struct task_struct___v2 *t = (void *)bpf_get_current_task();

	// The poisoned instruction is the field offset, which clang loads right
	// after the call: line info gives it the declaration's line.
	return BPF_CORE_READ(t, no_such_field);
	// expected-error-re@-5 {{failed to resolve CO-RE relocation <byte_off> [{{[0-9]+}}] struct task_struct___v2.no_such_field (0:1 @ offset 4) [bpfverify: unguarded, kernel 6.18]}}
	// expected-note@-6 {{CO-RE relocation #6: struct task_struct___v2.no_such_field is not found in the kernel's BTF; libbpf replaced the instruction with a call to invalid helper 195896080 (0xbad2310)}}
}

char LICENSE[] SEC("license") = "GPL";
