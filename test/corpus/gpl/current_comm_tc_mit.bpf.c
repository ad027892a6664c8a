// SPDX-License-Identifier: MIT
/*
 * Tests: an MIT-licensed tc classifier that names the sending process with
 * bpf_get_current_comm().  The helper is not GPL-only, so the license is
 * no obstacle; whether tc may call it at all is what differs between
 * kernels (see helper_availability/get_current_comm_in_tc).
 */
// EXPECT: 6.1 reject, 6.18 accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("tc")
int prio_by_comm(struct __sk_buff *skb)
{
	char comm[16];

	bpf_get_current_comm(comm, sizeof(comm));
	if (comm[0] == 's' && comm[1] == 's' && comm[2] == 'h')
		skb->priority = 6;
	return 0;
}

char LICENSE[] SEC("license") = "MIT";
