// SPDX-License-Identifier: GPL-2.0
/*
 * cgroup/connect6: redirect connections to a service address to ::1 by
 * rewriting the four words of user_ip6 and the port; reads the socket
 * cookie for a log through a ring buffer.
 */
// EXPECT: accept
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_endian.h>

struct event {
	__u64 cookie;
	__u32 port;
};

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 4096);
} events SEC(".maps");

SEC("cgroup/connect6")
int redirect6(struct bpf_sock_addr *ctx)
{
	struct event *e;

	if (ctx->user_port != bpf_htons(8080))
		return 1;
	ctx->user_ip6[0] = 0;
	ctx->user_ip6[1] = 0;
	ctx->user_ip6[2] = 0;
	ctx->user_ip6[3] = bpf_htonl(1);
	ctx->user_port = bpf_htons(18080);
	e = bpf_ringbuf_reserve(&events, sizeof(*e), 0);
	if (!e)
		return 1;
	e->cookie = bpf_get_socket_cookie(ctx);
	e->port = 8080;
	bpf_ringbuf_submit(e, 0);
	return 1;
}

char LICENSE[] SEC("license") = "GPL";
