/* test_diag_class.c — the rejection classes (diag_class.c): real kernel
 * messages land in the class docs/diagnostics.md names for them, ids are
 * unique, and docs/diagnostics.md lists every id. */
#include <stdio.h>
#include <string.h>

#include "bpfverify/bvf.h"

#include "harness.h"

static void expect(enum bv_verdict v, const char *msg, const char *want)
{
	const struct bvf_diag_class *c = bvf_diag_class_of(v, msg);

	CHECK(c && STREQ(c->id, want), "'%s': got %s want %s", msg, c ? c->id : "NULL", want);
}

static void test_messages(void)
{
	expect(BV_REJECT, "R0 invalid mem access 'map_value_or_null'", "nullable-pointer");
	expect(BV_REJECT, "R1 type=sock_or_null expected=sock_common, sock", "nullable-pointer");
	expect(BV_REJECT, "R2 invalid mem access 'scalar'", "invalid-dereference");
	expect(BV_REJECT, "R3 !read_ok", "uninitialized-register");
	expect(BV_REJECT, "invalid access to packet, off=14 size=1, R2(id=0,off=14,r=0)",
	       "packet-bounds");
	expect(BV_REJECT, "invalid access to map value, value_size=8 off=8 size=8",
	       "map-value-bounds");
	expect(BV_REJECT, "R1 unbounded memory access, make sure to bounds check any such access",
	       "unbounded-index");
	expect(BV_REJECT, "invalid bpf_context access off=76 size=4", "context-access");
	expect(BV_REJECT, "Unreleased reference id=2 alloc_insn=7", "reference-leak");
	expect(BV_REJECT, "At program exit the register R0 has smin=2 smax=2 should have been in [0, 1]",
	       "return-value");
	expect(BV_REJECT, "invalid indirect read from stack R2 off -8+0 size 8", "stack-access");
	expect(BV_REJECT, "invalid write to stack R1 off=-520 size=8", "stack-access");
	expect(BV_REJECT, "BPF program is too large. Processed 1000001 insn", "program-too-complex");
	expect(BV_REJECT, "unknown func bpf_get_stackid#67", "helper-unavailable");
	expect(BV_REJECT, "cannot call GPL-restricted function from non-GPL compatible program",
	       "gpl-only");
	expect(BV_REJECT, "bpf_spin_unlock is missing", "lock-misuse");
	expect(BV_REJECT, "do_unlinkat is not sleepable", "sleepable-context");
	expect(BV_REJECT, "R1 type=fp expected=map_value", "argument-type");
	expect(BV_REJECT, "unknown opcode 8d", "invalid-instruction");
	expect(BV_REJECT, "failed to resolve CO-RE relocation <byte_off> [12] struct x.y (0:1 @ offset 8)",
	       "core-relocation");
	expect(BV_REJECT, "something no class names", "other-rejection");
	expect(BV_REJECT, "", "other-rejection");
	expect(BV_LOAD_ERROR, "libbpf: extern 'foo' not found", "load-error");
	expect(BV_ERROR, "program type lsm is not supported yet", "not-verified");
	CHECK(bvf_diag_class_of(BV_ACCEPT, NULL) == NULL, "accept has no class");
}

static void test_table(void)
{
	size_t n = bvf_diag_class_count();
	size_t size = 0;
	char path[1024];
	unsigned char *doc;

	CHECK(n > 10, "%zu classes", n);
	CHECK(bvf_diag_class_at(n) == NULL, "past the end");
	snprintf(path, sizeof(path), "%s", BVF_TEST_SOURCES "/../../../docs/diagnostics.md");
	doc = slurp(path, &size);
	CHECK(doc != NULL, "read %s", path);
	for (size_t i = 0; i < n; i++) {
		const struct bvf_diag_class *c = bvf_diag_class_at(i);
		char cell[128];

		CHECK(c && c->id && c->title && c->meaning, "class %zu complete", i);
		for (size_t j = 0; j < i; j++)
			CHECK(strcmp(bvf_diag_class_at(j)->id, c->id) != 0, "%s twice", c->id);
		snprintf(cell, sizeof(cell), "| `%s` |", c->id);
		CHECK(doc && strstr((char *)doc, cell), "docs/diagnostics.md lists %s", c->id);
	}
	free(doc);
}

int main(void)
{
	setvbuf(stdout, NULL, _IOLBF, 0);
	test_messages();
	test_table();
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
