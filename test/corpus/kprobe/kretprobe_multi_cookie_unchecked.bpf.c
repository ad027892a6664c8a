// SPDX-License-Identifier: GPL-2.0
/*
 * Kprobe family: a kretprobe.multi program keyed by its attach cookie
 * (bpf_get_attach_cookie) whose per-cookie counter lookup is used without
 * a NULL check: refused.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 64);
	__type(key, __u64);
	__type(value, __u64);
} errors SEC(".maps");

SEC("kretprobe.multi/tcp_v4_connect")
int connect_ret(struct pt_regs *ctx)
{
	__u64 cookie = bpf_get_attach_cookie(ctx);
	long ret = PT_REGS_RC(ctx);
	__u64 *v;

	if (ret >= 0)
		return 0;
	v = bpf_map_lookup_elem(&errors, &cookie);
	*v += 1;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
