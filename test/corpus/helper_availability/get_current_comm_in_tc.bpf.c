// SPDX-License-Identifier: GPL-2.0
/*
 * Tests: bpf_get_current_comm() in a tc classifier, to classify egress
 * traffic by process name.  A tracing helper: 6.1 does not offer it to
 * networking programs; 6.18 does (observed: its base set for privileged
 * loaders grew), so the program loads there.
 */
// EXPECT: 6.1 reject, 6.18 accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

SEC("tc")
int classify_by_comm(struct __sk_buff *skb)
{
	char comm[16];

	bpf_get_current_comm(comm, sizeof(comm));
	if (comm[0] == 'c' && comm[1] == 'u' && comm[2] == 'r' && comm[3] == 'l')
		skb->priority = 6;
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
