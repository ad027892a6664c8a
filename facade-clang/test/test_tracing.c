/* test_tracing.c — tracing.c against the shipped kernel profiles: field
 * walks through kernel structs (scalars, pointer members, nested structs,
 * the kernel's messages), trust of walked pointers from each kernel's own
 * __safe_* BTF types, and struct matching for helper arguments. Offsets
 * are looked up in the profile's BTF, never typed out. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

#include <bpf/btf.h>

#include "bpfverify/facade.h"
#include "bvf_internal.h"
#include "harness.h"
#include "tracing.h"

/* Byte offset of member `name` of struct `sname` (top level), -1 if none. */
static int member_off(const struct btf *btf, const char *sname, const char *name)
{
	int id = btf__find_by_name_kind(btf, sname, BTF_KIND_STRUCT);
	const struct btf_type *t = id > 0 ? btf__type_by_id(btf, (uint32_t)id) : NULL;

	for (uint16_t i = 0; t && i < btf_vlen(t); i++)
		if (strcmp(btf__name_by_offset(btf, btf_members(t)[i].name_off), name) == 0)
			return (int)(btf_member_bit_offset(t, i) / 8);
	return -1;
}

static uint32_t struct_id(const struct btf *btf, const char *name)
{
	int id = btf__find_by_name_kind(btf, name, BTF_KIND_STRUCT);

	return id > 0 ? (uint32_t)id : 0;
}

static void test_kernel(const char *name, bool trusted_ptrs)
{
	char err[256];
	struct bvf_kernel *k = bvf_kernel_open(name, err, sizeof(err));
	struct bv_btf_access out;
	const struct btf *btf;
	uint32_t task, mm;
	int off;

	CHECK(k != NULL, "kernel %s: %s", name, err);
	if (!k)
		return;
	btf = bvf_kernel_btf(k, err, sizeof(err));
	CHECK(btf != NULL, "%s: btf: %s", name, err);
	if (!btf)
		goto out;
	task = struct_id(btf, "task_struct");
	mm = struct_id(btf, "mm_struct");
	CHECK(task && mm, "%s: task_struct and mm_struct in BTF", name);
	CHECK(STREQ(bvf_btf_struct_name(btf, task), "task_struct"), "%s: name", name);

	/* task->pid: a scalar */
	off = member_off(btf, "task_struct", "pid");
	memset(&out, 0, sizeof(out));
	out.type = BV_PTR_TO_BTF_ID | BV_PTR_TRUSTED;
	CHECK(bvf_btf_struct_access(btf, bvf_kernel_features(k), true, task, off, 4, &out) == 0 &&
	      out.type == BV_SCALAR, "%s: task->pid scalar", name);

	/* task->mm: a pointer to mm_struct, plain (not a listed safe field) */
	off = member_off(btf, "task_struct", "mm");
	memset(&out, 0, sizeof(out));
	out.type = BV_PTR_TO_BTF_ID | BV_PTR_TRUSTED;
	CHECK(bvf_btf_struct_access(btf, bvf_kernel_features(k), true, task, off, 8, &out) == 0 &&
	      out.type == BV_PTR_TO_BTF_ID && out.btf_id == mm, "%s: task->mm ptr_mm_struct (%#x)",
	      name, out.type);

	/* half of the pointer: the kernel's message */
	memset(&out, 0, sizeof(out));
	out.type = BV_PTR_TO_BTF_ID;
	CHECK(bvf_btf_struct_access(btf, bvf_kernel_features(k), true, task, off, 4, &out) ==
	      -EACCES && strstr(out.msg, "cannot access ptr member mm with moff") == out.msg,
	      "%s: partial pointer: %s", name, out.msg);

	/* task->real_parent: rcu_ when the kernel lists it as safe */
	off = member_off(btf, "task_struct", "real_parent");
	memset(&out, 0, sizeof(out));
	out.type = BV_PTR_TO_BTF_ID | BV_PTR_TRUSTED;
	CHECK(bvf_btf_struct_access(btf, bvf_kernel_features(k), true, task, off, 8, &out) == 0 &&
	      out.btf_id == task &&
	      out.type == (trusted_ptrs ? (BV_PTR_TO_BTF_ID | BV_MEM_RCU) : BV_PTR_TO_BTF_ID),
	      "%s: task->real_parent (%#x)", name, out.type);
	/* outside an RCU section (sleepable programs) it is untrusted */
	memset(&out, 0, sizeof(out));
	out.type = BV_PTR_TO_BTF_ID | BV_PTR_TRUSTED;
	CHECK(bvf_btf_struct_access(btf, bvf_kernel_features(k), false, task, off, 8, &out) == 0 &&
	      out.type == (trusted_ptrs ? (BV_PTR_TO_BTF_ID | BV_PTR_UNTRUSTED) : BV_PTR_TO_BTF_ID),
	      "%s: sleepable task->real_parent (%#x)", name, out.type);

	/* past the end of the struct */
	{
		const struct btf_type *t = btf__type_by_id(btf, task);
		char want[96];

		snprintf(want, sizeof(want), "access beyond struct task_struct at off %u size 8",
			 t->size);
		memset(&out, 0, sizeof(out));
		CHECK(bvf_btf_struct_access(btf, bvf_kernel_features(k), true, task, (int)t->size,
					    8, &out) == -EACCES && strcmp(out.msg, want) == 0,
		      "%s: beyond: %s", name, out.msg);
	}

	/* a task is a task; a sock is a sock_common at offset 0 (first member) */
	CHECK(bvf_btf_ids_match(btf, task, 0, task, true), "%s: same struct", name);
	CHECK(!bvf_btf_ids_match(btf, mm, 0, task, false), "%s: other struct", name);
	CHECK(bvf_btf_ids_match(btf, struct_id(btf, "sock"), 0, struct_id(btf, "sock_common"),
				false), "%s: sock starts with sock_common", name);
	CHECK(!bvf_btf_ids_match(btf, struct_id(btf, "sock"), 0, struct_id(btf, "sock_common"),
				 true), "%s: strict match", name);
out:
	bvf_kernel_close(k);
}

int main(void)
{
	test_kernel("6.18", true);
	test_kernel("6.12", true);
	test_kernel("6.1", false);
	printf("%d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
