// A BPF backend error (six arguments to a BPF-to-BPF call) is reported once,
// by the compilation itself; the plugin's private code generation adds
// nothing. Under -fsyntax-only, where clang runs no backend, the plugin
// reports it as its single internal-error warning.
// RUN: not %clang_bpf -fplugin=%plugin -fno-color-diagnostics -c %s -o %t.o 2>&1 | FileCheck --check-prefix=OBJ %s
// OBJ: error: {{.*}}too many arguments
// OBJ-NOT: bpfverify
// OBJ: errors generated.
// RUN: %clang_bpf -fplugin=%plugin -fno-color-diagnostics -fsyntax-only %s 2>&1 | FileCheck --check-prefix=SYNTAX %s
// SYNTAX: warning: bpfverify: internal error: BPF code generation failed: {{.*}}too many arguments
// SYNTAX-NOT: error:
// SYNTAX: 1 warning generated.
#define BPF_NO_PRESERVE_ACCESS_INDEX
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

static __attribute__((noinline)) int six(int a, int b, int c, int d, int e, int f)
{
	return a + b + c + d + e + f;
}

SEC("socket")
int many_args(struct __sk_buff *skb)
{
	return six(skb->len, skb->mark, skb->protocol, skb->priority, skb->hash, skb->tc_index);
}

char LICENSE[] SEC("license") = "GPL";
