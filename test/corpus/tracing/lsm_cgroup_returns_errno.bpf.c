// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: an lsm_cgroup program written like a plain lsm one, returning
 * -EPERM: per-cgroup LSM programs must return 0 or 1.
 */
// EXPECT: reject (6.18: load_error)
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

SEC("lsm_cgroup/socket_create")
int BPF_PROG(no_raw_sockets, int family, int type, int protocol, int kern)
{
	if (type == 3 /* SOCK_RAW */)
		return -1;
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
