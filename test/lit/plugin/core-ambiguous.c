// A CO-RE relocation libbpf refuses outright — here two candidate types
// place the field at different offsets — fails the load before the
// verifier runs: a load error at the relocated access, in libbpf's words,
// with what bpfverify found as a note.
// RUN: rm -rf %t && mkdir -p %t
// RUN: %clang --target=bpf -g -c %inputs/core_ambiguous_target.c -o %t/target.o
// RUN: llvm-objcopy --dump-section .BTF=%t/target.btf %t/target.o
// RUN: %clang_bpf -fplugin=%plugin -fplugin-arg-bpfverify-kernel=%t/target.btf -fsyntax-only \
// RUN:   -Xclang -verify %s
// Under warn it is a warning and the compilation succeeds.
// RUN: %clang_bpf -fplugin=%plugin -fplugin-arg-bpfverify-kernel=%t/target.btf \
// RUN:   -fplugin-arg-bpfverify-warn -fno-color-diagnostics -fsyntax-only %s 2>&1 | FileCheck %s
// CHECK: warning: load fails before verification: libbpf: prog 'amb': relo #0: field offset ambiguity: 0 != 32 [bpfverify: amb, kernel target.btf]
#define BPF_NO_PRESERVE_ACCESS_INDEX
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_core_read.h>

struct pair___local {
	int x;
} __attribute__((preserve_access_index));

SEC("kprobe/do_nanosleep")
int amb(void *ctx)
{
	struct pair___local *p = (void *)bpf_get_current_task();

	// The relocated instruction (the field offset) follows the call: line
	// info gives it the declaration's line.
	return BPF_CORE_READ(p, x);
	// expected-error@-5 {{load fails before verification: libbpf: prog 'amb': relo #0: field offset ambiguity: 0 != 32 [bpfverify: amb, kernel target.btf]}}
	// expected-note@-6 {{relo #0 (section 'kprobe/do_nanosleep', insn 1, byte_off): field offset ambiguity: candidates [1] and [4] place it at bit 32 and 0}}
}

char LICENSE[] SEC("license") = "GPL";
