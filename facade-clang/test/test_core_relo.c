/* test_core_relo.c — CO-RE relocations (core_relo.c and their plumbing
 * through obj_link.c and bvf_verify) on test/inputs/core.bpf.c:
 *  - against a target BTF built here with libbpf's btf__add_* API, where
 *    every offset is ours to choose: fields moved, through anonymous
 *    members and arrays, missing, resized (unsigned: adjusted; signed:
 *    poisoned), bitfields, enum values changed, a ___v2 flavor;
 *  - end to end through bvf_verify with that BTF as the kernel profile
 *    (a raw BTF file), including the poisoned-instruction rejection and its
 *    why-note;
 *  - against the running kernel's /sys/kernel/btf/vmlinux when present,
 *    with expected offsets read from that BTF independently;
 *  - hand-built records and BTFs for what Clang does not emit: bad access
 *    strings, unknown kinds, ambiguous candidates, type_matches;
 *  - corrupt core_relo records in the object (clear errors, no crash; run
 *    under valgrind too).
 */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <bpf/btf.h>

#include "bpfverify/bvdb.h"
#include "bpfverify/bvf.h"
#include "bvf_internal.h"
#include "core_memo.h"
#include "core_relo.h"
#include "obj_internal.h"

#include "harness.h"



#define POISON_CODE (BV_JMP | BV_CALL)

static char *input_path(const char *name)
{
	static char buf[4096];

	snprintf(buf, sizeof(buf), "%s/%s", BVF_TEST_INPUTS, name);
	return buf;
}

static const struct bvf_program *find_prog(const struct bvf_object *obj, const char *name)
{
	for (size_t i = 0; i < bvf_object_program_count(obj); i++)
		if (strcmp(bvf_program_name(bvf_object_program(obj, i)), name) == 0)
			return bvf_object_program(obj, i);
	return NULL;
}

/* ---- the target BTF ----
 *
 *   struct core_inner { int b @0; int a @4; }                    (swapped)
 *   struct core_task (96 bytes) {
 *       long pad @0;            pid @8, tgid @12             (moved by 8)
 *       struct { long x @0; int y @8; } @16;     y @24      (was 16)
 *       int arr[8] @32;                          arr[2] @40 (was 32)
 *       unsigned flag:3 @bit 512; unsigned mode:5 @bit 520; int sflag:4 @bit 528;
 *       struct core_inner inner @72;             inner.b @72 (was 48)
 *       unsigned int big @80;                    8 → 4 bytes, unsigned
 *       int sbig @84;                            8 → 4 bytes, signed
 *   }
 *   enum core_state { CORE_RUNNING = 1, CORE_STOPPED = 5 }     (no CORE_ZOMBIE)
 *   no core_gone, no task_struct, no pt_regs.
 */
static struct btf *build_target(void)
{
	struct btf *b = btf__new_empty();
	int i32, u32, i64, arr, inner, anon, task, e;

	if (!b)
		return NULL;
	i32 = btf__add_int(b, "int", 4, BTF_INT_SIGNED);
	u32 = btf__add_int(b, "unsigned int", 4, 0);
	i64 = btf__add_int(b, "long", 8, BTF_INT_SIGNED);
	arr = btf__add_array(b, u32, i32, 8);
	inner = btf__add_struct(b, "core_inner", 8);
	btf__add_field(b, "b", i32, 0, 0);
	btf__add_field(b, "a", i32, 32, 0);
	anon = btf__add_struct(b, NULL, 16);
	btf__add_field(b, "x", i64, 0, 0);
	btf__add_field(b, "y", i32, 64, 0);
	task = btf__add_struct(b, "core_task", 96);
	btf__add_field(b, "pad", i64, 0, 0);
	btf__add_field(b, "pid", i32, 64, 0);
	btf__add_field(b, "tgid", i32, 96, 0);
	btf__add_field(b, NULL, anon, 128, 0);
	btf__add_field(b, "arr", arr, 256, 0);
	btf__add_field(b, "flag", u32, 512, 3);
	btf__add_field(b, "mode", u32, 520, 5);
	btf__add_field(b, "sflag", i32, 528, 4);
	btf__add_field(b, "inner", inner, 576, 0);
	btf__add_field(b, "big", u32, 640, 0);
	e = btf__add_field(b, "sbig", i32, 672, 0);
	if (task < 0 || e < 0)
		goto fail;
	e = btf__add_enum(b, "core_state", 4);
	if (e < 0 || btf__add_enum_value(b, "CORE_RUNNING", 1) || btf__add_enum_value(b, "CORE_STOPPED", 5))
		goto fail;
	return b;
fail:
	btf__free(b);
	return NULL;
}

/* Relocates program `name` of `obj` against `targ`; returns the patched
 * copy (caller frees) with outcomes in *out. */
static struct bv_insn *relocate(const struct bvf_object *obj, const char *name, const struct btf *targ,
				struct bvf_core_outcome **out, size_t *n, int *ret, char *err, size_t errsz)
{
	const struct bvf_program *p = find_prog(obj, name);
	const struct bvf_core_relo *r;
	const struct bv_insn *in;
	struct bv_insn *copy;
	uint32_t cnt;

	*out = NULL;
	*n = 0;
	*ret = -1;
	if (!p)
		return NULL;
	r = bvf_program_core_relos(p, n);
	in = bvf_program_insns(p, &cnt);
	copy = malloc(cnt * sizeof(*copy));
	*out = calloc(*n + 1, sizeof(**out));
	if (!copy || !*out) {
		free(copy);
		return NULL;
	}
	memcpy(copy, in, cnt * sizeof(*copy));
	*ret = bvf_core_relocate(bvf_program_btf(p), targ, "kernel test", r, *n, copy, cnt, *out,
				 err, errsz);
	return copy;
}

static const struct bvf_core_outcome *find_outcome(const struct bvf_core_outcome *o, size_t n,
						   uint32_t kind, const char *spec)
{
	for (size_t i = 0; i < n; i++)
		if (o[i].kind == kind && STREQ(o[i].spec, spec))
			return &o[i];
	return NULL;
}

/* The outcome for (kind, spec) exists, was not poisoned, and gave `val`. */
#define EXPECT_VAL(o, n, kind, spec, val)                                               \
	do {                                                                             \
		const struct bvf_core_outcome *x_ = find_outcome(o, n, kind, spec);      \
		CHECK(x_ && !x_->poisoned && x_->new_val == (uint64_t)(val),             \
		      "%s %s: %s, %llu (want %llu)", bvf_core_kind_name(kind), spec,     \
		      x_ ? (x_->poisoned ? "poisoned" : "ok") : "missing",               \
		      x_ ? (unsigned long long)x_->new_val : 0ull,                       \
		      (unsigned long long)(val));                                        \
	} while (0)

#define EXPECT_POISON(o, n, kind, spec, insns)                                          \
	do {                                                                             \
		const struct bvf_core_outcome *x_ = find_outcome(o, n, kind, spec);      \
		CHECK(x_ && x_->poisoned && (insns)[x_->insn].code == POISON_CODE &&     \
		      (insns)[x_->insn].imm == BVF_CORE_POISON_HELPER && x_->reason[0],  \
		      "%s %s: %s", bvf_core_kind_name(kind), spec,                       \
		      x_ ? (x_->poisoned ? "poisoned" : "not poisoned") : "missing");    \
	} while (0)

static void test_object_records(const struct bvf_object *obj)
{
	const struct bvf_program *p = find_prog(obj, "fields");
	const struct bvf_core_relo *r;
	size_t n = 0;

	CHECK(p && bvf_program_error(p) == NULL, "fields: error %s", p ? bvf_program_error(p) : "(no prog)");
	r = p ? bvf_program_core_relos(p, &n) : NULL;
	CHECK(r && n == 5, "fields: %zu relocations", n);
	for (size_t i = 0; r && i < n; i++) {
		CHECK(r[i].kind == BVF_CORE_FIELD_BYTE_OFFSET && r[i].rec_idx == i &&
		      STREQ(r[i].sec_name, "kprobe/fields"), "record %zu", i);
		if (i)
			CHECK(r[i].insn > r[i - 1].insn, "sorted");
	}
	p = find_prog(obj, "types");
	r = p ? bvf_program_core_relos(p, &n) : NULL;
	CHECK(r && n == 6, "types: %zu relocations", n);

	/* The subprogram is appended after the entry: its record keeps its
	 * section and moves to the appended position. */
	p = find_prog(obj, "calls_sub");
	r = p ? bvf_program_core_relos(p, &n) : NULL;
	CHECK(r && n == 2, "calls_sub: %zu relocations", n);
	if (r && n == 2) {
		uint32_t nf = 0, cnt = 0;
		const struct bv_func_desc *f = bvf_program_funcs(p, &nf);
		const struct bv_insn *in = bvf_program_insns(p, &cnt);

		CHECK(STREQ(r[0].sec_name, "kprobe/calls_sub") && STREQ(r[1].sec_name, ".text") &&
		      nf == 2 && r[1].insn >= f[1].insn_off && r[1].insn < cnt &&
		      in[r[1].insn].code == (BV_LDX | BV_MEM | BV_W) && in[r[1].insn].off == 4,
		      "subprogram relocation at %u (subprog at %u)", r[1].insn, nf == 2 ? f[1].insn_off : 0);
	}
}

static void test_fields(const struct bvf_object *obj, const struct btf *targ)
{
	struct bvf_core_outcome *o;
	struct bv_insn *in;
	char err[512];
	size_t n;
	int ret;

	in = relocate(obj, "fields", targ, &o, &n, &ret, err, sizeof(err));
	CHECK(in && ret == 0, "fields: %d %s", ret, err);
	if (in && !ret) {
		const struct bvf_core_outcome *big = find_outcome(o, n, 0, "struct core_task.big");

		EXPECT_VAL(o, n, 0, "struct core_task.tgid", 12);
		EXPECT_VAL(o, n, 0, "struct core_task.y", 24);        /* through the anonymous member */
		EXPECT_VAL(o, n, 0, "struct core_task.arr[2]", 40);
		EXPECT_VAL(o, n, 0, "struct core_task.inner.b", 72);
		EXPECT_VAL(o, n, 0, "struct core_task.big", 80);
		CHECK(n == 5, "5 outcomes");
		for (size_t i = 0; i < n; i++)
			CHECK(in[o[i].insn].off == (int16_t)o[i].new_val &&
			      BV_CLASS(in[o[i].insn].code) == BV_LDX, "LDX %s patched: off %d", o[i].spec,
			      in[o[i].insn].off);
		/* u64 → u32: libbpf narrows the load. */
		CHECK(big && in[big->insn].code == (BV_LDX | BV_MEM | BV_W), "big: code 0x%02x",
		      big ? in[big->insn].code : 0);
	}
	free(in);
	free(o);

	in = relocate(obj, "calls_sub", targ, &o, &n, &ret, err, sizeof(err));
	CHECK(in && ret == 0 && n == 2, "calls_sub: %d %s", ret, err);
	if (in && !ret && n == 2)
		CHECK(in[o[1].insn].off == 12 && in[o[0].insn].off == 8,
		      "entry and subprogram patched: %d %d", in[o[0].insn].off, in[o[1].insn].off);
	free(in);
	free(o);

	in = relocate(obj, "signed_resize", targ, &o, &n, &ret, err, sizeof(err));
	CHECK(in && ret == 0, "signed_resize: %d %s", ret, err);
	if (in && !ret) {
		EXPECT_POISON(o, n, 0, "struct core_task.sbig", in);
		CHECK(n && strstr(o[0].reason, "neither a pointer nor an unsigned integer"), "reason %s",
		      n ? o[0].reason : "");
	}
	free(in);
	free(o);
}

static void test_bitfields(const struct bvf_object *obj, const struct btf *targ)
{
	struct bvf_core_outcome *o;
	struct bv_insn *in;
	char err[512];
	size_t n;
	int ret;

	in = relocate(obj, "bitfields", targ, &o, &n, &ret, err, sizeof(err));
	CHECK(in && ret == 0, "bitfields: %d %s", ret, err);
	if (in && !ret) {
		/* mode: 5 bits at bit 520 → a u32 load at byte 64 covering bits 512..543 */
		EXPECT_VAL(o, n, BVF_CORE_FIELD_BYTE_OFFSET, "struct core_task.mode", 64);
		EXPECT_VAL(o, n, BVF_CORE_FIELD_BYTE_SIZE, "struct core_task.mode", 4);
		EXPECT_VAL(o, n, BVF_CORE_FIELD_LSHIFT_U64, "struct core_task.mode", 64 - 13);
		EXPECT_VAL(o, n, BVF_CORE_FIELD_RSHIFT_U64, "struct core_task.mode", 59);
		EXPECT_VAL(o, n, BVF_CORE_FIELD_SIGNED, "struct core_task.mode", 0);
		EXPECT_VAL(o, n, BVF_CORE_FIELD_BYTE_OFFSET, "struct core_task.sflag", 64);
		EXPECT_VAL(o, n, BVF_CORE_FIELD_LSHIFT_U64, "struct core_task.sflag", 64 - 20);
		EXPECT_VAL(o, n, BVF_CORE_FIELD_RSHIFT_U64, "struct core_task.sflag", 60);
		EXPECT_VAL(o, n, BVF_CORE_FIELD_SIGNED, "struct core_task.sflag", 1);
		for (size_t i = 0; i < n; i++)
			CHECK(in[o[i].insn].imm == (int32_t)o[i].new_val, "ALU %s %s patched: imm %d",
			      bvf_core_kind_name(o[i].kind), o[i].spec, in[o[i].insn].imm);
	}
	free(in);
	free(o);
}

static void test_flavor_types_enums(const struct bvf_object *obj, const struct btf *targ)
{
	struct bvf_core_outcome *o;
	struct bv_insn *in;
	char err[512];
	size_t n;
	int ret;

	in = relocate(obj, "flavor", targ, &o, &n, &ret, err, sizeof(err));
	CHECK(in && ret == 0, "flavor: %d %s", ret, err);
	if (in && !ret) {
		EXPECT_VAL(o, n, BVF_CORE_FIELD_EXISTS, "struct core_task___v2.renamed", 0);
		EXPECT_POISON(o, n, BVF_CORE_FIELD_BYTE_OFFSET, "struct core_task___v2.renamed", in);
		EXPECT_VAL(o, n, BVF_CORE_FIELD_BYTE_OFFSET, "struct core_task___v2.pid", 8);
	}
	free(in);
	free(o);

	in = relocate(obj, "types", targ, &o, &n, &ret, err, sizeof(err));
	CHECK(in && ret == 0, "types: %d %s", ret, err);
	if (in && !ret) {
		const struct bvf_core_outcome *v;

		EXPECT_VAL(o, n, BVF_CORE_TYPE_EXISTS, "struct core_gone", 0);
		EXPECT_VAL(o, n, BVF_CORE_TYPE_EXISTS, "struct core_task", 1);
		EXPECT_VAL(o, n, BVF_CORE_TYPE_SIZE, "struct core_task", 96);
		EXPECT_VAL(o, n, BVF_CORE_ENUMVAL_EXISTS, "enum core_state::CORE_ZOMBIE", 0);
		EXPECT_VAL(o, n, BVF_CORE_ENUMVAL_VALUE, "enum core_state::CORE_STOPPED", 5);
		EXPECT_VAL(o, n, BVF_CORE_FIELD_BYTE_SIZE, "struct core_task.inner", 8);
		v = find_outcome(o, n, BVF_CORE_ENUMVAL_VALUE, "enum core_state::CORE_STOPPED");
		/* enum values are ld_imm64: both halves patched */
		CHECK(v && in[v->insn].code == (BV_LD | BV_IMM | BV_DW) && in[v->insn].imm == 5 &&
		      in[v->insn + 1].imm == 0, "ld_imm64 patched");
	}
	free(in);
	free(o);

	in = relocate(obj, "enum_missing", targ, &o, &n, &ret, err, sizeof(err));
	CHECK(in && ret == 0, "enum_missing: %d %s", ret, err);
	if (in && !ret && n == 1) {
		EXPECT_POISON(o, n, BVF_CORE_ENUMVAL_VALUE, "enum core_state::CORE_ZOMBIE", in);
		/* both halves of the ld_imm64 become the poison call */
		CHECK(in[o[0].insn + 1].code == POISON_CODE &&
		      in[o[0].insn + 1].imm == BVF_CORE_POISON_HELPER, "second half poisoned");
	}
	free(in);
	free(o);

	/* The kernel's types are missing from this target: poisoned with the
	 * reason naming the essential name. */
	in = relocate(obj, "kernel", targ, &o, &n, &ret, err, sizeof(err));
	CHECK(in && ret == 0, "kernel: %d %s", ret, err);
	if (in && !ret) {
		EXPECT_POISON(o, n, 0, "struct task_struct___local.tgid", in);
		CHECK(n && strstr(o[0].reason, "no struct named 'task_struct' in kernel test BTF"),
		      "reason: %s", n ? o[0].reason : "");
	}
	free(in);
	free(o);
}

/* Writes `b` as a raw BTF file named `name` in a fresh temporary
 * directory (a kernel profile path); returns the path or NULL. */
static const char *write_btf(const struct btf *b, const char *name)
{
	static char dir[64], path[128];
	uint32_t sz = 0;
	const void *raw = btf__raw_data(b, &sz);
	FILE *f;
	bool ok;

	snprintf(dir, sizeof(dir), "/tmp/bvf_core_XXXXXX");
	if (!raw || !mkdtemp(dir))
		return NULL;
	snprintf(path, sizeof(path), "%s/%s", dir, name);
	f = fopen(path, "wb");
	if (!f)
		return NULL;
	ok = fwrite(raw, 1, sz, f) == sz;
	return fclose(f) == 0 && ok ? path : NULL;
}

static void remove_btf(const char *path)
{
	char dir[128];
	char *slash;

	if (!path)
		return;
	unlink(path);
	snprintf(dir, sizeof(dir), "%s", path);
	slash = strrchr(dir, '/');
	if (slash) {
		*slash = '\0';
		rmdir(dir);
	}
}

/* bvf_verify with the built BTF as the kernel: relocated programs verify,
 * the unguarded access is rejected at the poisoned instruction with the
 * kernel's message and a note naming the relocation. */
static void test_end_to_end(const struct bvf_object *obj, const struct btf *targ)
{
	const char *path = write_btf(targ, "testk");
	struct bvf_kernel *k;
	struct bv_result res;
	char err[512];
	static const char *const accepted[] = { "fields", "types", "calls_sub" };

	CHECK(path != NULL, "write target BTF");
	if (!path)
		return;
	k = bvf_kernel_open(path, err, sizeof(err));
	CHECK(k != NULL, "kernel %s: %s", path, err);
	if (!k) {
		remove_btf(path);
		return;
	}
	for (size_t i = 0; i < sizeof(accepted) / sizeof(accepted[0]); i++) {
		const struct bvf_program *p = find_prog(obj, accepted[i]);

		CHECK(p && bvf_verify(p, k, NULL, &res) == 0 && res.verdict == BV_ACCEPT,
		      "%s: verdict %d %s", accepted[i], p ? (int)res.verdict : -1, p ? res.message : "");
	}
	{
		/* ctx + relocated offset, then a load: the kernel refuses a
		 * modified ctx pointer, and the message shows the target's
		 * offset (8, the compiler said 0). */
		const struct bvf_program *p = find_prog(obj, "flavor");

		CHECK(p && bvf_verify(p, k, NULL, &res) == 0 && res.verdict == BV_REJECT &&
		      STREQ(res.message, "dereference of modified ctx ptr R1 off=8 disallowed"),
		      "flavor: %d '%s'", (int)res.verdict, res.message);
	}
	{
		const struct bvf_program *p = find_prog(obj, "unguarded");

		CHECK(p && bvf_verify(p, k, NULL, &res) == 0, "unguarded verifies");
		/* Reported as libbpf reports it; the kernel's own message and the
		 * reason are notes. */
		CHECK(res.verdict == BV_REJECT && res.insn == 0 &&
		      STREQ(res.message, "failed to resolve CO-RE relocation <byte_off> [18] struct core_task___v2.renamed (0:1 @ offset 4)"),
		      "unguarded: verdict %d insn %d '%s'", (int)res.verdict, res.insn, res.message);
		CHECK(res.nr_notes >= 2 && res.notes[0].insn == 0 &&
		      strstr(res.notes[0].text, "CO-RE relocation #0: struct core_task___v2.renamed is not found in the kernel's BTF") &&
		      STREQ(res.notes[1].text, "the kernel rejects that call: invalid func unknown#195896080"),
		      "notes: %s", res.nr_notes ? res.notes[0].text : "(none)");
		/* The object's instructions stay as compiled. */
		CHECK(p && bvf_program_insns(p, NULL)[0].code == (BV_LDX | BV_MEM | BV_W), "insns untouched");
	}
	{
		const struct bvf_program *p = find_prog(obj, "signed_resize");

		CHECK(p && bvf_verify(p, k, NULL, &res) == 0 && res.verdict == BV_REJECT &&
		      strstr(res.message, "failed to resolve CO-RE relocation <byte_off> [2] struct core_task.sbig") &&
		      res.nr_notes >= 1 &&
		      strstr(res.notes[0].text, "struct core_task.sbig is 4 bytes in the kernel's BTF, 8 here"),
		      "signed_resize: %d '%s' note '%s'", (int)res.verdict, res.message,
		      res.nr_notes ? res.notes[0].text : "");
	}
	bvf_kernel_close(k);
	remove_btf(path);
}

/* ---- the running kernel's BTF ---- */

static int64_t member_byte_off(const struct btf *b, const char *type, const char *member)
{
	int32_t id = btf__find_by_name_kind(b, type, BTF_KIND_STRUCT);
	const struct btf_type *t = id > 0 ? btf__type_by_id(b, (uint32_t)id) : NULL;

	for (uint16_t i = 0; t && i < btf_vlen(t); i++)
		if (strcmp(btf__name_by_offset(b, btf_members(t)[i].name_off), member) == 0)
			return btf_member_bit_offset(t, i) / 8;
	return -1;
}

static void test_vmlinux(const struct bvf_object *obj)
{
	struct btf *vm = btf__parse("/sys/kernel/btf/vmlinux", NULL);
	struct bvf_core_outcome *o;
	struct bv_insn *in;
	char err[512];
	size_t n;
	int ret;

	if (!vm) {
		printf("SKIP vmlinux: /sys/kernel/btf/vmlinux not readable\n");
		return;
	}
	in = relocate(obj, "kernel", vm, &o, &n, &ret, err, sizeof(err));
	CHECK(in && ret == 0, "kernel: %d %s", ret, err);
	if (in && !ret) {
		int64_t tgid = member_byte_off(vm, "task_struct", "tgid");
		int64_t si = member_byte_off(vm, "pt_regs", "si");

		CHECK(tgid > 0 && si > 0, "offsets from vmlinux: %lld %lld", (long long)tgid, (long long)si);
		EXPECT_VAL(o, n, 0, "struct task_struct___local.tgid", tgid);
		EXPECT_VAL(o, n, 0, "struct pt_regs___local.si", si);
	}
	free(in);
	free(o);
	/* None of the test's own types exist in a kernel: everything that
	 * needs them is poisoned, existence checks read 0, nothing fails. */
	in = relocate(obj, "types", vm, &o, &n, &ret, err, sizeof(err));
	CHECK(in && ret == 0, "types on vmlinux: %d %s", ret, err);
	if (in && !ret) {
		EXPECT_VAL(o, n, BVF_CORE_TYPE_EXISTS, "struct core_task", 0);
		EXPECT_VAL(o, n, BVF_CORE_TYPE_SIZE, "struct core_task", 0);
		EXPECT_POISON(o, n, BVF_CORE_ENUMVAL_VALUE, "enum core_state::CORE_STOPPED", in);
	}
	free(in);
	free(o);
	in = relocate(obj, "bitfields", vm, &o, &n, &ret, err, sizeof(err));
	CHECK(in && ret == 0, "bitfields on vmlinux: %d %s", ret, err);
	for (size_t i = 0; in && !ret && i < n; i++)
		CHECK(o[i].poisoned && strstr(o[i].reason, "no struct named 'core_task'"),
		      "%s poisoned: %s", o[i].spec, o[i].reason);
	free(in);
	free(o);
	btf__free(vm);
}

/* ---- hand-built records ---- */

struct hand {
	struct btf *local, *targ;
	int s_local;          /* struct s { int a @0; int b @32; } */
	struct bv_insn insns[4];
	struct bvf_core_relo r;
	struct bvf_core_outcome o;
	char err[512];
};

static int hand_run(struct hand *h, const char *access, uint32_t kind)
{
	int off = btf__add_str(h->local, access);

	h->r = (struct bvf_core_relo){ .insn = 0, .type_id = (uint32_t)h->s_local,
				       .access_str_off = off < 0 ? 0 : (uint32_t)off,
				       .kind = kind, .rec_idx = 7, .sec_name = "kprobe/hand" };
	return bvf_core_relocate(h->local, h->targ, "kernel hand", &h->r, 1, h->insns, 4, &h->o,
				 h->err, sizeof(h->err));
}

static void hand_ldx(struct hand *h, int16_t off)
{
	memset(h->insns, 0, sizeof(h->insns));
	h->insns[0] = (struct bv_insn){ .code = BV_LDX | BV_MEM | BV_W, .dst_reg = 0, .src_reg = 1, .off = off };
	h->insns[1] = (struct bv_insn){ .code = BV_JMP | BV_EXIT };
}

static void test_hand_built(void)
{
	struct hand h = { 0 };
	int i32, t, s2, m_local;
	char longspec[256] = "0";

	h.local = btf__new_empty();
	h.targ = btf__new_empty();
	if (!h.local || !h.targ) {
		CHECK(0, "btf__new_empty");
		return;
	}
	i32 = btf__add_int(h.local, "int", 4, BTF_INT_SIGNED);
	h.s_local = btf__add_struct(h.local, "s", 8);
	btf__add_field(h.local, "a", i32, 0, 0);
	btf__add_field(h.local, "b", i32, 32, 0);
	m_local = btf__add_struct(h.local, "m", 4);
	btf__add_field(h.local, "a", i32, 0, 0);
	t = btf__add_int(h.targ, "int", 4, BTF_INT_SIGNED);
	btf__add_struct(h.targ, "s", 12);
	btf__add_field(h.targ, "pad", t, 0, 0);
	btf__add_field(h.targ, "b", t, 32, 0);
	btf__add_field(h.targ, "a", t, 64, 0);

	hand_ldx(&h, 4);
	CHECK(hand_run(&h, "0:1", BVF_CORE_FIELD_BYTE_OFFSET) == 0 && h.insns[0].off == 4 &&
	      !h.o.poisoned && STREQ(h.o.spec, "struct s.b"), "s.b: %s off %d", h.err, h.insns[0].off);
	hand_ldx(&h, 0);
	CHECK(hand_run(&h, "0:0", BVF_CORE_FIELD_BYTE_OFFSET) == 0 && h.insns[0].off == 8,
	      "s.a: %s off %d", h.err, h.insns[0].off);

	/* The instruction must hold what the compiler computed. */
	hand_ldx(&h, 2);
	CHECK(hand_run(&h, "0:1", BVF_CORE_FIELD_BYTE_OFFSET) == -EINVAL &&
	      strstr(h.err, "relo #7 (section 'kprobe/hand', insn 0, byte_off): unexpected load/store offset 2, expected 4"),
	      "validation: %s", h.err);

	/* Malformed access strings and kinds: errors, never a crash. */
	static const char *const bad[] = { "", ":0", "0::1", "0:-1", "x", "0:2", "0:1:0", "0:1x",
					   "99999999999" };
	for (size_t i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		hand_ldx(&h, 4);
		CHECK(hand_run(&h, bad[i], BVF_CORE_FIELD_BYTE_OFFSET) < 0 && strstr(h.err, "relo #7"),
		      "access '%s': %s", bad[i], h.err);
	}
	for (int i = 0; i < 70; i++)
		strcat(longspec, ":0");
	hand_ldx(&h, 0);
	CHECK(hand_run(&h, longspec, BVF_CORE_FIELD_BYTE_OFFSET) < 0, "70 accessors: %s", h.err);
	hand_ldx(&h, 4);
	CHECK(hand_run(&h, "0:1", 13) == -EOPNOTSUPP && strstr(h.err, "unrecognized CO-RE relocation kind 13"),
	      "kind 13: %s", h.err);
	hand_ldx(&h, 4);
	CHECK(hand_run(&h, "1", BVF_CORE_TYPE_EXISTS) < 0 && strstr(h.err, "expected \"0\""),
	      "type relo access string: %s", h.err);
	hand_ldx(&h, 4);
	h.insns[0] = (struct bv_insn){ .code = BV_ALU64 | BV_ADD | BV_X, .dst_reg = 1, .src_reg = 2 };
	CHECK(hand_run(&h, "0:1", BVF_CORE_FIELD_BYTE_OFFSET) < 0 && strstr(h.err, "register operand"),
	      "ALU X: %s", h.err);
	hand_ldx(&h, 4);
	h.r.insn = 9;
	CHECK(bvf_core_relocate(h.local, h.targ, NULL, &h.r, 1, h.insns, 4, NULL, h.err, sizeof(h.err)) < 0 &&
	      strstr(h.err, "outside the program"), "insn out of range: %s", h.err);

	/* type ids: local as compiled, target as found. */
	memset(h.insns, 0, sizeof(h.insns));
	h.insns[0] = (struct bv_insn){ .code = BV_LD | BV_IMM | BV_DW, .imm = 12345 };
	CHECK(hand_run(&h, "0", BVF_CORE_TYPE_ID_LOCAL) == 0 && h.insns[0].imm == h.s_local,
	      "local type id: %s %d", h.err, h.insns[0].imm);
	CHECK(hand_run(&h, "0", BVF_CORE_TYPE_ID_TARGET) == 0 &&
	      h.insns[0].imm == btf__find_by_name_kind(h.targ, "s", BTF_KIND_STRUCT),
	      "target type id: %s %d", h.err, h.insns[0].imm);
	/* ld_imm64 as the last instruction has no second half. */
	h.r.insn = 3;
	h.insns[3] = (struct bv_insn){ .code = BV_LD | BV_IMM | BV_DW };
	CHECK(bvf_core_relocate(h.local, h.targ, NULL, &h.r, 1, h.insns, 4, NULL, h.err, sizeof(h.err)) < 0,
	      "ld_imm64 at the end: %s", h.err);

	/* type_matches: every local member must exist with a matching type. */
	memset(h.insns, 0, sizeof(h.insns));
	h.insns[0] = (struct bv_insn){ .code = BV_ALU64 | BV_MOV | BV_K, .imm = 1 };
	h.s_local = m_local;
	{
		int tm = btf__add_struct(h.targ, "m", 8);

		btf__add_field(h.targ, "z", t, 0, 0);
		btf__add_field(h.targ, "a", t, 32, 0);
		CHECK(tm > 0 && hand_run(&h, "0", BVF_CORE_TYPE_MATCHES) == 0 && h.insns[0].imm == 1,
		      "type_matches m: %s %d", h.err, h.insns[0].imm);
	}
	h.s_local = btf__find_by_name_kind(h.local, "s", BTF_KIND_STRUCT);

	/* Two flavors that disagree: libbpf refuses the load. */
	s2 = btf__add_struct(h.targ, "s___2", 8);
	btf__add_field(h.targ, "a", t, 32, 0);
	btf__add_field(h.targ, "b", t, 0, 0);
	hand_ldx(&h, 0);
	CHECK(s2 > 0 && hand_run(&h, "0:0", BVF_CORE_FIELD_BYTE_OFFSET) == -EINVAL &&
	      strstr(h.err, "field offset ambiguity"), "ambiguity: %s", h.err);
	/* …and says so in its own words: this candidate's bit offset first. */
	CHECK(h.o.refused && STREQ(h.o.libbpf_error, "relo #7: field offset ambiguity: 32 != 64"),
	      "libbpf's line: %s", h.o.libbpf_error);

	/* An anonymous root cannot be searched for. */
	{
		int anon = btf__add_struct(h.local, NULL, 4);

		btf__add_field(h.local, "a", i32, 0, 0);
		h.s_local = anon;
		hand_ldx(&h, 0);
		CHECK(hand_run(&h, "0:0", BVF_CORE_FIELD_BYTE_OFFSET) < 0 && strstr(h.err, "anonymous"),
		      "anonymous root: %s", h.err);
	}
	btf__free(h.local);
	btf__free(h.targ);
}

static void test_names(void)
{
	CHECK(bvf_core_essential_len("task_struct___v2") == 11, "flavor");
	CHECK(bvf_core_essential_len("task_struct") == 11, "plain");
	CHECK(bvf_core_essential_len("a___b___c") == 5, "last separator");
	CHECK(bvf_core_essential_len("a____b") == 6, "four underscores are no separator");
	CHECK(bvf_core_essential_len("x___") == 4, "nothing after");
	CHECK(bvf_core_essential_len("") == 0 && bvf_core_essential_len(NULL) == 0, "empty");
	CHECK(STREQ(bvf_core_kind_name(BVF_CORE_FIELD_BYTE_OFFSET), "byte_off") &&
	      STREQ(bvf_core_kind_name(BVF_CORE_TYPE_MATCHES), "type_matches") &&
	      STREQ(bvf_core_kind_name(99), "unknown"), "kind names");
}

/* ---- corrupt records in the object ---- */

static uint32_t rd32(const unsigned char *p)
{
	uint32_t v;

	memcpy(&v, p, 4);
	return v;
}

static void wr32(unsigned char *p, uint32_t v)
{
	memcpy(p, &v, 4);
}

/* Verifies every program of a (possibly damaged) object: must not crash. */
static void verify_all(struct bvf_object *obj, struct bvf_kernel *k)
{
	struct bv_result res;

	for (size_t i = 0; i < bvf_object_program_count(obj); i++)
		bvf_verify(bvf_object_program(obj, i), k, NULL, &res);
}

static void test_corrupt(const struct btf *targ)
{
	const char *path = write_btf(targ, "testk");
	struct bvf_kernel *k = path ? bvf_kernel_open(path, NULL, 0) : NULL;
	struct bvf_object *obj;
	unsigned char *good, *buf;
	size_t size, area, len, first;
	uint32_t nrec = 1, ntypes = 1, strsz = 1;
	char err[512];
	unsigned seed = 12345;
	int iters = getenv("BVF_TEST_QUICK") ? 200 : 2000;

	good = slurp(input_path("core.bpf.o"), &size);
	obj = good ? bvf_object_open_mem(good, size, "core.o", err, sizeof(err)) : NULL;
	CHECK(obj && k, "open core.o and the test kernel");
	if (!obj || !k)
		goto out;
	{
		const struct obj_sec *s = &obj->secs[obj->btf_ext_sec];
		size_t ext = (size_t)(s->data - obj->image);

		area = ext + rd32(good + ext + 4) + rd32(good + ext + 24);
		len = rd32(good + ext + 28);
		first = area + 4 + 8;   /* rec_size, then {sec name, count}, then records */
		nrec = rd32(good + area + 8);
		ntypes = btf__type_cnt(obj->btf);
		{
			uint32_t rawsz = 0;
			const unsigned char *raw = btf__raw_data(obj->btf, &rawsz);

			strsz = raw && rawsz >= 24 ? rd32(raw + 20) : 1;   /* btf_header.str_len */
		}
		CHECK(rd32(good + area) == 16 && len > 32, "core_relo area: rec_size %u len %zu",
		      rd32(good + area), len);
	}
	bvf_object_close(obj);
	obj = NULL;
	buf = malloc(size);
	if (!buf)
		goto out;

	memcpy(buf, good, size);
	wr32(buf + first + 4, 0x00ffffff);
	obj = bvf_object_open_mem(buf, size, "core.o", err, sizeof(err));
	CHECK(!obj && strstr(err, "core.o: .BTF.ext: core_relo record #0 of section 'kprobe/fields': type id 16777215 is not in .BTF"),
	      "bad type id: %s", err);
	bvf_object_close(obj);

	memcpy(buf, good, size);
	wr32(buf + first + 8, 0x7fffffff);
	obj = bvf_object_open_mem(buf, size, "core.o", err, sizeof(err));
	CHECK(!obj && strstr(err, "access string offset 2147483647 out of range"), "bad access: %s", err);
	bvf_object_close(obj);

	memcpy(buf, good, size);
	wr32(buf + first, 3);
	obj = bvf_object_open_mem(buf, size, "core.o", err, sizeof(err));
	CHECK(!obj && strstr(err, "core_relo record #0 of section 'kprobe/fields': insn_off 3"),
	      "misaligned insn: %s", err);
	bvf_object_close(obj);

	/* An unknown kind and a wrong string are program-level: the
	 * program's error or its verification says so, the object and its
	 * other programs stay usable. */
	memcpy(buf, good, size);
	wr32(buf + first + 12, 77);
	obj = bvf_object_open_mem(buf, size, "core.o", err, sizeof(err));
	CHECK(obj != NULL, "kind 77 opens: %s", err);
	if (obj) {
		struct bv_result res;

		CHECK(STREQ(bvf_program_error(find_prog(obj, "fields")),
			    "program 'fields': CO-RE relocation #0 (section 'kprobe/fields', insn 0) has unknown kind 77 (libbpf knows kinds 0 to 12)"),
		      "kind 77: %s", bvf_program_error(find_prog(obj, "fields")));
		bvf_verify(find_prog(obj, "fields"), k, NULL, &res);
		CHECK(res.verdict == BV_ERROR && strstr(res.message, "unknown kind 77"), "kind 77 verdict: %s",
		      res.message);
		bvf_verify(find_prog(obj, "types"), k, NULL, &res);
		CHECK(res.verdict == BV_ACCEPT, "other programs unaffected: %s", res.message);
		bvf_object_close(obj);
		obj = NULL;
	}
	memcpy(buf, good, size);
	wr32(buf + first + 8, rd32(buf + area + 4));  /* the section name as access string */
	obj = bvf_object_open_mem(buf, size, "core.o", err, sizeof(err));
	CHECK(obj != NULL, "odd access string opens: %s", err);
	if (obj) {
		struct bv_result res;

		bvf_verify(find_prog(obj, "fields"), k, NULL, &res);
		/* libbpf refuses the load: its line is the message, ours the note. */
		CHECK(res.verdict == BV_LOAD_ERROR &&
		      strstr(res.message, "libbpf: prog 'fields': relo #0: parsing [") &&
		      strstr(res.message, " + kprobe/fields failed: ") && res.nr_notes == 1 &&
		      strstr(res.notes[0].text, "cannot parse access string 'kprobe/fields'"),
		      "odd access string: %s / %s", res.message, res.nr_notes ? res.notes[0].text : "");
		bvf_object_close(obj);
		obj = NULL;
	}

	/* Random damage to the records: an error or a verdict, never a crash. */
	int opened = 0;

	for (int it = 0; it < iters; it++) {
		memcpy(buf, good, size);
		if (it % 4 == 0) {
			/* raw damage anywhere in the area */
			size_t at = area + (size_t)rand_r(&seed) % len;

			buf[at] ^= (unsigned char)(1u << (rand_r(&seed) % 8));
		} else {
			/* plausible damage: a field of a record of the first
			 * block set to a value in (or just past) its range */
			unsigned char *rec = buf + first + 16 * ((uint32_t)rand_r(&seed) % nrec);
			int field = it % 4;   /* 1 type_id, 2 access_str_off, 3 kind */
			uint32_t lim = field == 1 ? ntypes + 1 : field == 2 ? strsz + 1 : 16;

			wr32(rec + 4 * field, (uint32_t)rand_r(&seed) % lim);
		}
		obj = bvf_object_open_mem(buf, size, "fuzz.o", err, sizeof(err));
		if (obj) {
			opened++;
			verify_all(obj, k);
			bvf_object_close(obj);
			obj = NULL;
		} else {
			CHECK(err[0] != '\0', "fuzz: failure without a message");
		}
	}
	printf("info: %d of %d objects with damaged core_relo records still opened\n", opened, iters);
	passed++;   /* survived */
	free(buf);
out:
	bvf_object_close(obj);
	free(good);
	bvf_kernel_close(k);
	remove_btf(path);
}

/* A memo shared by the programs of an object gives, program after program
 * and on a second pass where every eligible resolution is remembered,
 * exactly what resolving each relocation anew gives: the same
 * instructions, the same outcomes, the same return and message. A memo
 * made for another target is not used. The third pass also reads the
 * target in place (bvdb_btf view, as the CLI does): the same again. */
static void test_memo(const struct bvf_object *obj, const struct btf *targ)
{
	struct bvf_core_memo *memo = bvf_core_memo_new(targ), *other = bvf_core_memo_new(obj);
	uint32_t raw_size = 0;
	const void *raw = btf__raw_data(targ, &raw_size);
	struct bvdb_btf *view = raw ? bvdb_btf__new(raw, raw_size, NULL, 0) : NULL;
	struct bvf_core_memo *vmemo = bvf_core_memo_new(view);
	size_t compared = 0;

	CHECK(view != NULL, "a view of the target");

	CHECK(memo && other, "memo_new");
	for (int pass = 0; pass < 3 && memo && other; pass++) {
		for (size_t i = 0; i < bvf_object_program_count(obj); i++) {
			const struct bvf_program *p = bvf_object_program(obj, i);
			size_t n;
			const struct bvf_core_relo *r = bvf_program_core_relos(p, &n);
			uint32_t cnt;
			const struct bv_insn *in = bvf_program_insns(p, &cnt);
			struct bv_insn *a = malloc(cnt * sizeof(*a)), *b = malloc(cnt * sizeof(*b));
			struct bvf_core_outcome *oa = calloc(n + 1, sizeof(*oa));
			struct bvf_core_outcome *ob = calloc(n + 1, sizeof(*ob));
			char ea[512], eb[512];
			int ra, rb;

			if (!n || !a || !b || !oa || !ob)
				goto next;
			memcpy(a, in, cnt * sizeof(*a));
			memcpy(b, in, cnt * sizeof(*b));
			ra = bvf_core_relocate(bvf_program_btf(p), targ, "kernel test", r, n, a, cnt, oa,
					       ea, sizeof(ea));
			/* pass 0 fills the memo (and hits what earlier programs put
			 * there), pass 1 only hits, pass 2 has a memo of another target */
			rb = bvf_core_relocate_memo(bvf_program_btf(p), targ, NULL,
						    pass < 2 ? memo : other, "kernel test", r, n, b,
						    cnt, ob, eb, sizeof(eb));
			if (pass == 2 && view) {   /* the target read in place, with its own memo */
				memcpy(b, in, cnt * sizeof(*b));
				rb = bvf_core_relocate_view(bvf_program_btf(p), view, NULL, vmemo,
							    "kernel test", r, n, b, cnt, ob, eb,
							    sizeof(eb));
			}
			CHECK(ra == rb && strcmp(ea, eb) == 0 &&
			      memcmp(a, b, cnt * sizeof(*a)) == 0 &&
			      memcmp(oa, ob, n * sizeof(*oa)) == 0,
			      "memo pass %d, program %s: %d '%s' vs %d '%s'", pass,
			      bvf_program_name(p), ra, ea, rb, eb);
			compared++;
next:
			free(a);
			free(b);
			free(oa);
			free(ob);
		}
	}
	CHECK(compared >= 4, "memo: %zu programs with relocations compared", compared);
	bvf_core_memo_free(memo);
	bvf_core_memo_free(other);
	bvf_core_memo_free(vmemo);
	bvdb_btf__free(view);
}

int main(void)
{
	char err[512];
	struct bvf_object *obj;
	struct btf *targ = build_target();

	CHECK(targ != NULL, "build target BTF");
	obj = bvf_object_open_file(input_path("core.bpf.o"), err, sizeof(err));
	CHECK(obj != NULL, "open core.bpf.o: %s", err);
	test_names();
	if (obj && targ) {
		test_object_records(obj);
		test_fields(obj, targ);
		test_bitfields(obj, targ);
		test_flavor_types_enums(obj, targ);
		test_end_to_end(obj, targ);
		test_memo(obj, targ);
		test_vmlinux(obj);
		test_corrupt(targ);
	}
	test_hand_built();
	bvf_object_close(obj);
	btf__free(targ);
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
