// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: a per-cgroup LSM policy (lsm_cgroup) on socket_bind that refuses
 * binds to privileged ports by returning 0 (deny) and allows the rest
 * with 1: lsm_cgroup programs return a verdict in [0, 1], not an errno.
 */
// EXPECT: accept (6.18: load_error)
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>
#include <bpf/bpf_endian.h>

#define AF_INET 2

SEC("lsm_cgroup/socket_bind")
int BPF_PROG(bind_policy, struct socket *sock, struct sockaddr *address, int addrlen)
{
	struct sockaddr_in sa = {};

	if (addrlen < sizeof(sa))
		return 1;
	bpf_probe_read_kernel(&sa, sizeof(sa), address);
	if (sa.sin_family == AF_INET && bpf_ntohs(sa.sin_port) < 1024)
		return 0;
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
