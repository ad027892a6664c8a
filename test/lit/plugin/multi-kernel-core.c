// Several kernels, CO-RE as each kernel's libbpf load would see it:
// task_struct.mm_cid exists in 6.18 but not in 6.1, so the unguarded read
// is rejected for 6.1 alone — at its own line, in libbpf's words (what the
// 6.1 kernel oracle records for test/corpus/core/core_mm_cid_unguarded),
// with the kernel's own message as a note — and a remark at the program
// says where the kernels disagree. The guarded read is dead code on 6.1:
// accepted by both. A field no kernel has is rejected once for both.
// RUN: %clang_bpf -fplugin=%plugin -fplugin-arg-bpfverify-kernel=6.1,6.18 -fsyntax-only \
// RUN:   -Xclang -verify %s
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_core_read.h>

struct task_struct___new {
	int mm_cid;
	int no_such_field;
} __attribute__((preserve_access_index));

SEC("kprobe/do_nanosleep")
int unguarded(struct pt_regs *ctx) // expected-remark {{kernels disagree on 'unguarded': accepted by 6.18; rejected by 6.1: failed to resolve CO-RE relocation <byte_off> [}}
{
	struct task_struct___new *t = (void *)bpf_get_current_task();

	return BPF_CORE_READ(t, mm_cid);
	// expected-error-re@-3 {{failed to resolve CO-RE relocation <byte_off> [{{[0-9]+}}] struct task_struct___new.mm_cid (0:0 @ offset 0) [bpfverify: unguarded, kernel 6.1]}}
	// expected-note@-4 {{CO-RE relocation #0: struct task_struct___new.mm_cid is not found in the kernel's BTF; libbpf replaced the instruction with a call to invalid helper 195896080 (0xbad2310)}}
	// expected-note@-5 {{the kernel rejects that call: invalid func unknown#195896080}}
	// expected-note@-6 {{CO-RE relocation the kernel cannot satisfy [core-relocation]}}
	// expected-note@-7 {{suggestion: guard the field with bpf_core_field_exists()}}
}

SEC("kprobe/do_nanosleep")
int guarded(struct pt_regs *ctx)
{
	struct task_struct___new *t = (void *)bpf_get_current_task();

	if (bpf_core_field_exists(t->mm_cid))
		return BPF_CORE_READ(t, mm_cid);
	return 0;
}

SEC("kprobe/do_nanosleep")
int nowhere(struct pt_regs *ctx)
{
	struct task_struct___new *t = (void *)bpf_get_current_task();

	return BPF_CORE_READ(t, no_such_field);
	// expected-error@-3 {{struct task_struct___new.no_such_field (0:1 @ offset 4) [bpfverify: nowhere, kernels 6.1, 6.18]}}
	// expected-note@-4 {{struct task_struct___new.no_such_field is not found in the kernel's BTF}}
	// expected-note@-5 {{invalid func unknown#195896080}}
	// expected-note@-6 {{CO-RE relocation the kernel cannot satisfy [core-relocation]}}
	// expected-note@-7 {{suggestion: guard the field with bpf_core_field_exists()}}
}

char LICENSE[] SEC("license") = "GPL";
