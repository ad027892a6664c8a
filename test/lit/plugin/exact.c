// exact=6.1: the plugin asks the pinned Debian 6.1 kernel (QEMU) instead of
// the embedded verifier, and reports its verdict at the source line.
// REQUIRES: qemu
// RUN: %clang_bpf -fplugin=%plugin -fplugin-arg-bpfverify-exact=6.1 -Xclang -verify -fsyntax-only %s
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 16);
	__type(key, u32);
	__type(value, u64);
} counts SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_openat")
int count(void *ctx)
{
	u32 key = bpf_get_current_pid_tgid() >> 32;
	u64 *v = bpf_map_lookup_elem(&counts, &key);

	*v += 1; // expected-error {{R0 invalid mem access 'map_value_or_null' [bpfverify: count, kernel 6.1]}}
	// expected-note@-1 {{Possibly NULL pointer used without a check [nullable-pointer]}}
	// expected-note@-2 {{suggestion: compare the pointer with NULL}}
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
