// SPDX-License-Identifier: GPL-2.0
/*
 * Kprobe family: a uprobe on SSL_write copying the user buffer with
 * bpf_probe_read_user, sized by the traced call's length argument with no
 * bound: the size may exceed the stack buffer (and be negative), which
 * the verifier refuses. Twin: uprobe_read_user_len_clamped.bpf.c.
 */
// EXPECT: reject
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>
#include <bpf/bpf_tracing.h>

#define MAX_BUF 64

struct {
	__uint(type, BPF_MAP_TYPE_RINGBUF);
	__uint(max_entries, 1 << 20);
} chunks SEC(".maps");

SEC("uprobe/libssl.so.3:SSL_write")
int BPF_KPROBE(ssl_write, void *ssl, const void *buf, int num)
{
	char data[MAX_BUF];

	bpf_probe_read_user(data, num, buf);
	bpf_ringbuf_output(&chunks, data, sizeof(data), 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
