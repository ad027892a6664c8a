// SPDX-License-Identifier: GPL-2.0
/*
 * Kprobe family: a uprobe.multi probe on libc's string functions copies
 * the caller's argument string into a 32-byte stack buffer but passes a
 * size of 64 to bpf_probe_read_user_str(): the helper could write past
 * the buffer, and the verifier refuses it (6.1 loads it as a plain
 * kprobe and refuses it the same way).
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct {
	__uint(type, BPF_MAP_TYPE_PERF_EVENT_ARRAY);
	__uint(key_size, sizeof(__u32));
	__uint(value_size, sizeof(__u32));
} events SEC(".maps");

SEC("uprobe.multi/libc.so.6:str*cmp")
int BPF_KPROBE(strcmp_arg, const char *s)
{
	char buf[32];

	bpf_probe_read_user_str(buf, 64, s);
	bpf_perf_event_output(ctx, &events, BPF_F_CURRENT_CPU, buf, sizeof(buf));
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
