// SPDX-License-Identifier: GPL-2.0
/*
 * Kprobe family: the SSL_write uprobe of uprobe_read_user_len_unbounded.bpf.c
 * with the length clamped to the buffer before bpf_probe_read_user.
 */
// EXPECT: accept
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
	__u32 len = num;

	if (num <= 0)
		return 0;
	if (len > MAX_BUF)
		len = MAX_BUF;
	bpf_probe_read_user(data, len, buf);
	bpf_ringbuf_output(&chunks, data, sizeof(data), 0);
	return 0;
}

char LICENSE[] SEC("license") = "GPL";
