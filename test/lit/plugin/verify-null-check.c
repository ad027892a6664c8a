// clang -verify: the line that dereferences a possibly-NULL map value carries
// the kernel's error (test/mistakes/null_check.bad.bpf.c, Linux 6.18).
// RUN: %clang_bpf -fplugin=%plugin -fplugin-arg-bpfverify-kernel=6.18 -fsyntax-only \
// RUN:   -Xclang -verify -Xclang -verify-ignore-unexpected=note %s
#define BPF_NO_PRESERVE_ACCESS_INDEX
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 10240);
	__type(key, __u32);
	__type(value, __u64);
} openat_count SEC(".maps");

SEC("tracepoint/syscalls/sys_enter_openat")
int count_openat(struct trace_event_raw_sys_enter *ctx)
{
	__u32 tgid = bpf_get_current_pid_tgid() >> 32;
	__u64 *cnt;

	cnt = bpf_map_lookup_elem(&openat_count, &tgid);
	__sync_fetch_and_add(cnt, 1); // expected-error {{R0 invalid mem access 'map_value_or_null' [bpfverify: count_openat, kernel 6.18]}}
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
