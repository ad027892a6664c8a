// A compilation that already has errors is not verified: only clang's own
// error appears, no bpfverify diagnostic and no internal error.
// RUN: not %clang_bpf -fplugin=%plugin -fno-color-diagnostics -c %s -o %t.o 2>&1 | FileCheck %s
// RUN: %clang_bpf -fplugin=%plugin -fsyntax-only -Xclang -verify %s
// CHECK: error: use of undeclared identifier 'undeclared_thing'
// CHECK-NOT: bpfverify
// CHECK: 1 error generated.
#define BPF_NO_PRESERVE_ACCESS_INDEX
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("socket")
int broken(struct __sk_buff *skb)
{
	return undeclared_thing; // expected-error {{use of undeclared identifier 'undeclared_thing'}}
}

char LICENSE[] SEC("license") = "GPL";
