// A program type the target kernel does not have (BPF_PROG_TYPE_NETFILTER
// came after 6.1, read from each profile's enum bpf_prog_type) fails the
// load before the verifier runs: an error for 6.1 alone, in libbpf's words,
// at the program, with a note saying why; 6.18 verifies and accepts it.
// RUN: %clang_bpf -fplugin=%plugin -fplugin-arg-bpfverify-kernel=6.1,6.18 -fsyntax-only \
// RUN:   -Xclang -verify %s
// Under warn: a warning, and the compilation succeeds.
// RUN: %clang_bpf -fplugin=%plugin -fplugin-arg-bpfverify-kernel=6.1 -fplugin-arg-bpfverify-warn \
// RUN:   -fno-color-diagnostics -fsyntax-only %s 2>&1 | FileCheck %s
// CHECK: load-error.c:[[@LINE+8]]:5: warning: load fails before verification: libbpf: prog 'nf_accept': BPF program load failed: Invalid argument [bpfverify: nf_accept, kernel 6.1]
// CHECK: note: section 'netfilter' makes it a netfilter program, a type this kernel does not have: its enum bpf_prog_type has no BPF_PROG_TYPE_NETFILTER (32; the last is BPF_PROG_TYPE_SYSCALL (31)), so bpf(BPF_PROG_LOAD) fails with EINVAL before the verifier runs
// CHECK-NOT: error:
#define BPF_NO_PRESERVE_ACCESS_INDEX
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("netfilter")
int nf_accept(struct bpf_nf_ctx *ctx)
// expected-error@-1 {{load fails before verification: libbpf: prog 'nf_accept': BPF program load failed: Invalid argument [bpfverify: nf_accept, kernel 6.1]}}
// expected-note@-2 {{its enum bpf_prog_type has no BPF_PROG_TYPE_NETFILTER}}
// expected-remark@-3 {{kernels disagree on 'nf_accept': accepted by 6.18; load fails on 6.1: libbpf: prog 'nf_accept': BPF program load failed: Invalid argument}}
{
	return 1; /* NF_ACCEPT */
}

char LICENSE[] SEC("license") = "GPL";
