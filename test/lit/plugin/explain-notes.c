// Notes that explain (issue 10, item 5): every note at a source line, none
// repeated, the class first, the causal path (the call that invalidated a
// packet pointer, the read-only context field by name, the register that
// holds no value) and a suggestion. -verify fails on any note not expected
// here, so a repeated or extra note fails the test too.
// RUN: %clang_bpf -fplugin=%plugin -fplugin-arg-bpfverify-kernel=6.18 -fsyntax-only \
// RUN:   -Xclang -verify %s
// Every note has a file and a line (none is placed at no location):
// RUN: not %clang_bpf -fplugin=%plugin -fplugin-arg-bpfverify-kernel=6.18 -fsyntax-only \
// RUN:   -fno-color-diagnostics %s 2>&1 | FileCheck %s --check-prefix=LOC
// LOC-NOT: {{^}}note:
// LOC: explain-notes.c:{{[0-9]+}}:{{[0-9]+}}: note: suggestion:
// LOC-NOT: {{^}}note:
#define BPF_NO_PRESERVE_ACCESS_INDEX
#include "vmlinux.h"
#include <bpf/bpf_helpers.h>

struct {
	__uint(type, BPF_MAP_TYPE_HASH);
	__uint(max_entries, 16);
	__type(key, __u32);
	__type(value, __u64);
} vals SEC(".maps");

// A loop passes the same bounds check four times: the branch is noted once.
SEC("xdp")
int sum_bytes(struct xdp_md *ctx)
{
	unsigned char *data = (void *)(long)ctx->data;
	unsigned char *data_end = (void *)(long)ctx->data_end;
	__u32 k = 0;
	__u64 *v;

#pragma clang loop unroll(disable)
	for (int i = 0; i < 4; i++) {
		if (data + i + 1 > data_end) // expected-note {{on this path the branch at insn 9 was not taken}}
			return XDP_PASS;
		k += data[i];
	}
	v = bpf_map_lookup_elem(&vals, &k); // expected-note {{R0 may be NULL: it holds the result of bpf_map_lookup_elem (insn 19), not checked against NULL on this path}}
	return *v; // expected-error {{R0 invalid mem access 'map_value_or_null' [bpfverify: sum_bytes, kernel 6.18]}} \
	           // expected-note {{Possibly NULL pointer used without a check [nullable-pointer]}} \
	           // expected-note {{suggestion: compare the pointer with NULL right after the call}}
}

// The packet pointer is stale after bpf_xdp_adjust_head: the note names the
// call, not the load that first produced the pointer.
SEC("xdp")
int pop_header(struct xdp_md *ctx)
{
	void *data = (void *)(long)ctx->data;
	void *data_end = (void *)(long)ctx->data_end;
	struct ethhdr *eth = data;

	if ((void *)(eth + 1) > data_end) // expected-note {{on this path the branch at insn 5 was not taken}}
		return XDP_PASS;
	if (bpf_xdp_adjust_head(ctx, 4)) // expected-note {{R6 pointed into the packet, but bpf_xdp_adjust_head (insn 7) may move or resize the packet data}} \
	                                 // expected-note {{on this path the branch at insn 10 was not taken}}
		return XDP_DROP;
	return eth->h_proto == 8 ? XDP_PASS : XDP_DROP; // expected-error {{R6 invalid mem access 'scalar' [bpfverify: pop_header, kernel 6.18]}} \
	     // expected-note {{Dereference of a value that is not a valid pointer [invalid-dereference]}} \
	     // expected-note {{suggestion: dereference only pointers the verifier knows}}
}

// skb->mark is read-only in a socket filter: the note names the field.
SEC("socket")
int tag_small(struct __sk_buff *skb)
{
	__u32 len = skb->len;

	if (len < 128) // expected-note {{on this path the branch at insn 1 was not taken}}
		skb->mark = len; // expected-error {{invalid bpf_context access off=8 size=4 [bpfverify: tag_small, kernel 6.18]}} \
		     // expected-note {{Invalid access to the program's context [context-access]}} \
		     // expected-note {{skb->mark (struct __sk_buff, offset 8) is read-only in socket filter programs: they may read it but not write it}} \
		     // expected-note {{suggestion: access the context only through its fields}}
	return len;
}

// R3 !read_ok: the note about the register has the error's own line.
SEC("socket")
int asm_copy(struct __sk_buff *skb)
{
	__u64 out;

	asm volatile("%[out] = r3" : [out] "=r"(out)); // expected-error {{R3 !read_ok [bpfverify: asm_copy, kernel 6.18]}} \
	     // expected-note {{Read of a register that was never written [uninitialized-register]}} \
	     // expected-note {{R3 holds no value on this path}} \
	     // expected-note {{suggestion: give the value a definition on every path}}
	return out;
}

char LICENSE[] SEC("license") = "GPL";
