// SPDX-License-Identifier: GPL-2.0
/*
 * cgroup/connect4: record which process, as seen from its own PID
 * namespace, connects where (a container-aware connection logger).
 * bpf_get_ns_current_pid_tgid reaches cgroup hooks through the base
 * helpers of 6.12 and later, not on 6.1.
 */
// EXPECT: reject on 6.1; accept on 6.12 and 6.18
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct conn {
	__u32 pid;
	__u32 daddr;
	__u32 dport;
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} conns SEC(".maps");

const volatile __u64 pidns_dev = 0;
const volatile __u64 pidns_ino = 0;

SEC("cgroup/connect4")
int log_connect(struct bpf_sock_addr *ctx)
{
	struct bpf_pidns_info ns = {};
	struct conn *c;

	if (bpf_get_ns_current_pid_tgid(pidns_dev, pidns_ino, &ns, sizeof(ns)))
		return 1;
	c = bpf_ringbuf_reserve(&conns, sizeof(*c), 0);
	if (!c)
		return 1;
	c->pid = ns.tgid;
	c->daddr = ctx->user_ip4;
	c->dport = ctx->user_port;
	bpf_ringbuf_submit(c, 0);
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
